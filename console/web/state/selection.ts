// Which fleet rows are selected for a bulk action: a click toggles one row, a Shift-click selects
// the rows between the last clicked one and this one (in the order shown), "select all" takes
// every row the search matches. Pure functions over an immutable value, so a test can drive them.

export interface Selection {
  ids: ReadonlySet<string>;
  /** The row a Shift-click's range starts from: the last one clicked without Shift. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/**
 * One click on a row's checkbox. `shown` is the rows' order on screen; with Shift and an anchor
 * among them, the whole range takes the state the clicked row gets.
 */
export function clickRow(selection: Selection, id: string, shown: readonly string[], shift: boolean): Selection {
  const selecting = !selection.ids.has(id);
  const ids = new Set(selection.ids);
  const from = selection.anchor === null ? -1 : shown.indexOf(selection.anchor);
  const to = shown.indexOf(id);
  if (shift && from >= 0 && to >= 0) {
    const [start, end] = from <= to ? [from, to] : [to, from];
    for (const rowId of shown.slice(start, end + 1)) {
      if (selecting) ids.add(rowId);
      else ids.delete(rowId);
    }
    return { ids, anchor: selection.anchor };
  }
  if (selecting) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id };
}

/** Every row shown (the search's result) selected, or, when they all are already, none of them. */
export function toggleAll(selection: Selection, shown: readonly string[]): Selection {
  const allSelected = shown.length > 0 && shown.every((id) => selection.ids.has(id));
  const ids = new Set(selection.ids);
  for (const id of shown) {
    if (allSelected) ids.delete(id);
    else ids.add(id);
  }
  return { ids, anchor: selection.anchor };
}

/** Drops ids of devices no longer in the fleet (after a reload). */
export function keepKnown(selection: Selection, known: ReadonlySet<string>): Selection {
  const ids = [...selection.ids].filter((id) => known.has(id));
  if (ids.length === selection.ids.size) return selection;
  return {
    ids: new Set(ids),
    anchor: selection.anchor !== null && known.has(selection.anchor) ? selection.anchor : null,
  };
}
