// Maintenance mode in a real browser on a real server with real agents: the fleet shows "Maintenance
// until …" on each device covered (its own window or its group's) and drops it live when the
// window ends; on the device page a technician starts maintenance (a bad duration refused first)
// and ends it; a viewer sees the badge and no buttons.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { createToken, enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** The badge's words as the console writes them (en-US, Europe/Moscow, as openTab sets). */
function badgeText(iso: string): string {
  const timeZone = 'Europe/Moscow';
  const day = (at: Date) => new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'short' }).format(at);
  const at = new Date(iso);
  const options: Intl.DateTimeFormatOptions =
    day(at) === day(new Date())
      ? { hour: '2-digit', minute: '2-digit', timeZone }
      : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone };
  return `Maintenance until ${new Intl.DateTimeFormat('en-US', options).format(at)}`;
}

describe('maintenance in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  const agents: TestAgent[] = [];
  const idOf = (name: string) => agents.find((agent) => names.get(agent) === name)!.deviceId;
  const names = new Map<TestAgent, string>();

  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('tom', 'technician');
    await server.addUser('vera', 'viewer');
    for (const [name, group] of [
      ['reception-pc', 'office'],
      ['lab-01', 'lab'],
      ['lab-02', 'lab'],
    ] as const) {
      const agent = await enrollTestAgent(server, { name, token: await createToken(server, { group }) });
      names.set(agent, name);
      agents.push(agent);
    }
    await Promise.all(agents.map((agent) => agent.waitFor('online')));
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const agent of agents) await agent.cleanup();
    await server?.cleanup();
  });
  afterEach(async () => {
    expect(tab.errors).toEqual([]);
    expect(tab.dialogs).toEqual([]);
    await tab.context.close();
  });

  const row = (name: string) => tab.page.locator('tbody tr').filter({ has: tab.page.getByRole('link', { name }) });
  const badgeOf = (name: string) => row(name).locator('.badge-maintenance');

  it("shows the badge on each device in maintenance, its own or its group's, and drops it live", async () => {
    const client = server.client();
    const own = await client.call(API.maintenance.start, {
      body: { deviceId: idOf('reception-pc'), for: '2h', reason: 'new disk' },
    });
    const group = await client.call(API.maintenance.start, { body: { group: 'lab', for: '45m' } });
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'tom', 'tom-password-123');
    await expect.poll(() => badgeOf('reception-pc').textContent()).toBe(badgeText(own.endsAt));
    expect(await badgeOf('reception-pc').getAttribute('title')).toMatch(
      /^In maintenance until .+ \(new disk\): faults/,
    );
    expect(await badgeOf('lab-01').textContent()).toBe(badgeText(group.endsAt));
    expect(await badgeOf('lab-02').textContent()).toBe(badgeText(group.endsAt));
    await screenshot(tab.page, 'fleet-maintenance');

    // Ended elsewhere (the CLI, another technician): the fleet follows the live stream.
    await client.call(API.maintenance.end, { params: { id: group.id } });
    await expect.poll(() => badgeOf('lab-01').count()).toBe(0);
    expect(await badgeOf('lab-02').count()).toBe(0);
    expect(await badgeOf('reception-pc').count()).toBe(1);
    await client.call(API.maintenance.end, { params: { id: own.id } });
    await expect.poll(() => tab.page.locator('.badge-maintenance').count()).toBe(0);
  });

  it('starts and ends maintenance from the device page', async () => {
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'tom', 'tom-password-123');
    await page.getByRole('link', { name: 'lab-01' }).click();
    await page.getByRole('heading', { name: 'lab-01', level: 1 }).waitFor();
    const header = page.locator('.page-header');
    expect(await page.getByRole('button', { name: 'End maintenance' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Start maintenance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Put lab-01 in maintenance' });
    expect(await dialog.getByLabel('For how long').inputValue()).toBe('2h');

    // A duration the protocol cannot read is refused before anything is sent.
    await dialog.getByLabel('For how long').fill('soon');
    await dialog.getByRole('button', { name: 'Start maintenance' }).click();
    await dialog.getByText('Give a duration like 30m, 2h or 1d, from 1 minute to 30 days.').waitFor();
    expect(await server.client().call(API.maintenance.list, { query: {} })).toEqual([]);

    await dialog.getByLabel('For how long').fill('90m');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByLabel('Reason (optional)').fill('RAM upgrade <b>now</b>');
    await screenshot(page, 'device-maintenance-start');
    await dialog.getByRole('button', { name: 'Start maintenance' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [window] = await server.client().call(API.maintenance.list, { query: {} });
    expect(window).toMatchObject({
      target: { kind: 'device', value: idOf('lab-01') },
      reason: 'RAM upgrade <b>now</b>',
      startedBy: 'tom',
    });
    expect(Date.parse(window!.endsAt) - Date.parse(window!.startsAt)).toBe(90 * 60_000);
    const badge = header.locator('.badge-maintenance');
    await expect.poll(() => badge.textContent()).toBe(badgeText(window!.endsAt));
    // The reason is text, never markup.
    expect(await badge.getAttribute('title')).toContain('(RAM upgrade <b>now</b>)');
    expect(await page.getByRole('button', { name: 'Start maintenance' }).count()).toBe(0);
    await screenshot(page, 'device-maintenance');

    await page.getByRole('button', { name: 'End maintenance' }).click();
    const confirm = page.getByRole('dialog', { name: 'End the maintenance of lab-01?' });
    await confirm.getByText('Faults on this device open tickets again from now on.').waitFor();
    await confirm.getByRole('button', { name: 'End maintenance' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => badge.count()).toBe(0);
    await page.getByRole('button', { name: 'Start maintenance' }).waitFor();
    expect(await server.client().call(API.maintenance.list, { query: {} })).toEqual([]);
    const audit = await server.client().call(API.audit.list, { query: {} });
    expect(audit.filter((entry) => entry.action.startsWith('maintenance.') && entry.actor === 'tom')).toHaveLength(2);
  });

  it("ends a group's maintenance from a device of the group only after saying it is the whole group's", async () => {
    await server.client().call(API.maintenance.start, { body: { group: 'lab', for: '1h' } });
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'tom', 'tom-password-123');
    await page.getByRole('link', { name: 'lab-02' }).click();
    await page.getByRole('heading', { name: 'lab-02', level: 1 }).waitFor();
    // The group's window covers it; the device has none of its own, so Start is still offered.
    await page.locator('.page-header .badge-maintenance').waitFor();
    await page.getByRole('button', { name: 'Start maintenance' }).waitFor();
    await page.getByRole('button', { name: 'End maintenance' }).click();
    const confirm = page.getByRole('dialog', { name: 'End the maintenance of lab-02?' });
    await confirm.getByText(/with its group lab: this ends it for every device of the group/).waitFor();
    await confirm.getByRole('button', { name: 'End maintenance' }).click();
    await expect.poll(() => page.locator('.page-header .badge-maintenance').count()).toBe(0);
    expect(await server.client().call(API.maintenance.list, { query: {} })).toEqual([]);
  });

  it('shows a viewer the badge but no maintenance buttons', async () => {
    const window = await server.client().call(API.maintenance.start, {
      body: { deviceId: idOf('reception-pc'), for: '3h' },
    });
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'vera', 'vera-password-123');
    await expect.poll(() => badgeOf('reception-pc').textContent()).toBe(badgeText(window.endsAt));
    await page.getByRole('link', { name: 'reception-pc' }).click();
    await page.getByRole('heading', { name: 'reception-pc', level: 1 }).waitFor();
    await page.locator('.page-header .badge-maintenance').waitFor();
    expect(await page.getByRole('button', { name: /maintenance/i }).count()).toBe(0);
    await server.client().call(API.maintenance.end, { params: { id: window.id } });
  });
});
