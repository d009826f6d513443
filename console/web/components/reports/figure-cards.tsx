// The period's totals as cards: counts, first-line share and satisfaction, then the two SLA
// clocks' medians and shares. Each card is marked with data-figure so tests can read one number.
import type { ComponentChildren } from 'preact';
import type { KpiFigures, TimerFigures } from '../../../../protocol/api/reports.js';
import { t } from '../../i18n/index.js';
import { durationText, numberText, percentText } from './report-words.js';

function Card(props: { figure: string; label: string; value: string; children?: ComponentChildren }) {
  return (
    <div class="figure-card" data-figure={props.figure}>
      <dt>{props.label}</dt>
      <dd class="figure-value">{props.value}</dd>
      {props.children && <dd class="figure-detail">{props.children}</dd>}
    </div>
  );
}

function TimeCard(props: { figure: string; label: string; timer: TimerFigures }) {
  const { businessMinutes: business, wallClockMinutes: wall } = props.timer;
  return (
    <Card figure={props.figure} label={props.label} value={durationText(business.median)}>
      <span data-part="p90">{t('reports.p90', { value: durationText(business.p90) })}</span>
      <span data-part="wall">
        {t('reports.wallClock', { median: durationText(wall.median), p90: durationText(wall.p90) })}
      </span>
    </Card>
  );
}

function ShareCard(props: { figure: string; label: string; timer: TimerFigures }) {
  return (
    <Card figure={props.figure} label={props.label} value={percentText(props.timer.withinSlaShare)}>
      {t('reports.ofCount', { count: props.timer.met, total: props.timer.count })}
    </Card>
  );
}

export function FigureCards(props: { totals: KpiFigures }) {
  const totals = props.totals;
  const { solvedAtFirstLine: firstLine, satisfaction } = totals;
  return (
    <dl class="figure-cards">
      <Card figure="opened" label={t('reports.opened')} value={numberText(totals.opened)} />
      <Card figure="resolved" label={t('reports.resolved')} value={numberText(totals.resolved)}>
        {t('reports.closed')}: {numberText(totals.closed)}
      </Card>
      <Card figure="backlog" label={t('reports.backlog')} value={numberText(totals.backlog)}>
        {t('reports.backlogHint')}
      </Card>
      <Card figure="firstLine" label={t('reports.firstLine')} value={percentText(firstLine.share)}>
        {t('reports.firstLineOf', { count: firstLine.count, total: totals.resolved })}
      </Card>
      <Card figure="satisfaction" label={t('reports.satisfaction')} value={numberText(satisfaction.average)}>
        {t('reports.ratings', { count: satisfaction.ratings })}
      </Card>
      <TimeCard figure="firstResponse" label={t('reports.firstResponse')} timer={totals.firstResponse} />
      <ShareCard figure="responseSla" label={t('reports.responseSla')} timer={totals.firstResponse} />
      <TimeCard figure="resolution" label={t('reports.resolution')} timer={totals.resolution} />
      <ShareCard figure="resolutionSla" label={t('reports.resolutionSla')} timer={totals.resolution} />
    </dl>
  );
}
