// The ticket queue in a real browser on a real server with a real agent: an employee's request
// from the agent's CLI appears in the open queue without a reload, the views count it, filters
// and search narrow the queue (and live in the address), and a ticket past its SLA due time
// shows as breached, in the at-risk view.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { runCli } from '../helpers/run-cli.js';
import { enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('ticket queue page', () => {
  let server: TestServer;
  let agent: TestAgent;
  let browser: Browser;
  let tab: ConsoleTab;
  /** The server's clock, when a test sets it; otherwise the real one. */
  let serverNow: number | null = null;

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => serverNow ?? Date.now() });
    await server.addUser('tom', 'technician');
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
    await expect.poll(() => row.textContent()).toContain('reception-pc');
    expect(await row.textContent()).toContain('Portal');
    const views = page.getByRole('group', { name: 'Views' });
    await expect.poll(() => views.getByRole('button', { name: /Unassigned/ }).textContent()).toBe('Unassigned1');
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
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('channel')).toBe('phone');
    await page.getByRole('button', { name: /Clear filters/ }).click();
    await page.getByLabel('Search tickets').fill('printer');
    await expect
      .poll(() => page.locator('tbody tr').allTextContents())
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
    await expect.poll(() => views.getByRole('button', { name: /At risk/ }).textContent()).toBe('At risk or breached1');
    await views.getByRole('button', { name: /At risk/ }).click();
    const row = page.locator('tbody tr', { hasText: 'Server room too hot' });
    await row.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await row.locator('[data-sla]').getAttribute('data-sla')).toBe('breached');
    expect(await row.textContent()).toMatch(/breached/);
    await screenshot(page, 'tickets-breached');
  });
});
