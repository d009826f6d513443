// SLA configuration and views: business calendars, targets per priority, the priority matrix.
//
// One source of truth for the server's SLA engine, the API routes and the console's forms.
// Conventions: priority 1 is the most pressing and 5 the least; the same holds for impact and
// urgency (1 = widespread / critical). Minutes are business minutes of the policy's calendar.
import { Type, type Static } from 'typebox';
import { compileOnUse } from '../compile-on-use.js';
import { describeFirstError } from '../schema-errors.js';

/** Wall-clock time "HH:MM" in the calendar's zone; "24:00" may end a day that runs to midnight. */
export const TimeOfDay = Type.String({ pattern: '^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:MM' });

export const WorkingInterval = Type.Object({ start: TimeOfDay, end: TimeOfDay }, { additionalProperties: false });
export type WorkingInterval = Static<typeof WorkingInterval>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening intervals of one weekday, sorted and not overlapping; an empty list means closed. */
const DayHours = Type.Array(WorkingInterval, { maxItems: 12 });
export const WorkingWeek = Type.Object(
  { mon: DayHours, tue: DayHours, wed: DayHours, thu: DayHours, fri: DayHours, sat: DayHours, sun: DayHours },
  { additionalProperties: false },
);
export type WorkingWeek = Static<typeof WorkingWeek>;

export const CalendarDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

export const BusinessCalendar = Type.Object(
  {
    /** IANA zone name ("Europe/Berlin"); working hours and holidays are wall-clock in this zone. */
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    workingHours: WorkingWeek,
    /** Whole days closed, as dates in the calendar's zone. */
    holidays: Type.Array(CalendarDate, { maxItems: 2000 }),
  },
  { additionalProperties: false },
);
export type BusinessCalendar = Static<typeof BusinessCalendar>;

export const Priority = Type.Union([
  Type.Literal(1),
  Type.Literal(2),
  Type.Literal(3),
  Type.Literal(4),
  Type.Literal(5),
]);
export type Priority = Static<typeof Priority>;
export const PRIORITIES: readonly Priority[] = [1, 2, 3, 4, 5];

/** A year of round-the-clock minutes: a larger target is a typo, not a service level. */
const TargetMinutes = Type.Integer({ minimum: 1, maximum: 525_600 });
export const SlaTarget = Type.Object(
  { firstResponseMinutes: TargetMinutes, resolutionMinutes: TargetMinutes },
  { additionalProperties: false },
);
export type SlaTarget = Static<typeof SlaTarget>;

export const SlaTargets = Type.Object(
  { '1': SlaTarget, '2': SlaTarget, '3': SlaTarget, '4': SlaTarget, '5': SlaTarget },
  { additionalProperties: false },
);
export type SlaTargets = Static<typeof SlaTargets>;

export const SlaPolicy = Type.Object(
  {
    calendar: BusinessCalendar,
    targets: SlaTargets,
    /** Share of a target after which a warning is raised, e.g. 0.75. */
    warnAtShare: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
  },
  { additionalProperties: false },
);
export type SlaPolicy = Static<typeof SlaPolicy>;

/** matrix[impact - 1][urgency - 1] is the priority. */
const MatrixRow = Type.Array(Priority, { minItems: 5, maxItems: 5 });
export const PriorityMatrix = Type.Array(MatrixRow, { minItems: 5, maxItems: 5 });
export type PriorityMatrix = Static<typeof PriorityMatrix>;

// Views of a ticket's SLA clocks, as the API returns them (instants as ISO strings).
export const SlaTimerKind = Type.Union([Type.Literal('first_response'), Type.Literal('resolution')]);
export type SlaTimerKind = Static<typeof SlaTimerKind>;
export const SlaState = Type.Union([
  Type.Literal('running'),
  Type.Literal('paused'),
  Type.Literal('warning'),
  Type.Literal('breached'),
  Type.Literal('met'),
]);
export type SlaState = Static<typeof SlaState>;
export const SlaEventType = Type.Union([Type.Literal('sla.warning'), Type.Literal('sla.breach')]);
export type SlaEventType = Static<typeof SlaEventType>;

const Instant = Type.String({ format: 'date-time' });
export const SlaTimerView = Type.Object({
  kind: SlaTimerKind,
  state: SlaState,
  targetMinutes: Type.Integer(),
  usedMinutes: Type.Integer(),
  /** Whole business minutes still to go, rounded up; negative once breached. */
  leftMinutes: Type.Integer(),
  deadlineAt: Instant,
  warningAt: Type.Union([Instant, Type.Null()]),
  breachAt: Type.Union([Instant, Type.Null()]),
});
export type SlaTimerView = Static<typeof SlaTimerView>;
export const TicketSlaView = Type.Object({ priority: Priority, firstResponse: SlaTimerView, resolution: SlaTimerView });
export type TicketSlaView = Static<typeof TicketSlaView>;

