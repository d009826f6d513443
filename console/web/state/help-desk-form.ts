// The help-desk settings form: business hours per weekday, the calendar's time zone, holidays and
// the SLA targets per priority, as the admin edits them (targets in minutes or hours). The PUT
// takes the whole settings object, so the parts this form does not show (priority matrix,
// escalation rules, auto-close, warning share) go back exactly as GET gave them.
import type { HelpDeskSettings } from '../../../protocol/api/help-desk-settings.js';
import { PRIORITIES, WEEKDAYS, type Priority, type Weekday } from '../../../protocol/api/sla.js';

export type TargetUnit = 'minutes' | 'hours';
export interface TargetAmount {
  amount: string;
  unit: TargetUnit;
}
export interface PriorityTargets {
  firstResponse: TargetAmount;
  resolution: TargetAmount;
}
export interface Interval {
  start: string;
  end: string;
}

export interface HelpDeskForm {
  timeZone: string;
  hours: Record<Weekday, Interval[]>;
  holidays: string[];
  targets: Record<`${Priority}`, PriorityTargets>;
}

/** Which part of the form a message is about: the zone, one weekday, the holidays, one priority. */
export type HelpDeskField = 'timeZone' | `hours-${Weekday}` | 'holidays' | `target-${Priority}` | 'form';

/** Whole hours read as hours, anything else as minutes. */
function amountOf(minutes: number): TargetAmount {
  return minutes % 60 === 0
    ? { amount: String(minutes / 60), unit: 'hours' }
    : { amount: String(minutes), unit: 'minutes' };
}

export function helpDeskFormOf(settings: HelpDeskSettings): HelpDeskForm {
  const { calendar, targets } = settings.slaPolicy;
  const hours = Object.fromEntries(
    WEEKDAYS.map((day) => [day, calendar.workingHours[day].map((interval) => ({ ...interval }))]),
  ) as Record<Weekday, Interval[]>;
  const formTargets = Object.fromEntries(
    PRIORITIES.map((priority) => {
      const target = targets[`${priority}`];
      return [
        `${priority}`,
        { firstResponse: amountOf(target.firstResponseMinutes), resolution: amountOf(target.resolutionMinutes) },
      ];
    }),
  ) as HelpDeskForm['targets'];
  return { timeZone: calendar.timeZone, hours, holidays: [...calendar.holidays], targets: formTargets };
}

function minutesOf(target: TargetAmount): number | null {
  const text = target.amount.trim();
  if (!/^[0-9]+$/.test(text)) return null;
  const minutes = Number(text) * (target.unit === 'hours' ? 60 : 1);
  return minutes >= 1 ? minutes : null;
}

export type SettingsProblem = { field: HelpDeskField; problem: 'targetNotNumber' | 'holidayEmpty' };

/** The whole settings object to PUT, or what the browser alone can tell is wrong (the server checks the rest). */
export function settingsOf(
  form: HelpDeskForm,
  base: HelpDeskSettings,
): { settings: HelpDeskSettings } | { problem: SettingsProblem } {
  const targets = {} as HelpDeskSettings['slaPolicy']['targets'];
  for (const priority of PRIORITIES) {
    const entry = form.targets[`${priority}`];
    const firstResponseMinutes = minutesOf(entry.firstResponse);
    const resolutionMinutes = minutesOf(entry.resolution);
    if (firstResponseMinutes === null || resolutionMinutes === null)
      return { problem: { field: `target-${priority}`, problem: 'targetNotNumber' } };
    targets[`${priority}`] = { firstResponseMinutes, resolutionMinutes };
  }
  if (form.holidays.some((date) => date.trim() === ''))
    return { problem: { field: 'holidays', problem: 'holidayEmpty' } };
  const holidays = [...new Set(form.holidays.map((date) => date.trim()))].sort();
  const workingHours = Object.fromEntries(
    WEEKDAYS.map((day) => [day, form.hours[day].map((interval) => ({ start: interval.start, end: interval.end }))]),
  ) as HelpDeskSettings['slaPolicy']['calendar']['workingHours'];
  return {
    settings: {
      ...base,
      slaPolicy: { ...base.slaPolicy, calendar: { timeZone: form.timeZone.trim(), workingHours, holidays }, targets },
    },
  };
}

/**
 * Sorts the server's refusal into the fields it is about. It joins several problems with "; " and
 * names each by its place in the settings ("/slaPolicy/calendar/timeZone ..." from the schema check,
 * "/calendar/workingHours/mon/0 ..." and "/targets/2 ..." from the SLA policy check).
 */
export function fieldsOfServerMessage(message: string): Partial<Record<HelpDeskField, string>> {
  const fields: Partial<Record<HelpDeskField, string>> = {};
  // A message may hold "; " itself ("...before the previous interval ends; list intervals in
  // order"), so a new one starts only where "; " is followed by a path or an escalation rule.
  for (const part of message.split(/; (?=\/|escalation rule )/)) {
    const field = fieldOf(part);
    fields[field] = fields[field] ? `${fields[field]}; ${part}` : part;
  }
  return fields;
}

function fieldOf(part: string): HelpDeskField {
  const day = /\/workingHours\/(mon|tue|wed|thu|fri|sat|sun)\b/.exec(part);
  if (day) return `hours-${day[1] as Weekday}`;
  const priority = /\/targets\/([1-5])\b/.exec(part);
  if (priority) return `target-${Number(priority[1]) as Priority}`;
  if (/\/calendar\/timeZone\b/.test(part)) return 'timeZone';
  if (/\/calendar\/holidays\b/.test(part)) return 'holidays';
  return 'form';
}
