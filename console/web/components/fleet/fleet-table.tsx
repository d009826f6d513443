// The fleet as one table: the chosen columns, sortable, virtualised so only the rows in view
// exist, with a checkbox per row for bulk actions when the user may act on devices. It keeps real
// table semantics (header cells, aria-rowcount/rowindex) for assistive technology.
import { useMemo, useRef } from 'preact/hooks';
import type { FleetColumn } from '../../../../protocol/api/fleet.js';
import { t } from '../../i18n/index.js';
import type { IndexedRow, Sort, SortKey } from '../../state/fleet.js';
import { SortHeader } from '../sort-header.js';
import { useVirtualRows } from '../use-virtual-rows.js';
import { COLUMN_DEFS, NAME_COLUMN, type ColumnDef } from './fleet-columns.js';

const ROW_HEIGHT = 44;

export interface RowSelection {
  selected: ReadonlySet<string>;
  /** One checkbox clicked; `shift`: a range from the last one. */
  onClick: (deviceId: string, shift: boolean) => void;
  /** The header checkbox: every row shown, or none. */
  onToggleAll: () => void;
}

export function FleetTable(props: {
  rows: IndexedRow[];
  columns: readonly FleetColumn[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** Absent for users who may not act on devices (viewers): no checkboxes. */
  selection?: RowSelection;
}) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const { items, before, after } = useVirtualRows(props.rows.length, scroller, ROW_HEIGHT);
  const columns: ColumnDef[] = [NAME_COLUMN, ...props.columns.map((key) => COLUMN_DEFS[key])];
  const selection = props.selection;
  const width = columns.length + (selection ? 1 : 0);
  // Once per list or selection, not per render (a scroll re-renders).
  const selected = selection?.selected;
  const selectedShown = useMemo(
    () => (selected ? props.rows.filter((entry) => selected.has(entry.row.device.id)).length : 0),
    [props.rows, selected],
  );
  return (
    <div class="table-scroll" ref={scroller}>
      <table class="table fleet-table" aria-rowcount={props.rows.length + 1} aria-label={t('devices.title')}>
        <colgroup>
          {selection && <col class="col-select" />}
          {columns.map((column) => (
            <col key={column.key} class={`col-${column.key}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {selection && (
              <th scope="col" class="cell-select">
                <input
                  type="checkbox"
                  aria-label={t('fleet.selectAllShown', { count: props.rows.length })}
                  checked={props.rows.length > 0 && selectedShown === props.rows.length}
                  indeterminate={selectedShown > 0 && selectedShown < props.rows.length}
                  onChange={selection.onToggleAll}
                />
              </th>
            )}
            {columns.map((column) => (
              <FleetSortHeader key={column.key} column={column} sort={props.sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <Spacer height={before} width={width} />}
          {items.map((item) => {
            const row = props.rows[item.index]!.row;
            const id = row.device.id;
            const selected = selection?.selected.has(id) ?? false;
            return (
              <tr
                key={id}
                aria-rowindex={item.index + 2}
                aria-selected={selection ? selected : undefined}
                class={`${row.device.online ? 'row-online' : 'row-offline'}${selected ? ' row-selected' : ''}`}
              >
                {selection && (
                  <td class="cell-select">
                    <input
                      type="checkbox"
                      aria-label={t('fleet.selectDevice', { name: row.device.name })}
                      checked={selected}
                      // A click, not a change: only the click event says whether Shift was held (Space
                      // on a focused box clicks it too). The box toggles as the selection does.
                      onClick={(event) => selection.onClick(id, event.shiftKey)}
                    />
                  </td>
                )}
                {columns.map((column) => (
                  <td key={column.key} class={`cell-${column.key}${column.numeric ? ' cell-numeric' : ''}`}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && <Spacer height={after} width={width} />}
        </tbody>
      </table>
    </div>
  );
}

function FleetSortHeader(props: { column: ColumnDef; sort: Sort; onSort: (key: SortKey) => void }) {
  const label = t(props.column.label);
  return (
    <SortHeader
      label={label}
      title={t('devices.sortBy', { column: label })}
      direction={props.sort.key === props.column.key ? props.sort.direction : null}
      numeric={props.column.numeric}
      onSort={() => props.onSort(props.column.key)}
    />
  );
}

/** Stands in for the rows scrolled out of view. */
function Spacer(props: { height: number; width: number }) {
  return (
    <tr class="spacer" aria-hidden="true">
      <td colSpan={props.width} style={{ height: `${props.height}px` }} />
    </tr>
  );
}
