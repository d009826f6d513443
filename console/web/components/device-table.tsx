// The fleet as one table: sortable by any column, virtualised so only the rows in view exist.
// It keeps real table semantics (header cells, aria-rowcount/rowindex) for assistive technology.
import { useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { DeviceView } from '../../../protocol/api/devices.js';
import { t, type MessageKey } from '../i18n/index.js';
import { osLabel, type IndexedDevice, type Sort, type SortKey } from '../state/fleet.js';
import { OnlineBadge, StatusBadge } from './badges.js';
import { Link } from './link.js';
import { RelativeTime } from './relative-time.js';
import { useVirtualRows } from './use-virtual-rows.js';

const ROW_HEIGHT = 44;

interface Column {
  key: SortKey;
  label: MessageKey;
  cell: (device: DeviceView) => JSX.Element | string;
}

const COLUMNS: Column[] = [
  {
    key: 'name',
    label: 'column.name',
    cell: (device) => (
      <Link href={`/devices/${encodeURIComponent(device.id)}`} title={device.name}>
        {device.name}
      </Link>
    ),
  },
  { key: 'group', label: 'column.group', cell: (device) => device.group },
  { key: 'status', label: 'column.status', cell: (device) => <StatusBadge status={device.status} /> },
  { key: 'online', label: 'column.online', cell: (device) => <OnlineBadge online={device.online} /> },
  { key: 'lastSeen', label: 'column.lastSeen', cell: (device) => <RelativeTime iso={device.lastSeenAt} /> },
  { key: 'os', label: 'column.os', cell: (device) => osLabel(device) },
  { key: 'agentVersion', label: 'column.agentVersion', cell: (device) => device.agentVersion },
];

export function DeviceTable(props: { rows: IndexedDevice[]; sort: Sort; onSort: (key: SortKey) => void }) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const { items, before, after } = useVirtualRows(props.rows.length, scroller, ROW_HEIGHT);
  return (
    <div class="table-scroll" ref={scroller}>
      <table class="table fleet-table" aria-rowcount={props.rows.length + 1} aria-label={t('devices.title')}>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} class={`col-${column.key}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <SortHeader key={column.key} column={column} sort={props.sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <Spacer height={before} />}
          {items.map((item) => {
            const device = props.rows[item.index]!.device;
            return (
              <tr key={device.id} aria-rowindex={item.index + 2} class={device.online ? 'row-online' : 'row-offline'}>
                {COLUMNS.map((column) => (
                  <td key={column.key} class={`cell-${column.key}`}>
                    {column.cell(device)}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && <Spacer height={after} />}
        </tbody>
      </table>
    </div>
  );
}

function SortHeader(props: { column: Column; sort: Sort; onSort: (key: SortKey) => void }) {
  const active = props.sort.key === props.column.key;
  const label = t(props.column.label);
  return (
    <th scope="col" aria-sort={active ? props.sort.direction : 'none'}>
      <button
        type="button"
        class="sort-button"
        title={t('devices.sortBy', { column: label })}
        onClick={() => props.onSort(props.column.key)}
      >
        <span class="sort-label">{label}</span>
        <span class={`sort-mark${active ? ` sort-${props.sort.direction}` : ''}`} aria-hidden="true" />
      </button>
    </th>
  );
}

/** Stands in for the rows scrolled out of view. */
function Spacer(props: { height: number }) {
  return (
    <tr class="spacer" aria-hidden="true">
      <td colSpan={COLUMNS.length} style={{ height: `${props.height}px` }} />
    </tr>
  );
}
