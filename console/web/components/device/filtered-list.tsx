// A long list of one device's items (software, services, users) with a filter box and a table
// that renders only the rows in view: a PC can have thousands of packages.
import type { JSX } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { useVirtualRows } from '../use-virtual-rows.js';

const ROW_HEIGHT = 36;

export interface ListColumn<T> {
  label: string;
  cell: (item: T) => JSX.Element | string;
  numeric?: boolean;
}

export function FilteredList<T>(props: {
  id: string;
  /** The table's accessible name (the filter box has its own). */
  title: string;
  searchLabel: string;
  items: readonly T[];
  /** The text the filter matches, per item (built once per list). */
  text: (item: T) => string;
  columns: ReadonlyArray<ListColumn<T>>;
  keyOf: (item: T) => string;
}) {
  const [query, setQuery] = useState('');
  const index = useMemo(
    () => props.items.map((item) => ({ item, text: props.text(item).toLowerCase() })),
    [props.items],
  );
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = useMemo(
    () => index.filter((entry) => words.every((word) => entry.text.includes(word))).map((entry) => entry.item),
    [index, query],
  );
  const scroller = useRef<HTMLDivElement | null>(null);
  const { items, before, after } = useVirtualRows(shown.length, scroller, ROW_HEIGHT);
  return (
    <div class="filtered-list">
      <div class="toolbar">
        <label class="visually-hidden" for={`${props.id}-search`}>
          {props.searchLabel}
        </label>
        <input
          id={`${props.id}-search`}
          class="search"
          type="search"
          autoComplete="off"
          spellcheck={false}
          placeholder={props.searchLabel}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <p class="count" role="status">
          {words.length
            ? t('inv.countFiltered', { shown: shown.length, count: props.items.length })
            : t('inv.count', { count: props.items.length })}
        </p>
      </div>
      <div class="table-scroll list-scroll" ref={scroller}>
        <table class="table table-compact" aria-rowcount={shown.length + 1} aria-label={props.title}>
          <thead>
            <tr aria-rowindex={1}>
              {props.columns.map((column) => (
                <th key={column.label} scope="col" class={column.numeric ? 'cell-numeric' : ''}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {before > 0 && (
              <tr class="spacer" aria-hidden="true">
                <td colSpan={props.columns.length} style={{ height: `${before}px` }} />
              </tr>
            )}
            {items.map((virtual) => {
              const item = shown[virtual.index]!;
              return (
                <tr key={props.keyOf(item)} aria-rowindex={virtual.index + 2}>
                  {props.columns.map((column) => (
                    <td key={column.label} class={column.numeric ? 'cell-numeric' : ''}>
                      {column.cell(item)}
                    </td>
                  ))}
                </tr>
              );
            })}
            {after > 0 && (
              <tr class="spacer" aria-hidden="true">
                <td colSpan={props.columns.length} style={{ height: `${after}px` }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
