// A recording played in a terminal in the page: xterm loaded lazily, sized as the recorded
// terminal was, and a player over the cast's output frames. Starts paused at the beginning.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Cast } from '../../../protocol/asciicast.js';
import { castFrames } from '../../../protocol/asciicast.js';
import { t } from '../i18n/index.js';
import { createCastPlayer, type CastPlayer, type PlayerState } from './cast-player.js';

export function useCastPlayer(cast: Cast | null) {
  const host = useRef<HTMLDivElement>(null);
  const player = useRef<CastPlayer | null>(null);
  const [state, setState] = useState<PlayerState | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    if (cast === null) return;
    let stopped = false;
    let dispose = () => undefined as void;
    import('./terminal.js').then(
      ({ createTerminal }) => {
        if (stopped || !host.current) return;
        const shown = createTerminal(host.current, {
          label: t('player.terminalLabel'),
          readOnly: true,
          cols: cast.header.width,
          rows: cast.header.height,
        });
        const made = createCastPlayer(
          castFrames(cast, { resizes: true }),
          {
            write: (data, written) => shown.terminal.write(data, written),
            resize: (cols, rows) => shown.terminal.resize(cols, rows),
            reset() {
              shown.terminal.reset();
              shown.terminal.resize(cast.header.width, cast.header.height);
            },
          },
          (next) => !stopped && setState(next),
        );
        player.current = made;
        setState(made.state());
        dispose = () => {
          made.dispose();
          shown.dispose();
        };
      },
      (error: unknown) => !stopped && setFailed(error),
    );
    return () => {
      stopped = true;
      player.current = null;
      dispose();
    };
  }, [cast]);

  return { host, state, failed, player: player.current };
}
