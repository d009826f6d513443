// Only the rows in view (plus a margin) are in the DOM, so a table of 10,000 devices scrolls and
// filters as fast as one of 50. @tanstack/virtual-core does the arithmetic; this binds it to a
// scrolling element and re-renders when the visible range moves.
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualItem,
} from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

export interface VirtualRows {
  items: VirtualItem[];
  /** Space above the first rendered row and below the last, so the scroll bar stays true. */
  before: number;
  after: number;
}

export function useVirtualRows(count: number, scroller: RefObject<HTMLElement | null>, rowHeight: number): VirtualRows {
  const [, rerender] = useReducer((tick: number) => tick + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLElement, HTMLElement>({
        count,
        getScrollElement: () => scroller.current,
        estimateSize: () => rowHeight,
        overscan: 12,
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        onChange: () => rerender(undefined),
      }),
  );
  virtualizer.setOptions({ ...virtualizer.options, count });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const first = items[0];
  const last = items[items.length - 1];
  return { items, before: first ? first.start : 0, after: last ? total - last.end : 0 };
}
