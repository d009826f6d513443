// The fleet's one server-side filter: devices with installed software whose name contains the
// text. Asked once the user stops typing for a moment (a request per keystroke would be wasted),
// and only the latest answer counts.
import { useEffect, useRef, useState } from 'preact/hooks';
import { API, call } from '../api.js';

const PAUSE_MS = 300;

export type SoftwareMatch =
  | { kind: 'off' }
  | { kind: 'searching' }
  | { kind: 'ready'; deviceIds: ReadonlySet<string> }
  | { kind: 'failed'; error: unknown };

export function useSoftwareMatch(query: string): SoftwareMatch {
  const [match, setMatch] = useState<SoftwareMatch>({ kind: 'off' });
  const generation = useRef(0);
  const text = query.trim();
  useEffect(() => {
    const mine = ++generation.current;
    if (!text) {
      setMatch({ kind: 'off' });
      return;
    }
    setMatch({ kind: 'searching' });
    const timer = setTimeout(() => {
      call(API.fleet.list, { query: { software: text } }).then(
        (rows) =>
          mine === generation.current &&
          setMatch({ kind: 'ready', deviceIds: new Set(rows.map((row) => row.device.id)) }),
        (error: unknown) => mine === generation.current && setMatch({ kind: 'failed', error }),
      );
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return match;
}
