// /reports: the KPI report of a period (totals as cards, the groups as a table and bars), the
// tickets per day and the top fault types per day, and the same report as a CSV download. The
// period and grouping live in the address, so a report can be bookmarked or sent. Every role may
// read reports (the API's access), viewers included.
import { useState } from 'preact/hooks';
import type { KpiReport } from '../../../protocol/api/reports.js';
import { routePath } from '../../../protocol/api/route.js';
import { API, call } from '../api.js';
import { usePageTitle } from '../components/page-title.js';
import { BarChart } from '../components/reports/bar-chart.js';
import { FaultDevices } from '../components/reports/fault-devices.js';
import { FigureCards } from '../components/reports/figure-cards.js';
import { GroupsTable } from '../components/reports/groups-table.js';
import { LineChart } from '../components/reports/line-chart.js';
import { PeriodForm } from '../components/reports/period-form.js';
import { groupByLabel, groupKeyLabel } from '../components/reports/report-words.js';
import { Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { localToday, readReportPeriod, reportQuery, reportSearch, type ReportPeriod } from '../state/report-period.js';
import { navigate } from '../state/router.js';
import '../styles/reports.css';

export function ReportsPage() {
  usePageTitle(t('reports.pageTitle'));
  const today = localToday();
  const [period, setPeriod] = useState(() => readReportPeriod(location.search, today));
  const change = (next: ReportPeriod) => {
    setPeriod(next);
    navigate(`/reports${reportSearch(next)}`, { replace: true });
  };
  const query = reportQuery(period);
  const { state, reload } = useLoad(() => call(API.reports.kpi, { query }), [period.from, period.to, period.groupBy]);
  return (
    <section class="page reports-page" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{t('reports.pageTitle')}</h1>
        <a class="button" href={routePath(API.reports.kpiCsv, undefined, query)} download>
          {t('reports.csv')}
        </a>
      </header>
      <p class="page-intro">{t('reports.intro')}</p>
      <PeriodForm period={period} today={today} onChange={change} />
      {state.kind === 'loading' && <Loading label={t('reports.loading')} />}
      {state.kind === 'failed' && <Failed title={t('reports.failed')} error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && <Report report={state.data} />}
    </section>
  );
}

function Report(props: { report: KpiReport }) {
  const { report } = props;
  const by = groupByLabel(report.groupBy);
  const dates = report.daily.map((day) => day.date);
  return (
    <>
      <h2 class="report-range">
        {t('reports.rangeShown', { from: report.range.from, to: report.range.to, zone: report.range.timeZone })}
      </h2>
      <FigureCards totals={report.totals} />
      <section class="panel" aria-labelledby="report-groups">
        <h2 id="report-groups">{t('reports.groups', { groupBy: by })}</h2>
        <GroupsTable report={report} />
        {report.groups.length > 0 && (
          <BarChart
            id="chart-groups"
            title={t('reports.chart.groups', { groupBy: by })}
            description={t('reports.chart.groupsDesc')}
            rowHeader={by}
            labels={report.groups.map((group) => groupKeyLabel(report.groupBy, group.key))}
            series={[
              { name: t('reports.opened'), values: report.groups.map((group) => group.opened) },
              { name: t('reports.resolved'), values: report.groups.map((group) => group.resolved) },
            ]}
          />
        )}
      </section>
      <div class="report-charts">
        <section class="panel">
          <LineChart
            id="chart-daily"
            title={t('reports.chart.daily')}
            description={t('reports.chart.dailyDesc')}
            rowHeader={t('reports.col.day')}
            dates={dates}
            series={[
              { name: t('reports.opened'), values: report.daily.map((day) => day.opened) },
              { name: t('reports.resolved'), values: report.daily.map((day) => day.resolved) },
              { name: t('reports.col.faults'), values: report.daily.map((day) => day.faults) },
            ]}
          />
        </section>
        <section class="panel">
          {report.faultTrend.length === 0 ? (
            <>
              <h3 class="chart-title">{t('reports.chart.faults')}</h3>
              <p class="state-body">{t('reports.noFaults')}</p>
            </>
          ) : (
            <LineChart
              id="chart-faults"
              title={t('reports.chart.faults')}
              description={t('reports.chart.faultsDesc')}
              rowHeader={t('reports.col.day')}
              dates={dates}
              series={report.faultTrend.map((trend) => ({ name: trend.category, values: trend.perDay }))}
            />
          )}
          <FaultDevices devices={report.topFaultDevices} />
        </section>
      </div>
    </>
  );
}
