// The ticket queue in a real browser on a real server with a real agent: an employee's request
// from the agent's CLI appears in the open queue without a reload, the views count it, filters
// and search narrow the queue (and live in the address), and a ticket past its SLA due time
// shows as breached, in the at-risk view.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, signedInCli } from '../helpers/run-cli.js';
import { enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** What the page shows may lag the server by a live event and a reload. */
const POLL = { timeout: 10_000 };

describe('ticket queue page', () => {
  let server: TestServer;
  let agent: TestAgent;
  let browser: Browser;
  let tab: ConsoleTab;
  /** The server's clock, when a test sets it; otherwise the real one. */
  let serverNow: number | null = null;
  let dir: string;
  const tokens: Record<string, string> = {};
  const { as } = signedInCli(() => ({ url: server.url, dir, tokens }));

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => serverNow ?? Date.now() });
    dir = mkdtempSync(join(tmpdir(), 'helpline-web-tickets-'));
    tokens.tom = await server.addUser('tom', 'technician');
    agent = await enrollTestAgent(server, { name: 'reception-pc' });
    await agent.waitFor('online');
    browser = await launchBrowser();
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'tom', 'tom-password-123');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await agent?.cleanup();
    await server?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows an employee's request from the agent live, counted in its views", async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
    await page.getByText('No tickets here').waitFor();

    const asked = await runCli('helpline-agent', [
      'help',
      'Printer on floor 2 jams',
      '--details',
      'It jams on every page.',
      '--state',
      agent.stateDir,
    ]);
    expect(asked.code).toBe(0);
    const row = page.locator('tr', { hasText: 'Printer on floor 2 jams' });
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(() => row.textContent(), POLL).toContain('reception-pc');
    expect(await row.textContent()).toContain('Portal');
    const views = page.getByRole('group', { name: 'Views' });
    await expect.poll(() => views.getByRole('button', { name: /Unassigned/ }).textContent(), POLL).toBe('Unassigned1');
    expect(await views.getByRole('button', { name: /^Mine/ }).textContent()).toBe('Mine0');
    await screenshot(page, 'tickets-queue');
  });

  it('narrows the queue by a filter and by words, keeping them in the address', async () => {
    const { page } = tab;
    const client = server.client();
    await client.call(API.tickets.create, {
      body: { subject: 'VPN drops every hour', channel: 'phone', requester: 'Anna Petrova', line: 2 },
    });
    await page.locator('tr', { hasText: 'VPN drops every hour' }).waitFor();
    await page.getByLabel('Channel').selectOption('phone');
    await expect.poll(() => page.locator('tbody tr').count(), POLL).toBe(1);
    expect(new URL(page.url()).searchParams.get('channel')).toBe('phone');
    await page.getByRole('button', { name: /Clear filters/ }).click();
    await page.getByLabel('Search tickets').fill('printer');
    await expect
      .poll(() => page.locator('tbody tr').allTextContents(), POLL)
      .toEqual([expect.stringContaining('Printer on floor 2 jams')]);
    await page.reload();
    await page.locator('tbody tr', { hasText: 'Printer on floor 2 jams' }).waitFor();
    expect(await page.getByLabel('Search tickets').inputValue()).toBe('printer');
    expect(await page.locator('tbody tr').count()).toBe(1);
  });

  it('shows a ticket past its SLA due time as breached, in the at-risk view', async () => {
    const { page } = tab;
    // Opened at 09:00 on a Monday two weeks ago as a P1: its first hour of business time ran out long ago.
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 14);
    monday.setUTCHours(9, 0, 0, 0);
    serverNow = monday.getTime();
    await server.client().call(API.tickets.create, { body: { subject: 'Server room too hot', impact: 1, urgency: 1 } });
    serverNow = null;
    await page.getByRole('button', { name: /Clear filters/ }).click();
    const views = page.getByRole('group', { name: 'Views' });
    await expect
      .poll(() => views.getByRole('button', { name: /At risk/ }).textContent(), POLL)
      .toBe('At risk or breached1');
    await views.getByRole('button', { name: /At risk/ }).click();
    const row = page.locator('tbody tr', { hasText: 'Server room too hot' });
    await row.waitFor();
    await expect.poll(() => page.locator('tbody tr').count(), POLL).toBe(1);
    expect(await row.locator('[data-sla]').getAttribute('data-sla')).toBe('breached');
    expect(await row.textContent()).toMatch(/breached/);
    await screenshot(page, 'tickets-breached');
  });

  it('writes down a phone call as a ticket for an employee and a PC, and counts it by channel', async () => {
    const { page } = tab;
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('button', { name: 'New ticket' }).click();
    const dialog = page.getByRole('dialog', { name: 'New ticket' });
    await dialog.getByRole('button', { name: 'Open ticket' }).click();
    await dialog.getByText('Write the subject: one line saying what is wrong.').waitFor();
    await dialog.getByLabel('Subject').fill('Monitor flickers');
    await dialog.getByLabel('Requester').fill('Boris Ivanov');
    await dialog.getByLabel('PC', { exact: true }).fill('no-such-pc');
    await dialog.getByLabel('Came in by').selectOption('phone');
    await dialog.getByLabel('Category').fill('display');
    await dialog.getByLabel('Urgency').selectOption('2');
    await dialog.getByLabel('Details (optional)').fill('Since this morning, every few seconds.');
    await dialog.getByRole('button', { name: 'Open ticket' }).click();
    await dialog.getByText('There is no active PC named “no-such-pc”.').waitFor();
    await dialog.getByLabel('PC', { exact: true }).fill('reception-pc');
    await screenshot(page, 'tickets-new');
    await dialog.getByRole('button', { name: 'Open ticket' }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /Monitor flickers/ }).waitFor();
    expect(await page.locator('.fact', { hasText: 'Channel' }).textContent()).toContain('Phone');
    expect(await page.locator('.fact', { hasText: 'Requester' }).textContent()).toContain('Boris Ivanov');
    expect(await page.locator('.fact', { hasText: 'PC' }).first().textContent()).toContain('reception-pc');

    const today = new Date().toISOString().slice(0, 10);
    const kpi = await as('tom')('report', 'kpi', '--from', today, '--to', today, '--by', 'channel', '--json');
    expect(kpi.code).toBe(0);
    const report = JSON.parse(kpi.stdout) as { groups: Array<{ key: string | null; opened: number }> };
    expect(report.groups.find((group) => group.key === 'phone')?.opened).toBe(2);
    expect(report.groups.find((group) => group.key === 'portal')?.opened).toBe(1);
  });
});
