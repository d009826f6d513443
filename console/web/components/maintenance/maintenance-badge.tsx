// "Maintenance until 14:30": on the fleet table's name cell and the device page's header. The
// time alone when it ends today, with the date when later; the full date and the reason on hover.
import type { MaintenanceBadge as Badge } from '../../../../protocol/api/maintenance.js';
import { cached, locale, t, type Locale } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/time.js';

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dayTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** 14:30 today; "12 Dec, 14:30" another day. */
export function untilText(iso: string): string {
  const current = locale.value;
  const at = new Date(iso);
  const today = at.toDateString() === new Date().toDateString();
  const format = today
    ? cached(timeFormats, current, () => new Intl.DateTimeFormat(current, { hour: '2-digit', minute: '2-digit' }))
    : cached(
        dayTimeFormats,
        current,
        () => new Intl.DateTimeFormat(current, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
      );
  return format.format(at);
}

/** A wrench: in the fleet's narrow name column it stands for the word, which screen readers still get. */
function WrenchIcon() {
  return (
    <svg class="maintenance-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.77-3.77a6 6 0 0 1-7.94 7.94l-6.91 6.91a2.12 2.12 0 0 1-3-3l6.91-6.91a6 6 0 0 1 7.94-7.94l-3.76 3.76z" />
    </svg>
  );
}

/** `compact`: the fleet table's, with the wrench for the word "Maintenance" (kept for screen readers). */
export function MaintenanceBadge(props: { badge: NonNullable<Badge>; compact?: boolean }) {
  const { until, reason } = props.badge;
  const when = formatDateTime(until);
  const title = reason ? t('maintenance.badgeTitleReason', { when, reason }) : t('maintenance.badgeTitle', { when });
  const time = untilText(until);
  if (!props.compact)
    return (
      <span class="badge badge-maintenance" title={title}>
        {t('maintenance.until', { time })}
      </span>
    );
  return (
    <span class="badge badge-maintenance badge-compact" title={title}>
      <WrenchIcon />
      <span class="visually-hidden">{t('maintenance.label')} </span>
      {t('maintenance.untilShort', { time })}
    </span>
  );
}
