// The time axis of a health chart in the reader's language and time zone ("14:05", "7 дек."),
// in place of uPlot's built-in English labels ("4:27pm", "12/7/26"). The finer the ticks, the more
// of the time each label says: seconds for a minute's samples, days for a month's roll-ups.
import { cached, locale, type Locale } from '../../i18n/index.js';

const STYLES = {
  seconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  minutes: { hour: '2-digit', minute: '2-digit' },
  days: { day: 'numeric', month: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof STYLES;

const formats = new Map<Locale, Map<Style, Intl.DateTimeFormat>>();

function formatOf(style: Style): Intl.DateTimeFormat {
  const current = locale.value;
  const perStyle = cached(formats, current, () => new Map<Style, Intl.DateTimeFormat>());
  let format = perStyle.get(style);
  if (!format) perStyle.set(style, (format = new Intl.DateTimeFormat(current, STYLES[style])));
  return format;
}

/** Labels for ticks at `ticks` (seconds since the epoch) spaced `stepSec` apart. */
export function timeTickLabels(ticks: readonly number[], stepSec: number): string[] {
  const style: Style = stepSec < 60 ? 'seconds' : stepSec < 86_400 ? 'minutes' : 'days';
  const format = formatOf(style);
  return ticks.map((tick) => format.format(new Date(tick * 1000)));
}
