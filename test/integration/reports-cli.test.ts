// `helpline report kpi` against a real server whose clock is set: the readable table, --json,
// --csv, and the command-line mistakes it refuses before asking the server (exit status 2).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../console/cli/build-cli.js';
import type { KpiReport } from '../../protocol/api/reports.js';
import { API } from '../../protocol/api/routes/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('helpline report kpi', () => {
  let server: TestServer;
  let dir: string;
  let clock = Date.parse('2025-03-04T10:00:00Z');

  /** Runs the CLI in this process, as the admin, and collects what it printed. */
  const helpline = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    let code = 0;
    // Like process.exit, exit stops the command: nothing after it runs.
    const exit = (status: number): never => {
      code = status;
      throw new Error(`exit ${status}`);
    };
    const io = { out: (text: string) => void out.push(text), err: (text: string) => void err.push(text), exit };
    const env = {
      HELPLINE_SERVER: server.url,
      HELPLINE_TOKEN: server.adminToken,
      HELPLINE_CONFIG: join(dir, 'cli.json'),
    };
    try {
      await buildCli(argv, env, io).parseAsync();
    } catch (error) {
      if (code === 0) throw error;
    }
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => clock });
    dir = mkdtempSync(join(tmpdir(), 'helpline-report-cli-'));
    const at = (time: string) => {
      clock = Date.parse(`2025-03-04T${time}:00Z`);
      return server.client();
    };
    // Tue 2025-03-04, P3 (impact 3, urgency 3): A is answered after 30 min and resolved after 60; B stays open.
    const a = await at('10:00').call(API.tickets.create, { body: { subject: 'Printer jams' } });
    await at('10:15').call(API.tickets.create, { body: { subject: 'Mail is slow' } });
    await at('10:30').call(API.tickets.reply, { params: { id: a.id }, body: { body: 'Cleared the paper path' } });
    await at('11:00').call(API.tickets.resolve, { params: { id: a.id }, body: { resolution: 'Replaced the roller' } });
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a readable table with one row per line and the totals', async () => {
    const result = await helpline('report', 'kpi', '--from', '2025-03-04', '--to', '2025-03-04');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Help-desk KPIs 2025-03-04 to 2025-03-04 (UTC), by line');
    const cells = (label: string) => lines.find((line) => line.startsWith(label))!.split(/ {2,}/);
    expect(cells('GROUP')).toEqual([
      'GROUP',
      'OPENED',
      'RESOLVED',
      'CLOSED',
      'BACKLOG',
      'RESPONSE MED/P90',
      '(WALL)',
      'RESPONSE SLA',
      'RESOLUTION MED/P90',
      '(WALL)',
      'RESOLUTION SLA',
      'SATISFACTION',
    ]);
    // Opened A and B, resolved A, B is the backlog; A answered in 30 min and resolved in 1 h, both in SLA.
    const figures = [
      '2',
      '1',
      '0',
      '1',
      '30m / 30m',
      '30m / 30m',
      '100% of 1',
      '1h 00m / 1h 00m',
      '1h 00m / 1h 00m',
      '100% of 1',
      '-',
    ];
    expect(cells('line 1')).toEqual(['line 1', ...figures]);
    expect(cells('TOTAL')).toEqual(['TOTAL', ...figures]);
    expect(result.stdout).toContain('No fault tickets were opened in this range.');
    // A was resolved at line 1 and never escalated.
    expect(lines).toContain('Solved at first line: 100% (1 of 1 resolved)');
    const day = lines.indexOf('Tickets per day:');
    expect(lines[day + 1]!.split(/ {2,}/)).toEqual(['DAY', 'OPENED', 'RESOLVED', 'FAULTS']);
    expect(lines[day + 2]!.split(/ {2,}/)).toEqual(['2025-03-04', '2', '1', '0']);
  });

  it('prints the report as JSON with --json', async () => {
    const result = await helpline(
      'report',
      'kpi',
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
      '--by',
      'assignee',
      '--json',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as KpiReport;
    expect(report).toMatchObject({ groupBy: 'assignee', totals: { opened: 2, resolved: 1, backlog: 1 } });
    // The admin resolved A and so became its assignee; B has nobody.
    expect(report.groups.map((group) => [group.key, group.opened])).toEqual([
      ['admin', 1],
      [null, 1],
    ]);
  });

  it('prints the same CSV as the server export with --csv', async () => {
    const result = await helpline('report', 'kpi', '--from', '2025-03-04', '--to', '2025-03-04', '--csv');
    expect(result.code).toBe(0);
    const query = { from: '2025-03-04', to: '2025-03-04' };
    const exported = await server.client().call(API.reports.kpiCsv, { query });
    expect(`${result.stdout}\r\n`).toBe(exported);
    expect(result.stdout.split('\r\n').at(-1)).toBe('total,,2,1,0,1,1,1,1,30,30,30,30,1,1,1,60,60,60,60,,0,1,1');
  });

  it('refuses wrong ranges and flags with exit status 2 before asking the server', async () => {
    const refused = async (...argv: string[]) => {
      const result = await helpline('report', 'kpi', ...argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      return result.stderr;
    };
    expect(await refused('--from', '2025-02-30', '--to', '2025-03-04')).toContain(
      'from "2025-02-30" is not a real date',
    );
    expect(await refused('--from', '2025-03-05', '--to', '2025-03-04')).toContain('is after to 2025-03-04');
    expect(await refused('--from', '2020-01-01', '--to', '2025-01-01')).toContain('longer than 3 years');
    expect(await refused('--from', '2025-03-01', '--to', '2025-03-04', '--json', '--csv')).toContain(
      '--json and --csv cannot be combined',
    );
    expect(await refused('--from', '2025-03-01', '--to', '2025-03-04', '--by', 'weekday')).toContain('weekday');
    expect(await refused('--from', '2025-03-01')).toContain('to');
  });
});
