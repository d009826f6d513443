// Plays a recording's output frames into a terminal with their own timing: play, pause, speed,
// from the start again. The position is kept in recording seconds, so a speed change or a pause
// carries on from where it was. A frame is written only after the one before it is drawn.
import type { CastFrame } from '../../../protocol/asciicast.js';

export interface PlayerState {
  playing: boolean;
  finished: boolean;
  /** Recording seconds shown so far, and the whole length. */
  position: number;
  length: number;
  speed: number;
}

export interface PlayerTarget {
  write(data: string, written: () => void): void;
  resize(cols: number, rows: number): void;
  /** Clears the screen (and goes back to the recording's first size). */
  reset(): void;
}

/** How often the shown position is refreshed while playing. */
const TICK_MS = 200;

export function createCastPlayer(frames: CastFrame[], target: PlayerTarget, onChange: (state: PlayerState) => void) {
  const length = frames.length > 0 ? frames[frames.length - 1]!.at : 0;
  let next = 0;
  let speed = 1;
  let playing = false;
  let writing = false;
  /** Recording seconds at `anchorAt` (performance.now()) while playing; the position while paused. */
  let anchorPosition = 0;
  let anchorAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;

  const position = () =>
    Math.min(length, playing ? anchorPosition + ((performance.now() - anchorAt) / 1000) * speed : anchorPosition);
  const finished = () => next >= frames.length;
  const report = () => onChange({ playing, finished: finished(), position: position(), length, speed });

  const clearTimers = () => {
    if (timer !== null) clearTimeout(timer);
    if (ticker !== null) clearInterval(ticker);
    timer = ticker = null;
  };

  /** Writes every frame that is due, then waits for the next one. */
  const pump = () => {
    timer = null;
    if (!playing || writing) return;
    if (finished()) {
      anchorPosition = length;
      playing = false;
      clearTimers();
      return report();
    }
    const frame = frames[next]!;
    const wait = ((frame.at - position()) * 1000) / speed;
    if (wait > 0) {
      timer = setTimeout(pump, wait);
      return;
    }
    next++;
    if (frame.size) {
      target.resize(frame.size.cols, frame.size.rows);
      return pump();
    }
    writing = true;
    target.write(frame.data, () => {
      writing = false;
      pump();
    });
  };

  const pause = () => {
    if (!playing) return;
    anchorPosition = position();
    playing = false;
    clearTimers();
    report();
  };

  const play = () => {
    if (playing) return;
    if (finished()) restartAt0();
    anchorAt = performance.now();
    playing = true;
    ticker = setInterval(report, TICK_MS);
    report();
    pump();
  };

  const restartAt0 = () => {
    target.reset();
    next = 0;
    anchorPosition = 0;
  };

  return {
    play,
    pause,
    toggle: () => (playing ? pause() : play()),
    /** Clears the terminal and plays from the first frame. */
    restart() {
      pause();
      restartAt0();
      play();
    },
    setSpeed(value: number) {
      anchorPosition = position();
      anchorAt = performance.now();
      speed = value;
      if (timer !== null) {
        clearTimeout(timer);
        pump();
      }
      report();
    },
    dispose() {
      playing = false;
      clearTimers();
    },
    state: (): PlayerState => ({ playing, finished: finished(), position: position(), length, speed }),
  };
}
export type CastPlayer = ReturnType<typeof createCastPlayer>;
