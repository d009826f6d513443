// The reports page in a real browser against a server whose clock is set: tickets are opened,
// answered, escalated, resolved and rated through the API (faults through the ticket store, as
// the agents' fault path writes them), and the page must show the numbers the real
// `helpline report kpi` prints for the same period; its CSV link gives the file `--csv` prints,
// and its charts draw a bar per group and series and a dot per day and series.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../protocol/api/reports.js';
import { API } from '../../protocol/api/routes/index.js';
import { openDataDirDatabase } from '../../server/data-dir.js';
import { createTicketStore } from '../../server/features/tickets/store.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { signedInCli } from '../helpers/run-cli.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const WEEK = ['--from', '2025-03-03', '--to', '2025-03-07'];
const WEEK_PAGE = '/reports?from=2025-03-03&to=2025-03-07';

/** How the page writes minutes in English: "30 min", "23 h 00 min" (business hours never roll into days). */
const duration = (minutes: number | null) => {
  if (minutes === null) return '—';
  const whole = Math.round(minutes);
  return whole < 60 ? `${whole} min` : `${Math.floor(whole / 60)} h ${String(whole % 60).padStart(2, '0')} min`;
};
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

describe('reports page', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let dir: string;
  let clock = Date.parse('2025-03-03T09:00:00Z');
  const tokens: Record<string, string> = {};
  const { as } = signedInCli(() => ({ url: server.url, dir, tokens }));
  const kpi = async (...args: string[]) => {
    const result = await as('admin')('report', 'kpi', ...WEEK, ...args);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return result.stdout;
  };

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => clock });
    dir = mkdtempSync(join(tmpdir(), 'helpline-web-reports-'));
    tokens.admin = server.adminToken;
    await server.addUser('vera', 'viewer');
    const at = (time: string) => {
      clock = Date.parse(`2025-03-${time}:00Z`);
      return server.client();
    };
    const open = (time: string, subject: string, category: string) =>
      at(time).call(API.tickets.create, { body: { subject, category } });
    const reply = (time: string, id: number) =>
      at(time).call(API.tickets.reply, { params: { id }, body: { body: 'Looking at it' } });
    const resolve = (time: string, id: number) =>
      at(time).call(API.tickets.resolve, { params: { id }, body: { resolution: 'Fixed' } });
    const rate = (time: string, id: number, rating: number) =>
      at(time).call(API.tickets.rate, { params: { id }, body: { rating } });
    // Mon: A answered and solved at line 1; B escalated to line 2, solved there on Tuesday.
    const a = await open('03T09:00', 'Printer jams', 'printer');
    await reply('03T09:30', a.id);
    await resolve('03T10:30', a.id);
    await rate('03T11:00', a.id, 5);
    const b = await open('03T10:00', 'VPN drops', 'network');
    await at('03T10:20').call(API.tickets.escalate, { params: { id: b.id }, body: { note: 'Needs the firewall' } });
    await reply('03T11:00', b.id);
    await resolve('04T09:00', b.id);
    // Tue: C answered at once, solved on Wednesday and rated 3; Wed: D stays open.
    const c = await open('04T09:00', 'Toner empty', 'printer');
    await reply('04T09:15', c.id);
    await resolve('05T12:00', c.id);
    await rate('05T13:00', c.id, 3);
    await open('05T14:00', 'Mail is slow', 'mail');
    // Faults, as an agent's health report opens them: disk Tue and Thu, memory Thu.
    const db = openDataDirDatabase(server.dataDir);
    try {
      const store = createTicketStore(db);
      for (const [time, category] of [
        ['2025-03-04T08:00:00Z', 'disk'],
        ['2025-03-06T10:00:00Z', 'disk'],
        ['2025-03-06T11:00:00Z', 'memory'],
      ] as const) {
        const createdAt = Date.parse(time);
        db.transaction(() => {
          const id = store.insert({
            subject: `${category} fault`,
            description: '',
            requesterKind: 'system',
            requesterName: 'agent',
            requesterUserId: null,
            deviceId: null,
            category,
            source: 'fault',
            channel: null,
            impact: 2,
            urgency: 2,
            priority: 2,
            line: 1,
            assigneeId: null,
            status: 'new',
            faultKey: `${category}.check`,
            snapshot: null,
            createdAt,
          });
          store.recordCreation(id, createdAt, 'agent');
        })();
      }
    } finally {
      db.close();
    }
    clock = Date.parse('2025-03-08T12:00:00Z');
    browser = await launchBrowser();
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the numbers `helpline report kpi` prints for the same period', { timeout: 60_000 }, async () => {
    const report = JSON.parse(await kpi('--json')) as KpiReport;
    const { totals } = report;
    // The seeds as worked out by hand, so the comparison below is about real numbers.
    expect(totals).toMatchObject({ opened: 7, resolved: 3, backlog: 4, satisfaction: { average: 4, ratings: 2 } });
    // A and C never left line 1; B was escalated.
    expect(totals.solvedAtFirstLine).toEqual({ count: 2, share: 0.6667 });

    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.goto(WEEK_PAGE);
    await page.getByText('2025-03-03 to 2025-03-07 (UTC)').waitFor();
    const card = (figure: string) => page.locator(`[data-figure="${figure}"]`);
    const value = (figure: string) => card(figure).locator('.figure-value').textContent();
    expect(await value('opened')).toBe(String(totals.opened));
    expect(await value('resolved')).toBe(String(totals.resolved));
    expect(await value('backlog')).toBe(String(totals.backlog));
    expect(await value('firstResponse')).toBe(duration(totals.firstResponse.businessMinutes.median));
    expect(await card('firstResponse').locator('[data-part="p90"]').textContent()).toBe(
      `90th percentile ${duration(totals.firstResponse.businessMinutes.p90)}`,
    );
    expect(await value('resolution')).toBe(duration(totals.resolution.businessMinutes.median));
    expect(await card('resolution').locator('[data-part="p90"]').textContent()).toBe(
      `90th percentile ${duration(totals.resolution.businessMinutes.p90)}`,
    );
    expect(await value('responseSla')).toBe(percent(totals.firstResponse.withinSlaShare));
    expect(await value('resolutionSla')).toBe(percent(totals.resolution.withinSlaShare));
    expect(await value('firstLine')).toBe(percent(totals.solvedAtFirstLine.share));
    expect(await card('firstLine').locator('.figure-detail').textContent()).toBe('2 of 3 resolved');
    expect(await value('satisfaction')).toBe(String(totals.satisfaction.average));
    expect(await card('satisfaction').locator('.figure-detail').textContent()).toBe('2 ratings');

    // One table row per group the CLI prints (line 1, line 2), then the totals.
    const text = await kpi();
    expect(text).toContain('Solved at first line: 67% (2 of 3 resolved)');
    const rows = page.locator('.report-table tbody tr');
    expect(await rows.count()).toBe(report.groups.length + 1);
    expect(await rows.locator('td:first-child, th:first-child').allTextContents()).toEqual([
      'line 1',
      'line 2',
      'Totals',
    ]);
    for (const label of ['line 1', 'line 2']) expect(text).toMatch(new RegExp(`^${label} `, 'm'));
    expect(tab.errors).toEqual([]);
  });

  it('draws a bar per group and series, a dot per day and series, a line per top fault type', async () => {
    const { page } = tab;
    // A string: the tests' TypeScript has no DOM types.
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'reports');
    const report = JSON.parse(await kpi('--json')) as KpiReport;
    const groups = page.locator('[data-chart="chart-groups"] svg');
    expect(await groups.getAttribute('aria-labelledby')).toBe('chart-groups-title');
    expect(await groups.locator('rect.chart-bar').count()).toBe(report.groups.length * 2);
    const daily = page.locator('[data-chart="chart-daily"] svg');
    expect(report.daily).toHaveLength(5);
    expect(await daily.locator('polyline').count()).toBe(3);
    expect(await daily.locator('circle').count()).toBe(3 * report.daily.length);
    // The opened line's dots, left to right, stand for the days' counts: their tooltips say so.
    const opened = await daily.locator('[data-series="Opened"] circle title').allTextContents();
    expect(opened).toEqual(report.daily.map((day) => `${day.date} · Opened: ${day.opened}`));
    const faults = page.locator('[data-chart="chart-faults"] svg');
    expect(report.faultTrend.map((trend) => [trend.category, trend.perDay])).toEqual([
      ['disk', [0, 1, 0, 1, 0]],
      ['memory', [0, 0, 0, 1, 0]],
    ]);
    expect(await faults.locator('polyline').count()).toBe(report.faultTrend.length);
    // The same numbers as a table for those who cannot see the chart.
    await page.locator('[data-chart="chart-faults"] summary').click();
    const fallback = page.locator('[data-chart="chart-faults"] table tbody tr');
    expect(await fallback.nth(3).locator('td').allTextContents()).toEqual(['1', '1']);
    await page.locator('[data-chart="chart-faults"] summary').click();
    await page.locator('[data-chart="chart-daily"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-charts');
  });

  it('offers the CSV that `helpline report kpi --csv` prints, for the grouping shown', async () => {
    const { page } = tab;
    await page.getByLabel('Group by').selectOption('category');
    await page.waitForURL(/by=category/);
    const byCategory = JSON.parse(await kpi('--by', 'category', '--json')) as KpiReport;
    const rows = page.locator('.report-table tbody tr td:first-child');
    await expect.poll(() => rows.allTextContents()).toEqual(byCategory.groups.map((group) => group.key));
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe('/api/reports/kpi.csv?from=2025-03-03&to=2025-03-07&groupBy=category');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    // The CLI prints the file as lines (its last CRLF becomes the terminal's newline).
    const printed = await kpi('--by', 'category', '--csv');
    expect(await download.text()).toBe(`${printed.replace(/\n$/, '')}\r\n`);
  });

  it('applies presets and refuses a backwards range before asking the server', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed'))
      .toBe('true');
    const url = new URL(page.url());
    const days = (Date.parse(url.searchParams.get('to')!) - Date.parse(url.searchParams.get('from')!)) / 86_400_000;
    expect(days).toBe(29);
    await page.getByLabel('From').fill('2025-03-07');
    await page.getByLabel('To').fill('2025-03-03');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('from 2025-03-07 is after to 2025-03-03');
  });

  it('writes the figures in the reader’s language', async () => {
    const russian = await openTab(browser, server.url, { locale: 'ru-RU' });
    await russian.page.goto('/');
    await russian.page.getByLabel('Имя пользователя').fill('admin');
    await russian.page.getByLabel('Пароль').fill(ADMIN_PASSWORD);
    await russian.page.getByRole('button', { name: 'Войти' }).click();
    await russian.page.getByRole('navigation', { name: 'Основное меню' }).waitFor();
    await russian.page.goto(WEEK_PAGE);
    const firstLine = russian.page.locator('[data-figure="firstLine"]');
    expect(await firstLine.locator('dt').textContent()).toBe('Решено на первой линии');
    // 0.6667 as Russian writes it: a decimal comma and a space before the sign.
    expect(await firstLine.locator('.figure-value').textContent()).toBe('66,7 %');
    expect(await russian.page.locator('[data-figure="resolution"] .figure-value').textContent()).toBe('8 ч 00 мин');
    await screenshot(russian.page, 'reports-ru');
    expect(russian.errors).toEqual([]);
    await russian.context.close();
  });

  it('gives viewers the page too, as the API does', async () => {
    const viewer = await openTab(browser, server.url);
    await signInAs(viewer.page, 'vera', 'vera-password-123');
    await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await viewer.page.goto(WEEK_PAGE);
    expect(await viewer.page.locator('[data-figure="opened"] .figure-value').textContent()).toBe('7');
    await viewer.context.close();
  });
});
