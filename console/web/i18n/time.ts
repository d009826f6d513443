// Dates in the reader's language: absolute (for hover titles and the device page) and relative
// ("5 minutes ago"), the latter against a clock that ticks so the page stays current.
import { signal } from '@preact/signals';
import { cached, locale, type Locale } from './index.js';

/** Now, to the half minute: relative times re-render when it moves. */
export const clock = signal(Date.now());
setInterval(() => {
  clock.value = Date.now();
}, 30_000);

const absoluteFormats = new Map<Locale, Intl.DateTimeFormat>();
const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

export function formatDateTime(iso: string): string {
  const current = locale.value;
  const format = cached(
    absoluteFormats,
    current,
    () => new Intl.DateTimeFormat(current, { dateStyle: 'long', timeStyle: 'medium' }),
  );
  return format.format(new Date(iso));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function formatRelative(iso: string): string {
  const current = locale.value;
  const format = cached(relativeFormats, current, () => new Intl.RelativeTimeFormat(current, { numeric: 'auto' }));
  const delta = new Date(iso).getTime() - clock.value;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return format.format(Math.round(delta / size), unit);
  }
  return format.format(0, 'second');
}
