// Help-desk reports: the KPI report as JSON and as a CSV file. Reading a report changes nothing,
// so every role may (viewers included).
import { ANY_ROLE } from '../access.js';
import { KpiQuery, KpiReport } from '../reports.js';
import { route } from '../route.js';

export const reportRoutes = {
  kpi: route({
    method: 'GET',
    path: '/api/reports/kpi',
    summary: 'Help-desk KPIs over whole days, in total and per line, category, assignee or device group',
    access: ANY_ROLE,
    query: KpiQuery,
    response: KpiReport,
    errors: [],
  }),
  kpiCsv: route({
    method: 'GET',
    path: '/api/reports/kpi.csv',
    summary: 'The KPI report as CSV (RFC 4180): one row per group and a totals row',
    access: ANY_ROLE,
    query: KpiQuery,
    responseKind: 'text',
    errors: [],
  }),
};
