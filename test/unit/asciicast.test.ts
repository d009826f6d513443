// Reading shell recordings (asciicast v2), shared by the CLI's `recordings play` and the web
// console's player: the header and events checked, output frames timed with pauses capped, and
// resizes given only to a player that asks for them.
import { describe, expect, it } from 'vitest';
import { castFrames, CastFormatError, parseCast } from '../../protocol/asciicast.js';

const cast = (header: object, ...events: unknown[]) =>
  [JSON.stringify(header), ...events.map((event) => JSON.stringify(event))].join('\n') + '\n';

describe('asciicast v2', () => {
  it('reads the header and the events, and refuses what is not a recording', () => {
    const text = cast({ version: 2, width: 80, height: 24 }, [0.5, 'o', 'hi'], [1, 'i', 'x']);
    expect(parseCast(text, 'recording sh_1')).toEqual({
      header: { version: 2, width: 80, height: 24 },
      events: [
        { time: 0.5, code: 'o', data: 'hi' },
        { time: 1, code: 'i', data: 'x' },
      ],
    });
    expect(() => parseCast('{"version":1}\n', 'recording sh_1')).toThrow(CastFormatError);
    expect(() => parseCast(cast({ version: 2, width: 80, height: 24 }, [-1, 'o', 'x']), 'recording sh_1')).toThrow(
      'recording sh_1: line 2 is not an asciicast event [seconds, code, text]',
    );
  });

  it('times output frames from the start, caps pauses at idle_time_limit, and never runs backwards', () => {
    const text = cast(
      { version: 2, width: 80, height: 24, idle_time_limit: 2 },
      [1, 'o', 'a'],
      [1.5, 'i', 'typed'],
      [10, 'o', 'b'],
      [9, 'o', 'c'],
      [10.5, 'r', '100x30'],
      [11, 'o', 'd'],
    );
    const parsed = parseCast(text, 'recording sh_1');
    expect(castFrames(parsed)).toEqual([
      { at: 1, data: 'a' },
      // The input's half second counts; the 8.5 s pause after it is cut to 2 s.
      { at: 3.5, data: 'b' },
      { at: 3.5, data: 'c' },
      { at: 4.5, data: 'd' },
    ]);
    expect(castFrames(parsed, { resizes: true })).toContainEqual({ at: 4, data: '', size: { cols: 100, rows: 30 } });
  });
});
