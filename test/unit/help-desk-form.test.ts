// The help-desk settings form: what it shows of the settings (targets in hours when whole), the
// whole object it PUTs back (parts it does not show unchanged), what it refuses alone, and which
// part of the form each of the server's complaints belongs to.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HELP_DESK_SETTINGS } from '../../protocol/api/help-desk-settings.js';
import { fieldsOfServerMessage, helpDeskFormOf, settingsOf } from '../../console/web/state/help-desk-form.js';

const base = {
  ...DEFAULT_HELP_DESK_SETTINGS,
  slaPolicy: {
    ...DEFAULT_HELP_DESK_SETTINGS.slaPolicy,
    targets: {
      ...DEFAULT_HELP_DESK_SETTINGS.slaPolicy.targets,
      '1': { firstResponseMinutes: 45, resolutionMinutes: 240 },
    },
  },
  autoCloseResolvedAfterDays: 3,
};

describe('help-desk settings form', () => {
  it('shows whole hours as hours and anything else as minutes', () => {
    const form = helpDeskFormOf(base);
    expect(form.targets['1']).toEqual({
      firstResponse: { amount: '45', unit: 'minutes' },
      resolution: { amount: '4', unit: 'hours' },
    });
    expect(form.hours.mon).toEqual([{ start: '08:00', end: '17:00' }]);
    expect(form.hours.sun).toEqual([]);
  });

  it('gives back the whole settings with the edits, the parts it does not show unchanged', () => {
    const form = helpDeskFormOf(base);
    form.timeZone = ' Europe/Berlin ';
    form.holidays = ['2026-12-31', '2026-01-01', '2026-12-31'];
    form.hours.sat = [{ start: '10:00', end: '14:00' }];
    form.targets['2'] = {
      firstResponse: { amount: '90', unit: 'minutes' },
      resolution: { amount: '2', unit: 'hours' },
    };
    const made = settingsOf(form, base);
    if (!('settings' in made)) throw new Error('expected settings');
    expect(made.settings.slaPolicy.calendar).toMatchObject({
      timeZone: 'Europe/Berlin',
      holidays: ['2026-01-01', '2026-12-31'],
    });
    expect(made.settings.slaPolicy.calendar.workingHours.sat).toEqual([{ start: '10:00', end: '14:00' }]);
    expect(made.settings.slaPolicy.targets['2']).toEqual({ firstResponseMinutes: 90, resolutionMinutes: 120 });
    expect(made.settings.slaPolicy.targets['1']).toEqual({ firstResponseMinutes: 45, resolutionMinutes: 240 });
    expect(made.settings.priorityMatrix).toBe(base.priorityMatrix);
    expect(made.settings.escalationRules).toBe(base.escalationRules);
    expect(made.settings.autoCloseResolvedAfterDays).toBe(3);
    expect(made.settings.slaPolicy.warnAtShare).toBe(0.75);
  });

  it('refuses a target that is not a whole number of 1 or more, and an empty holiday', () => {
    for (const amount of ['', '0', '1.5', '-3', 'soon']) {
      const form = helpDeskFormOf(base);
      form.targets['3'].resolution.amount = amount;
      expect(settingsOf(form, base), amount).toEqual({ problem: { field: 'target-3', problem: 'targetNotNumber' } });
    }
    const form = helpDeskFormOf(base);
    form.holidays = ['2026-05-01', ''];
    expect(settingsOf(form, base)).toEqual({ problem: { field: 'holidays', problem: 'holidayEmpty' } });
  });

  it("sorts the server's complaints into the parts of the form they name", () => {
    const message = [
      '/calendar/timeZone "Mars/Base" is not a known IANA time zone (e.g. "Europe/Berlin")',
      '/calendar/workingHours/mon/0 starts at 18:00, which is not before its end 08:00',
      '/calendar/workingHours/mon/1 starts at 09:00, before the previous interval ends; list intervals in order, without overlap',
      '/targets/2 wants a first response in 600 minutes, later than the resolution in 60',
      '/calendar/holidays/0 "2026-02-30" is not a real date',
    ].join('; ');
    const fields = fieldsOfServerMessage(message);
    expect(Object.keys(fields).sort()).toEqual(['holidays', 'hours-mon', 'target-2', 'timeZone']);
    expect(fields['hours-mon']).toContain('mon/0');
    expect(fields['hours-mon']).toContain('mon/1');
    expect(fieldsOfServerMessage('/slaPolicy/calendar/timeZone must be string')).toEqual({
      timeZone: '/slaPolicy/calendar/timeZone must be string',
    });
    expect(fieldsOfServerMessage('/slaPolicy/calendar/workingHours has no opening hours on any weekday')).toEqual({
      form: '/slaPolicy/calendar/workingHours has no opening hours on any weekday',
    });
  });
});
