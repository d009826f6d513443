// The figures of each group (line, category, assignee, device group or channel), the totals last.
import type { KpiFigures, KpiReport } from '../../../../protocol/api/reports.js';
import { t } from '../../i18n/index.js';
import { durationText, groupByLabel, groupKeyLabel, numberText, percentText } from './report-words.js';

const spread = (minutes: { median: number | null; p90: number | null }) =>
  minutes.median === null ? t('reports.noValue') : `${durationText(minutes.median)} / ${durationText(minutes.p90)}`;

function Row(props: { label: string; figures: KpiFigures; total?: boolean }) {
  const f = props.figures;
  const Name = props.total ? 'th' : 'td';
  return (
    <tr class={props.total ? 'report-total' : undefined} data-group-row={props.total ? 'total' : props.label}>
      <Name scope={props.total ? 'row' : undefined}>{props.label}</Name>
      <td class="num">{numberText(f.opened)}</td>
      <td class="num">{numberText(f.resolved)}</td>
      <td class="num">{numberText(f.closed)}</td>
      <td class="num">{numberText(f.backlog)}</td>
      <td class="num">{spread(f.firstResponse.businessMinutes)}</td>
      <td class="num">{percentText(f.firstResponse.withinSlaShare)}</td>
      <td class="num">{spread(f.resolution.businessMinutes)}</td>
      <td class="num">{percentText(f.resolution.withinSlaShare)}</td>
      <td class="num">{percentText(f.solvedAtFirstLine.share)}</td>
      <td class="num">{numberText(f.satisfaction.average)}</td>
    </tr>
  );
}

export function GroupsTable(props: { report: KpiReport }) {
  const { report } = props;
  if (report.groups.length === 0) return <p class="state-body">{t('reports.noGroups')}</p>;
  return (
    <div class="table-scroll">
      <table class="table table-compact report-table">
        <caption class="visually-hidden">{t('reports.groups', { groupBy: groupByLabel(report.groupBy) })}</caption>
        <thead>
          <tr>
            <th scope="col">{groupByLabel(report.groupBy)}</th>
            <th scope="col">{t('reports.opened')}</th>
            <th scope="col">{t('reports.resolved')}</th>
            <th scope="col">{t('reports.closed')}</th>
            <th scope="col">{t('reports.backlog')}</th>
            <th scope="col">{t('reports.col.response')}</th>
            <th scope="col">{t('reports.col.responseSla')}</th>
            <th scope="col">{t('reports.col.resolution')}</th>
            <th scope="col">{t('reports.col.resolutionSla')}</th>
            <th scope="col">{t('reports.col.firstLine')}</th>
            <th scope="col">{t('reports.col.satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          {report.groups.map((group) => (
            <Row key={group.key ?? ''} label={groupKeyLabel(report.groupBy, group.key)} figures={group} />
          ))}
          <Row label={t('reports.figures')} figures={report.totals} total />
        </tbody>
      </table>
    </div>
  );
}
