// Report routes: the KPI report as JSON and as a CSV download. Reading reports changes nothing,
// so every role may (viewers included).
import type { FastifyInstance } from 'fastify';
import { kpiReportCsv } from '../../../protocol/api/reports.js';
import { API } from '../../../protocol/api/routes/index.js';
import { serve } from '../../plugins/routes.js';
import type { ReportService } from './service.js';

export function reportRoutes(app: FastifyInstance, deps: { reports: ReportService }) {
  const { reports } = deps;
  serve(app, API.reports.kpi, async (request) => reports.kpi(request.query));

  serve(app, API.reports.kpiCsv, async (request, reply) => {
    const report = reports.kpi(request.query);
    const by = report.groupBy;
    // The dates were checked by kpi(), so the file name holds only digits and dashes.
    const fileName = `helpline-kpi-${report.range.from}-to-${report.range.to}-by-${by}.csv`;
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`);
    return kpiReportCsv(report);
  });
}
