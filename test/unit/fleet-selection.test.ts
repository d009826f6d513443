// The fleet table's selection: one row, a Shift range either way, select all matching, and what a
// reload leaves of it.
import { describe, expect, it } from 'vitest';
import { clickRow, EMPTY_SELECTION, keepKnown, toggleAll } from '../../console/web/state/selection.js';

const SHOWN = ['a', 'b', 'c', 'd', 'e'];
const ids = (selection: { ids: ReadonlySet<string> }) => [...selection.ids].sort();

describe('fleet selection', () => {
  it('toggles one row and remembers it as the anchor', () => {
    const one = clickRow(EMPTY_SELECTION, 'b', SHOWN, false);
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    expect(ids(clickRow(one, 'b', SHOWN, false))).toEqual([]);
  });

  it('selects a range with Shift, downwards and upwards, and clears one the same way', () => {
    const anchored = clickRow(EMPTY_SELECTION, 'b', SHOWN, false);
    expect(ids(clickRow(anchored, 'd', SHOWN, true))).toEqual(['b', 'c', 'd']);
    const up = clickRow(clickRow(EMPTY_SELECTION, 'd', SHOWN, false), 'a', SHOWN, true);
    expect(ids(up)).toEqual(['a', 'b', 'c', 'd']);
    // Shift-clicking a selected row clears the range from the anchor to it.
    expect(ids(clickRow(up, 'b', SHOWN, true))).toEqual(['a']);
  });

  it('treats Shift without an anchor as a plain click', () => {
    expect(ids(clickRow(EMPTY_SELECTION, 'c', SHOWN, true))).toEqual(['c']);
  });

  it('selects every row shown, keeps others selected, and clears the shown ones when all were', () => {
    const other = clickRow(EMPTY_SELECTION, 'z', [...SHOWN, 'z'], false);
    const all = toggleAll(other, ['a', 'b']);
    expect(ids(all)).toEqual(['a', 'b', 'z']);
    expect(ids(toggleAll(all, ['a', 'b']))).toEqual(['z']);
    expect(ids(toggleAll(EMPTY_SELECTION, []))).toEqual([]);
  });

  it('forgets devices that are gone after a reload', () => {
    const selection = toggleAll(EMPTY_SELECTION, ['a', 'b', 'c']);
    expect(ids(keepKnown(selection, new Set(['a', 'c'])))).toEqual(['a', 'c']);
    expect(keepKnown(selection, new Set(SHOWN))).toBe(selection);
  });
});
