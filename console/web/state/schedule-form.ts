// The add-schedule form's state and what it shows before anything is sent: the cron expression
// in words (cronstrue, in the console's language) and its next five firings in the chosen time
// zone (croner, through protocol/schedule-cron.ts, the same reading the server fires by).
import cronstrue from 'cronstrue';
import 'cronstrue/locales/ru';
import type { ScheduleRequest } from '../../../protocol/api/schedules.js';
import { nextFirings, scheduleTimingProblem } from '../../../protocol/schedule-cron.js';

export type TargetKind = 'device' | 'group' | 'tag';

export interface ScheduleForm {
  name: string;
  script: string;
  targetKind: TargetKind;
  target: string;
  cron: string;
  timeZone: string;
  windowStart: string;
  windowEnd: string;
  /** Minutes, as typed. */
  spread: string;
  args: Record<string, string>;
}

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function emptyScheduleForm(): ScheduleForm {
  return {
    name: '',
    script: '',
    targetKind: 'group',
    target: '',
    cron: '0 3 * * *',
    timeZone: browserTimeZone(),
    windowStart: '',
    windowEnd: '',
    spread: '0',
    args: {},
  };
}

/** Every IANA zone this browser knows, for the zone field's suggestions. */
export function knownTimeZones(): string[] {
  const withList = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  return withList.supportedValuesOf?.('timeZone') ?? ['UTC'];
}

export type CronPreview =
  | { kind: 'ok'; reading: string; runs: number[] }
  /** The same words the server would answer with, so the person sees them before sending. */
  | { kind: 'problem'; message: string };

export function previewCron(cron: string, timeZone: string, locale: string, now: number): CronPreview {
  const problem = scheduleTimingProblem(cron, timeZone);
  if (problem) return { kind: 'problem', message: problem };
  let reading: string;
  try {
    reading = cronstrue.toString(cron, { locale, use24HourTimeFormat: true, throwExceptionOnParseError: true });
  } catch {
    // cronstrue reads a little less than croner does; the firings below still say when it runs.
    reading = cron;
  }
  return { kind: 'ok', reading, runs: nextFirings(cron, timeZone, now, 5) };
}

/** An instant as the schedule's zone sees it, in the reader's language. */
export function formatInZone(instantMs: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instantMs));
}

export type FormProblem = 'windowBoth' | 'spreadBad';

/** The request the form describes, or what is wrong with it that the browser can tell alone. */
export function scheduleRequestOf(form: ScheduleForm): { request: ScheduleRequest } | { problem: FormProblem } {
  const windowGiven = [form.windowStart, form.windowEnd].filter(Boolean).length;
  if (windowGiven === 1) return { problem: 'windowBoth' };
  const spreadMinutes = Number(form.spread.trim() || '0');
  if (!Number.isInteger(spreadMinutes) || spreadMinutes < 0 || spreadMinutes > 1440) return { problem: 'spreadBad' };
  const target = form.target.trim();
  const args = Object.fromEntries(Object.entries(form.args).filter(([, value]) => value !== ''));
  return {
    request: {
      name: form.name.trim(),
      script: form.script,
      ...(form.targetKind === 'device'
        ? { deviceId: target }
        : form.targetKind === 'group'
          ? { group: target }
          : { tag: target }),
      cron: form.cron.trim(),
      timeZone: form.timeZone.trim(),
      spreadMs: spreadMinutes * 60_000,
      ...(windowGiven === 2 ? { window: { start: form.windowStart, end: form.windowEnd } } : {}),
      ...(Object.keys(args).length ? { args } : {}),
    },
  };
}

/** Which field a server's validation message is about, so it shows next to that field. */
export function fieldOfServerMessage(message: string): keyof ScheduleForm | null {
  if (/time zone/i.test(message)) return 'timeZone';
  if (/cron/i.test(message)) return 'cron';
  if (/schedule named|\bname\b/i.test(message)) return 'name';
  if (/script/i.test(message)) return 'script';
  if (/device|group|tag|target/i.test(message)) return 'target';
  if (/window/i.test(message)) return 'windowStart';
  return null;
}
