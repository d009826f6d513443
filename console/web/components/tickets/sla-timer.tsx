// One SLA clock of a ticket, counting down as the page stays open. The server sends the
// deadline as a wall-clock instant already worked out in business time (hours, holidays and
// pauses), so the countdown is the distance to it; a paused clock does not move and shows the
// business minutes it has left. At risk and breached get a colour and a word.
import type { SlaTimerView } from '../../../../protocol/api/sla.js';
import { t } from '../../i18n/index.js';
import { clock, formatDateTime, formatRelative } from '../../i18n/time.js';

export type SlaLook = 'met' | 'paused' | 'ok' | 'risk' | 'breached';

/** How the clock stands at `now`: the server's state, moved on by time passing since it was read. */
export function slaLook(timer: SlaTimerView, now: number): SlaLook {
  if (timer.state === 'met') return 'met';
  if (timer.state === 'paused') return 'paused';
  if (timer.state === 'breached' || now >= Date.parse(timer.deadlineAt)) return 'breached';
  if (timer.state === 'warning' || (timer.warningAt !== null && now >= Date.parse(timer.warningAt))) return 'risk';
  return 'ok';
}

export function formatMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return t('sla.minutes', { count: whole });
  return t('sla.hours', { hours: Math.floor(whole / 60), minutes: whole % 60 });
}

export function SlaTimer(props: { timer: SlaTimerView; label?: string }) {
  const look = slaLook(props.timer, clock.value);
  const text =
    look === 'met'
      ? t('sla.met')
      : look === 'paused'
        ? t('sla.paused', { left: formatMinutes(props.timer.leftMinutes) })
        : look === 'breached'
          ? t('sla.breachedAgo', { relative: formatRelative(props.timer.deadlineAt) })
          : t('sla.dueIn', { relative: formatRelative(props.timer.deadlineAt) });
  const word = look === 'risk' ? t('sla.atRisk') : look === 'breached' ? t('sla.breached') : null;
  return (
    <span class={`sla sla-${look}`} title={formatDateTime(props.timer.deadlineAt)} data-sla={look}>
      {props.label && <span class="sla-label">{props.label}</span>}
      {word && <strong class="sla-word">{word}</strong>}
      <span class="sla-text">{text}</span>
    </span>
  );
}
