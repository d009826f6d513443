// The playback controls: play/pause, from the start, speed 1×/2×/4×, and where playback is.
// Plain buttons (Tab and Enter or Space work), the chosen speed marked with aria-pressed.
import { t } from '../i18n/index.js';
import type { CastPlayer, PlayerState } from './cast-player.js';
import { formatClock } from './recording-format.js';

export const SPEEDS = [1, 2, 4] as const;

export function PlayerControls(props: { player: CastPlayer | null; state: PlayerState | null }) {
  const { player, state } = props;
  const ready = player !== null && state !== null;
  const status = !state ? '' : state.playing ? 'player.playing' : state.finished ? 'player.finished' : 'player.paused';
  return (
    <div class="player-controls" role="group" aria-label={t('player.controls')}>
      <button
        type="button"
        class="button button-primary player-toggle"
        disabled={!ready}
        onClick={() => player?.toggle()}
      >
        {t(state?.playing ? 'player.pause' : 'player.play')}
      </button>
      <button type="button" class="button" disabled={!ready} onClick={() => player?.restart()}>
        {t('player.restart')}
      </button>
      <div class="player-speed" role="group" aria-label={t('player.speed')}>
        {SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            class="button button-quiet"
            aria-pressed={state?.speed === speed}
            disabled={!ready}
            onClick={() => player?.setSpeed(speed)}
          >
            {t('player.speedValue', { speed })}
          </button>
        ))}
      </div>
      <progress
        class="player-progress"
        aria-label={t('player.progress')}
        max={state && state.length > 0 ? state.length : 1}
        value={state ? (state.length > 0 ? state.position : state.finished ? 1 : 0) : 0}
      />
      <span class="player-position">
        {state && t('player.position', { position: formatClock(state.position), length: formatClock(state.length) })}
      </span>
      {/* Only the state is a live region: the position changes several times a second. */}
      <span class="player-state" role="status">
        {status && t(status)}
      </span>
    </div>
  );
}
