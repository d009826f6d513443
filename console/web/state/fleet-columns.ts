// The user's choice of fleet columns, read from and saved to the server (per user, so it follows
// them to another browser). Until it is read, and if it cannot be, the default set shows.
import { useEffect, useState } from 'preact/hooks';
import type { FleetColumn } from '../../../protocol/api/fleet.js';
import { API, call } from '../api.js';
import { DEFAULT_COLUMNS } from '../components/fleet/fleet-columns.js';

export function useFleetColumns(): {
  columns: readonly FleetColumn[];
  save: (columns: FleetColumn[]) => Promise<void>;
} {
  const [columns, setColumns] = useState<readonly FleetColumn[]>(DEFAULT_COLUMNS);
  useEffect(() => {
    let current = true;
    call(API.fleet.preferences).then(
      (preferences) => current && preferences.fleetColumns && setColumns(preferences.fleetColumns),
      // Not worth an error on the page: the table shows with the default columns.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  const save = async (next: FleetColumn[]) => {
    const saved = await call(API.fleet.savePreferences, { body: { fleetColumns: next } });
    setColumns(saved.fleetColumns ?? DEFAULT_COLUMNS);
  };
  return { columns, save };
}
