// Report routes: the KPI report as JSON and as a CSV download. Reading reports changes nothing,
// so every role may (viewers included).
import type { FastifyInstance } from 'fastify';
import { KpiQuery, KpiReport, kpiReportCsv } from '../../../protocol/api/reports.js';
import { ANY_ROLE } from '../../plugins/access.js';
import type { ReportService } from './service.js';

export function reportRoutes(app: FastifyInstance, deps: { reports: ReportService }) {
  const { reports } = deps;
  app.get<{ Querystring: KpiQuery }>(
    '/api/reports/kpi',
    {
      config: { access: ANY_ROLE },
      schema: { summary: 'Help-desk KPIs over whole days, in total and per line, category, assignee or device group', querystring: KpiQuery, response: { 200: KpiReport } },
    },
    async (request) => reports.kpi(request.query),
  );

  app.get<{ Querystring: KpiQuery }>(
    '/api/reports/kpi.csv',
    { config: { access: ANY_ROLE }, schema: { summary: 'The KPI report as CSV (RFC 4180): one row per group and a totals row', querystring: KpiQuery } },
    async (request, reply) => {
      const report = reports.kpi(request.query);
      const by = report.groupBy;
      // The dates were checked by kpi(), so the file name holds only digits and dashes.
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="helpline-kpi-${report.range.from}-to-${report.range.to}-by-${by}.csv"`)
        .send(kpiReportCsv(report));
    },
  );
}
