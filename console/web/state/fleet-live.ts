// The fleet table kept current by the live stream: online changes are patched into the loaded
// list, gathered for a moment so that a hundred agents reconnecting after a network blip cost one
// re-render, not a hundred; a device the list does not have yet (just enrolled) or a changed
// record makes it load again, also gathered.
import { useEffect, useRef } from 'preact/hooks';
import type { FleetRow } from '../../../protocol/api/fleet.js';
import type { LiveEventOf } from '../../../protocol/api/live-events.js';
import { useLiveEvent, useResync } from './live.js';

/** How long changes are gathered before the table is redrawn. */
const GATHER_MS = 250;

type OnlineEvent = LiveEventOf<'device.online'>;

/** The list with each device's online state and last-seen time as the events say. */
export function applyOnline(rows: readonly FleetRow[], events: ReadonlyMap<string, OnlineEvent>): FleetRow[] {
  return rows.map((row) => {
    const event = events.get(row.device.id);
    if (!event) return row;
    return {
      ...row,
      device: { ...row.device, online: event.online, lastSeenAt: event.lastSeenAt ?? row.device.lastSeenAt },
    };
  });
}

export function useFleetLive(
  rows: readonly FleetRow[] | null,
  update: (change: (rows: FleetRow[]) => FleetRow[]) => void,
  reload: () => void,
): void {
  const known = useRef(new Set<string>());
  known.current = new Set(rows?.map((row) => row.device.id));
  const pending = useRef(new Map<string, OnlineEvent>());
  const reloadWanted = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ update, reload });
  latest.current = { update, reload };

  const flushSoon = () => {
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      if (reloadWanted.current) {
        reloadWanted.current = false;
        pending.current.clear();
        latest.current.reload();
        return;
      }
      const events = pending.current;
      pending.current = new Map();
      if (events.size) latest.current.update((list) => applyOnline(list, events));
    }, GATHER_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  useLiveEvent('device.online', (event) => {
    if (known.current.has(event.deviceId)) pending.current.set(event.deviceId, event);
    else reloadWanted.current = true;
    flushSoon();
  });
  useLiveEvent('device.changed', () => {
    reloadWanted.current = true;
    flushSoon();
  });
  useResync(reload);
}