const WEEKDAY_HOURS: WorkingInterval[] = [{ start: '08:00', end: '17:00' }];

/**
 * Mon–Fri 08:00–17:00 in UTC, no holidays. UTC because a default cannot know where the office
 * is; admins set their own zone and holidays, and the engine is correct for any IANA zone.
 */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  timeZone: 'UTC',
  workingHours: {
    mon: WEEKDAY_HOURS,
    tue: WEEKDAY_HOURS,
    wed: WEEKDAY_HOURS,
    thu: WEEKDAY_HOURS,
    fri: WEEKDAY_HOURS,
    sat: [],
    sun: [],
  },
  holidays: [],
};

const hours = (count: number) => count * 60;
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  calendar: DEFAULT_BUSINESS_CALENDAR,
  targets: {
    '1': { firstResponseMinutes: hours(1), resolutionMinutes: hours(4) },
    '2': { firstResponseMinutes: hours(2), resolutionMinutes: hours(8) },
    '3': { firstResponseMinutes: hours(4), resolutionMinutes: hours(24) },
    '4': { firstResponseMinutes: hours(8), resolutionMinutes: hours(40) },
    '5': { firstResponseMinutes: hours(16), resolutionMinutes: hours(80) },
  },
  warnAtShare: 0.75,
};

/** ITIL-style: priority = ceil((impact + urgency - 1) / 2), so the matrix is symmetric. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 3],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 4],
  [3, 3, 4, 4, 5],
];

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Minutes since midnight of "HH:MM"; "24:00" is 1440. Assumes the TimeOfDay pattern. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function isRealDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

function calendarErrors(calendar: BusinessCalendar, path: string): string[] {
  const errors: string[] = [];
  if (!isValidTimeZone(calendar.timeZone))
    errors.push(`${path}/timeZone "${calendar.timeZone}" is not a known IANA time zone (e.g. "Europe/Berlin")`);
  for (const day of WEEKDAYS) {
    let previousEnd = -1;
    calendar.workingHours[day].forEach((interval, index) => {
      const at = `${path}/workingHours/${day}/${index}`;
      const start = minutesOfDay(interval.start);
      const end = minutesOfDay(interval.end);
      if (start >= end) errors.push(`${at} starts at ${interval.start}, which is not before its end ${interval.end}`);
      else if (start < previousEnd)
        errors.push(
          `${at} starts at ${interval.start}, before the previous interval ends; list intervals in order, without overlap`,
        );
      previousEnd = Math.max(previousEnd, end);
    });
  }
  // A week without opening hours would make every deadline unreachable.
  if (WEEKDAYS.every((day) => calendar.workingHours[day].length === 0))
    errors.push(`${path}/workingHours has no opening hours on any weekday`);
  calendar.holidays.forEach((date, index) => {
    if (!isRealDate(date)) errors.push(`${path}/holidays/${index} "${date}" is not a real date`);
  });
  return errors;
}

const calendarValidator = compileOnUse(BusinessCalendar);
const policyValidator = compileOnUse(SlaPolicy);
const matrixValidator = compileOnUse(PriorityMatrix);

/** Checks shape and meaning of a calendar; the errors say what is wrong and where. Never throws. */
export function checkBusinessCalendar(value: unknown): Checked<BusinessCalendar> {
  if (!calendarValidator().Check(value)) return { ok: false, errors: [describeFirstError(calendarValidator(), value)] };
  const errors = calendarErrors(value, '');
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

export function checkSlaPolicy(value: unknown): Checked<SlaPolicy> {
  if (!policyValidator().Check(value)) return { ok: false, errors: [describeFirstError(policyValidator(), value)] };
  const errors = calendarErrors(value.calendar, '/calendar');
  for (const priority of PRIORITIES) {
    const target = value.targets[`${priority}`];
    if (target.firstResponseMinutes > target.resolutionMinutes) {
      errors.push(
        `/targets/${priority} wants a first response in ${target.firstResponseMinutes} minutes, later than the resolution in ${target.resolutionMinutes}`,
      );
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

export function checkPriorityMatrix(value: unknown): Checked<PriorityMatrix> {
  if (!matrixValidator().Check(value)) return { ok: false, errors: [describeFirstError(matrixValidator(), value)] };
  return { ok: true, value };
}
