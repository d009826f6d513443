// The KPI report's CSV export (RFC 4180 quoting, no spreadsheet formulas from ticket text), its
// range checks and who may read it. Categories that start like formulas cannot come in through
// the API, but faults and imports write categories too, so the export must be safe on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routePath } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import { openDataDirDatabase } from '../../server/data-dir.js';
import { createTicketStore } from '../../server/features/tickets/store.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const R = API.reports;
const APRIL = { from: '2025-04-01', to: '2025-04-30' };

const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00Z`);
const CATEGORIES = ['=HYPERLINK("http://evil.example","open")', '@SUM(1+1)', '-2+3', 'plain, "quoted"'];

describe('KPI report export and checks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const db = openDataDirDatabase(server.dataDir);
    try {
      const store = createTicketStore(db);
      db.transaction(() => {
        for (const category of CATEGORIES) {
          const createdAt = at('2025-04-07 09:00');
          const id = store.insert({
            subject: 'seeded',
            description: '',
            requesterKind: 'user',
            requesterName: 'admin',
            requesterUserId: null,
            deviceId: null,
            category,
            source: 'technician',
            channel: null,
            impact: 3,
            urgency: 3,
            priority: 3,
            line: 1,
            assigneeId: null,
            status: 'new',
            faultKey: null,
            snapshot: null,
            createdAt,
          });
          store.recordCreation(id, createdAt, 'admin');
          if (!category.startsWith('plain')) continue;
          // Answered after 30 minutes, resolved after 60, rated 4: within the P3 targets (240 / 1440).
          store.update(id, 'admin', at('2025-04-07 09:30'), { firstResponseAt: at('2025-04-07 09:30') });
          store.update(id, 'admin', at('2025-04-07 10:00'), {
            status: 'resolved',
            resolution: 'done',
            resolvedAt: at('2025-04-07 10:00'),
          });
          db.prepare('INSERT INTO ticket_ratings (ticket_id, rating, comment, at) VALUES (?, 4, ?, ?)').run(
            id,
            '',
            at('2025-04-07 11:00'),
          );
        }
      })();
    } finally {
      db.close();
    }
  });
  afterAll(() => server.cleanup());

  /** The file as a browser fetches it, headers and all (the typed client gives only its text). */
  const download = (query: object) =>
    fetch(server.url + routePath(R.kpiCsv, undefined, query), {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });

  it('exports one row per group and a totals row, quoted per RFC 4180, formulas defused', async () => {
    const response = await download({ ...APRIL, groupBy: 'category' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="helpline-kpi-2025-04-01-to-2025-04-30-by-category.csv"',
    );
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const timer = (kind: string) =>
      ['count', 'met', 'within_sla', 'business_median_min', 'business_p90_min', 'wall_median_min', 'wall_p90_min'].map(
        (c) => `${kind}_${c}`,
      );
    const unmeasured = '0,0,,,,,'; // count, met, then five empty cells (no share, no times)
    expect(text.split('\r\n')).toEqual([
      [
        'row',
        'category',
        'opened',
        'resolved',
        'closed',
        'backlog',
        ...timer('first_response'),
        ...timer('resolution'),
        'satisfaction_average',
        'satisfaction_ratings',
        'first_line_solved',
        'first_line_share',
      ].join(','),
      // Sorted by code point: "-" < "=" < "@" < "p". Each open ticket: opened 1, backlog 1.
      `group,'-2+3,1,0,0,1,${unmeasured},${unmeasured},,0,0,`,
      `group,"'=HYPERLINK(""http://evil.example"",""open"")",1,0,0,1,${unmeasured},${unmeasured},,0,0,`,
      `group,'@SUM(1+1),1,0,0,1,${unmeasured},${unmeasured},,0,0,`,
      // Response 30 min (share 1, median = p90 = 30 in both clocks), resolution 60, one rating of 4;
      // resolved at line 1, never moved: solved at first line, 1 of 1.
      'group,"plain, ""quoted""",1,1,0,0,1,1,1,30,30,30,30,1,1,1,60,60,60,60,4,1,1,1',
      'total,,4,1,0,3,1,1,1,30,30,30,30,1,1,1,60,60,60,60,4,1,1,1',
      '',
    ]);
  });

  it('keeps the text as it is in the JSON report', async () => {
    const report = await server.client().call(R.kpi, { query: { ...APRIL, groupBy: 'category' } });
    expect(report.groups.map((group) => group.key)).toEqual(['-2+3', ...CATEGORIES.slice(0, 2), 'plain, "quoted"']);
  });

  it('refuses a bad range with a message that says what is wrong, for JSON and CSV alike', async () => {
    // Raw: some of these queries break the schema, which the typed client would not send.
    const refused = async (query: object) => {
      const response = await server.raw<{ code: string; message: string }>(R.kpi, { query });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      return response.body.message;
    };
    expect(await refused({ from: '03/01/2025', to: '2025-03-31' })).toBe(
      'from must be a date written YYYY-MM-DD, like 2025-03-31, not "03/01/2025"',
    );
    expect(await refused({ from: '2025-02-30', to: '2025-03-31' })).toBe('from "2025-02-30" is not a real date');
    expect(await refused({ from: '2025-03-31', to: '2025-03-01' })).toContain('from 2025-03-31 is after to 2025-03-01');
    // 2022-01-01..2024-12-31 is exactly three years; one day more is refused.
    expect(await refused({ from: '2022-01-01', to: '2025-01-01' })).toContain('longer than 3 years');
    const threeYears = await server.client().callWithStatus(R.kpi, { query: { from: '2022-01-01', to: '2024-12-31' } });
    expect(threeYears.status).toBe(200);
    expect(await refused({ from: '2025-03-01', to: '2025-03-31', groupBy: 'weekday' })).toContain('groupBy');
    expect(await refused({ from: '2025-03-01' })).toContain('to');
    expect(await refused({ from: '2025-03-01', to: '2025-03-31', limit: 5 })).toContain('unknown field "limit"');
    const csv = server.client().call(R.kpiCsv, { query: { from: '2025-03-31', to: '2025-03-01' } });
    await expect(csv).rejects.toMatchObject({ status: 400, message: expect.stringContaining('is after') });
  });

  it('answers only signed-in users, viewers included', async () => {
    const signedOut = server.client(null);
    await expect(signedOut.call(R.kpiCsv, { query: APRIL })).rejects.toMatchObject({ status: 401 });
    await expect(signedOut.call(R.kpi, { query: APRIL })).rejects.toMatchObject({ status: 401 });
    const vera = await server.addUser('vera', 'viewer');
    expect(await server.client(vera).call(R.kpiCsv, { query: APRIL })).toMatch(/^row,line,/);
  });
});
