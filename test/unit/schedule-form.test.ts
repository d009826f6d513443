// The add-schedule form's own reading, before the server sees anything: the cron expression in
// words in both languages, the next firings in the chosen zone, the same problems the server
// names, and the request the form turns into.
import { describe, expect, it } from 'vitest';
import {
  emptyScheduleForm,
  fieldOfServerMessage,
  previewCron,
  scheduleRequestOf,
} from '../../console/web/state/schedule-form.js';

const MONDAY_NOON_UTC = Date.UTC(2026, 11, 7, 12, 0);

describe('schedule form', () => {
  it('reads a cron expression in English and Russian with the next five runs in its zone', () => {
    const en = previewCron('30 3 * * 1-5', 'Europe/Berlin', 'en', MONDAY_NOON_UTC);
    const ru = previewCron('30 3 * * 1-5', 'Europe/Berlin', 'ru', MONDAY_NOON_UTC);
    expect(en.kind === 'ok' && en.reading).toBe('At 03:30, Monday through Friday');
    expect(ru.kind === 'ok' && ru.reading).toMatch(/03:30.*понедельник/i);
    // 03:30 in Berlin in December is 02:30 UTC; Tuesday is the first after Monday noon.
    expect(en.kind === 'ok' && en.runs.map((run) => new Date(run).toISOString())).toEqual([
      '2026-12-08T02:30:00.000Z',
      '2026-12-09T02:30:00.000Z',
      '2026-12-10T02:30:00.000Z',
      '2026-12-11T02:30:00.000Z',
      '2026-12-14T02:30:00.000Z',
    ]);
    // Monday noon UTC is 21:00 in Tokyo: the next run is Tuesday 03:30 there, still Monday in UTC.
    const tokyo = previewCron('30 3 * * 1-5', 'Asia/Tokyo', 'en', MONDAY_NOON_UTC);
    expect(tokyo.kind === 'ok' && new Date(tokyo.runs[0]!).toISOString()).toBe('2026-12-07T18:30:00.000Z');
  });

  it('names the problem the server would name, and which field it is about', () => {
    const badCron = previewCron('61 3 * * *', 'UTC', 'en', MONDAY_NOON_UTC);
    expect(badCron).toMatchObject({
      kind: 'problem',
      message: expect.stringContaining('cron expression "61 3 * * *"'),
    });
    const badZone = previewCron('0 3 * * *', 'Mars/Olympus', 'en', MONDAY_NOON_UTC);
    expect(badZone).toMatchObject({ kind: 'problem', message: expect.stringContaining('unknown time zone') });
    expect(fieldOfServerMessage(badCron.kind === 'problem' ? badCron.message : '')).toBe('cron');
    expect(fieldOfServerMessage(badZone.kind === 'problem' ? badZone.message : '')).toBe('timeZone');
    expect(fieldOfServerMessage('a schedule named x exists already')).toBe('name');
    expect(fieldOfServerMessage('no script named tidy')).toBe('script');
    expect(fieldOfServerMessage('something else went wrong')).toBeNull();
  });

  it('turns the form into the request, refusing half a window and a bad spread', () => {
    const form = { ...emptyScheduleForm(), name: ' tidy ', script: 'tidy', target: ' office ', timeZone: 'UTC' };
    expect(scheduleRequestOf({ ...form, spread: '10', args: { days: '7', empty: '' } })).toEqual({
      request: {
        name: 'tidy',
        script: 'tidy',
        group: 'office',
        cron: '0 3 * * *',
        timeZone: 'UTC',
        spreadMs: 600_000,
        args: { days: '7' },
      },
    });
    expect(scheduleRequestOf({ ...form, targetKind: 'tag', windowStart: '22:00', windowEnd: '05:00' })).toMatchObject({
      request: { tag: 'office', window: { start: '22:00', end: '05:00' } },
    });
    expect(scheduleRequestOf({ ...form, windowStart: '22:00' })).toEqual({ problem: 'windowBoth' });
    expect(scheduleRequestOf({ ...form, spread: '1.5' })).toEqual({ problem: 'spreadBad' });
    expect(scheduleRequestOf({ ...form, spread: '2000' })).toEqual({ problem: 'spreadBad' });
  });
});
