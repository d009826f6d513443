// The fleet table's columns: what each shows and how it is labelled. The name column is always
// first; the others are the user's choice (FLEET_COLUMNS, kept per user on the server).
import type { JSX } from 'preact';
import { FLEET_COLUMNS, type FleetColumn, type FleetRow } from '../../../../protocol/api/fleet.js';
import { formatNumber, t, type MessageKey } from '../../i18n/index.js';
import { fleetOsLabel, type SortKey } from '../../state/fleet.js';
import { OnlineBadge, StatusBadge } from '../badges.js';
import { Link } from '../link.js';
import { MaintenanceBadge } from '../maintenance/maintenance-badge.js';
import { RelativeTime } from '../relative-time.js';

export interface ColumnDef {
  key: SortKey;
  label: MessageKey;
  cell: (row: FleetRow) => JSX.Element | string;
  /** Numbers are right-aligned, as a reader compares them. */
  numeric?: boolean;
}

/** A percentage as a number and a bar; the bar is decoration, the number is the value. */
function Usage(props: { percent: number | null }) {
  if (props.percent === null) return <span class="muted">—</span>;
  const level = props.percent >= 90 ? 'high' : props.percent >= 75 ? 'raised' : 'normal';
  return (
    <span class={`usage usage-${level}`}>
      <span class="usage-bar" aria-hidden="true">
        {/* Set through the CSSOM (as preact does), which the page's CSP allows; a style attribute it would not. */}
        <span class="usage-fill" style={{ width: `${props.percent}%` }} />
      </span>
      {t('fleet.percent', { value: formatNumber(Math.round(props.percent)) })}
    </span>
  );
}

function Tags(props: { tags: readonly string[] }) {
  if (!props.tags.length) return <span class="muted">—</span>;
  return (
    <span class="tags">
      {props.tags.map((tag) => (
        <span key={tag} class="tag">
          {tag}
        </span>
      ))}
    </span>
  );
}

export const NAME_COLUMN: ColumnDef = {
  key: 'name',
  label: 'column.name',
  cell: (row) => (
    <span class="name-cell">
      <Link href={`/devices/${encodeURIComponent(row.device.id)}`} title={row.device.name}>
        {row.device.name}
      </Link>
      {row.maintenance && <MaintenanceBadge badge={row.maintenance} compact />}
    </span>
  ),
};

export const COLUMN_DEFS: Record<FleetColumn, ColumnDef> = {
  group: { key: 'group', label: 'column.group', cell: (row) => row.device.group },
  tags: { key: 'tags', label: 'column.tags', cell: (row) => <Tags tags={row.tags} /> },
  status: { key: 'status', label: 'column.status', cell: (row) => <StatusBadge status={row.device.status} /> },
  online: { key: 'online', label: 'column.online', cell: (row) => <OnlineBadge online={row.device.online} /> },
  lastSeen: { key: 'lastSeen', label: 'column.lastSeen', cell: (row) => <RelativeTime iso={row.device.lastSeenAt} /> },
  os: {
    key: 'os',
    label: 'column.os',
    cell: (row) => <span title={fleetOsLabel(row)}>{fleetOsLabel(row)}</span>,
  },
  cpu: { key: 'cpu', label: 'column.cpu', numeric: true, cell: (row) => <Usage percent={row.cpuPercent} /> },
  memory: {
    key: 'memory',
    label: 'column.memory',
    numeric: true,
    cell: (row) => <Usage percent={row.memoryPercent} />,
  },
  disk: { key: 'disk', label: 'column.disk', numeric: true, cell: (row) => <Usage percent={row.diskPercent} /> },
  openTickets: {
    key: 'openTickets',
    label: 'column.openTickets',
    numeric: true,
    cell: (row) => (row.openTickets ? formatNumber(row.openTickets) : <span class="muted">0</span>),
  },
  agentVersion: { key: 'agentVersion', label: 'column.agentVersion', cell: (row) => row.device.agentVersion },
};

/** Every column, in the table's own order: what a user who chose nothing sees. */
export const DEFAULT_COLUMNS: readonly FleetColumn[] = FLEET_COLUMNS;
