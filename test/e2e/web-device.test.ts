// The device page in a real browser with a real agent: this machine's real inventory, software
// searched, services, a change in the history, health charts drawn from real samples with the
// range switch and live samples, tickets and jobs, keyboard tabs, approve/revoke for admins only,
// and hostile text from the agent shown inert.
import type { Browser, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryData } from '../../protocol/messages/inventory.js';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { enrollTestAgent, eventually, realSources, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('device page', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let agent: TestAgent;
  let memoryTotal: number | null = null;
  /** Set to make the next inventory report carry one more package (an install to show in the history). */
  let newPackage = false;

  beforeAll(async () => {
    server = await startTestServer();
    const real = realSources();
    agent = await enrollTestAgent(server, {
      name: 'design-studio',
      config: { healthIntervalMs: 400 },
      build: {
        sources: {
          ...real,
          collectInventory: async () => {
            const data: InventoryData = await real.collectInventory();
            if (memoryTotal !== null) data.memory.total = memoryTotal;
            data.software.push({
              name: HOSTILE,
              version: '6.6.6',
              publisher: HOSTILE,
              source: 'dpkg',
              installedAt: null,
              arch: null,
            });
            if (newPackage)
              data.software.push({
                name: `${HOSTILE} tool`,
                version: '2.0.1',
                publisher: null,
                source: 'dpkg',
                installedAt: null,
                arch: null,
              });
            return data;
          },
        },
      },
    });
    await agent.waitFor('online');
    await eventually(
      async () => (await server.client().call(API.inventory.software, { params: { id: agent.deviceId } })).length > 1,
      20_000,
      'the inventory',
    );
    await eventually(
      async () =>
        (await server.client().call(API.inventory.health, { params: { id: agent.deviceId }, query: {} })).raw.length >=
        2,
      20_000,
      'two health samples',
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await agent?.cleanup();
    await server.cleanup();
  });
  afterEach(async () => {
    expect(tab.errors).toEqual([]);
    expect(tab.dialogs).toEqual([]);
    await tab.context.close();
  });

  const open = async (section = '', user = 'admin', password = ADMIN_PASSWORD) => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, user, password);
    await tab.page.goto(`/devices/${agent.deviceId}${section}`);
    await tab.page.getByRole('heading', { name: 'design-studio', level: 1 }).waitFor();
  };
  const inventory = () => server.client().call(API.inventory.show, { params: { id: agent.deviceId } });
  const factOf = (panel: string, label: string) =>
    tab.page.getByRole('region', { name: panel }).locator('.fact').filter({ hasText: label }).locator('dd');

  it('shows this machine’s real OS and hardware, and moves between tabs with the keyboard', async () => {
    await open();
    const { sections } = await inventory();
    expect(await factOf('Operating system', 'Kernel').textContent()).toBe(sections.os!.kernel);
    expect(await factOf('Operating system', 'Host name').textContent()).toBe(sections.os!.hostname);
    await screenshot(tab.page, 'device-overview');
    // Arrow keys move along the tabs and show each one; its address follows.
    await tab.page.getByRole('tab', { name: 'Overview' }).focus();
    await tab.page.keyboard.press('ArrowRight');
    await tab.page.getByRole('region', { name: 'Processor' }).waitFor();
    expect(tab.page.url()).toMatch(/\/hardware$/);
    expect(await tab.page.getByRole('tab', { name: 'Hardware' }).getAttribute('aria-selected')).toBe('true');
    const cpu = sections.cpu!;
    expect(await factOf('Processor', 'Model').textContent()).toBe(`${cpu.manufacturer} ${cpu.brand}`.trim());
    await screenshot(tab.page, 'device-hardware');
    await tab.page.keyboard.press('End');
    await tab.page.getByRole('region', { name: 'Tickets' }).waitFor();
    expect(tab.page.url()).toMatch(/\/activity$/);
  });

  it('lists installed software, filters it, and shows a hostile name as text', async () => {
    await open('/software');
    const search = tab.page.getByLabel('Search software');
    const count = tab.page.getByRole('status').filter({ hasText: 'items' });
    const total = (await server.client().call(API.inventory.software, { params: { id: agent.deviceId } })).length;
    expect(await count.textContent()).toBe(`${total.toLocaleString('en')} items`);
    await search.fill('onerror');
    await expect.poll(() => count.textContent()).toBe(`1 of ${total.toLocaleString('en')} items`);
    const row = tab.page.locator('tbody tr:not(.spacer)');
    expect(await row.locator('td').first().textContent()).toBe(HOSTILE);
    expect(await tab.page.locator('img[src="x"]').count()).toBe(0);
    await screenshot(tab.page, 'device-software');
  });

  it('lists the local users and services, and searches the users', async () => {
    await open('/services');
    const { sections } = await inventory();
    const local = sections.users!.local;
    const users = tab.page.getByRole('table', { name: 'Local users' });
    const rows = users.locator('tbody tr:not(.spacer)');
    await rows.first().waitFor();
    const last = local[local.length - 1]!;
    await tab.page.getByLabel('Search users').fill(last.name);
    await expect.poll(() => rows.locator('td:first-child').allTextContents()).toContain(last.name);
    for (const name of await rows.locator('td:first-child').allTextContents()) expect(name).toContain(last.name);
    const services = tab.page.getByRole('region', { name: 'Services' });
    if (sections.services!.length === 0) await services.getByText('Nothing reported').waitFor();
    else await services.getByRole('table', { name: 'Services' }).locator('tbody tr:not(.spacer)').first().waitFor();
    await screenshot(tab.page, 'device-services');
  });

  it('draws health charts from real samples, says the latest values, follows new samples live, and asks for the range chosen', async () => {
    await open('/health');
    await tab.page.locator('.chart canvas').first().waitFor();
    expect(await tab.page.locator('.chart-figure figcaption').allTextContents()).toEqual(
      expect.arrayContaining(['CPU', 'Memory', 'Fullest disk', 'Processes']),
    );
    const latest = tab.page.getByRole('region', { name: 'Latest sample' });
    // A newer sample may arrive on the live stream between the reads: read until the sample's time
    // is the same before and after them.
    const readLatest = async () => {
      const at = Number(await latest.getAttribute('data-at'));
      const processes = await latest.locator('tr[data-metric="processCount"] td').textContent();
      const cpu = await latest.locator('tr[data-metric="cpuPct"] td').textContent();
      return { at, processes, cpu, steady: at === Number(await latest.getAttribute('data-at')) };
    };
    let shown = await readLatest();
    while (!shown.steady) shown = await readLatest();
    const shownAt = shown.at;
    const { raw } = await server.client().call(API.inventory.health, {
      params: { id: agent.deviceId },
      query: { since: '24h' },
    });
    const sample = raw.find((entry) => entry.at === shownAt)!;
    expect(sample).toBeDefined();
    expect(shown.processes).toBe(sample.processCount.toLocaleString('en'));
    expect(shown.cpu).toBe(`${(Math.round(sample.cpuPct * 10) / 10).toLocaleString('en')} %`);
    // The agent keeps sampling: a newer sample arrives on the live stream, without a reload.
    await expect
      .poll(async () => Number(await latest.getAttribute('data-at')), { timeout: 10_000 })
      .toBeGreaterThan(shownAt);
    await screenshot(tab.page, 'device-health');

    const asked: string[] = [];
    tab.page.on('request', (request: Request) => {
      if (request.url().includes(`/devices/${agent.deviceId}/health`)) asked.push(new URL(request.url()).search);
    });
    await tab.page.getByRole('button', { name: '7 days' }).click();
    await tab.page.getByRole('status').filter({ hasText: 'Hourly averages' }).waitFor();
    expect(asked).toEqual(['?since=7d']);
    expect(await tab.page.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');
    await tab.page.locator('.chart canvas').first().waitFor();
  });

  it('shows changes in the inventory history as sentences, a hostile package name as text', async () => {
    memoryTotal = 8 * 1024 ** 3;
    newPackage = true;
    expect(await agent.agent.checkInventory()).toEqual(expect.arrayContaining(['memory', 'software']));
    await open('/changes');
    const changes = tab.page.getByRole('list', { name: 'Inventory changes' }).getByRole('listitem');
    const texts = () => changes.locator('.change-text').allTextContents();
    await expect.poll(texts, { timeout: 10_000 }).toContainEqual(expect.stringMatching(/^Memory total: .+ → 8 GB$/));
    expect(await texts()).toContain(`Installed ${HOSTILE} tool (dpkg) 2.0.1`);
    expect(await tab.page.locator('img[src="x"]').count()).toBe(0);
    const memory = changes.filter({ hasText: 'Memory total' });
    expect(await memory.locator('time').getAttribute('title')).toBeTruthy();
    await screenshot(tab.page, 'device-changes');
  });

  it('says the change in Russian, sizes included, to a Russian browser', async () => {
    tab = await openTab(browser, server.url, { locale: 'ru-RU' });
    await tab.page.goto('/');
    await tab.page.getByLabel('Имя пользователя').fill('admin');
    await tab.page.getByLabel('Пароль').fill(ADMIN_PASSWORD);
    await tab.page.getByRole('button', { name: 'Войти' }).click();
    await tab.page.getByRole('heading', { name: 'Устройства', level: 1 }).waitFor();
    await tab.page.goto(`/devices/${agent.deviceId}/changes`);
    const changes = tab.page.getByRole('list', { name: 'Изменения инвентаризации' }).locator('.change-text');
    await expect
      .poll(() => changes.allTextContents())
      .toContainEqual(expect.stringMatching(/^Память, всего: .+ → 8 ГБ$/));
    expect(await changes.allTextContents()).toContain(`Установлена программа ${HOSTILE} tool (dpkg) 2.0.1`);
    await tab.page.getByRole('tab', { name: 'Оборудование' }).click();
    expect(await factOf('Память', 'Всего').textContent()).toBe('8 ГБ');
    await screenshot(tab.page, 'device-changes-ru');
  });

  it('lists the PC’s tickets and jobs', async () => {
    const ticket = await server.client().call(API.tickets.create, {
      body: { subject: `Printer jam ${HOSTILE}`, deviceId: agent.deviceId },
    });
    await open('/activity');
    const tickets = tab.page.getByRole('region', { name: 'Tickets' });
    await expect
      .poll(() => tickets.locator('tbody tr').first().locator('td').nth(1).textContent())
      .toBe(ticket.subject);
    await tab.page.getByRole('region', { name: 'Jobs' }).getByText('Nothing has been run on this PC.').waitFor();
    await screenshot(tab.page, 'device-activity');
  });

  it('lets an admin approve a PC waiting for approval', async () => {
    const waiting = await enrollTestAgent(server, { name: 'waiting-pc', approval: true });
    try {
      await waiting.waitFor('waiting');
      tab = await openTab(browser, server.url);
      await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
      await tab.page.goto(`/devices/${waiting.deviceId}`);
      await tab.page.getByRole('heading', { name: 'waiting-pc', level: 1 }).waitFor();
      const badges = tab.page.locator('.title-badges');
      await badges.getByText('Pending').waitFor();
      await tab.page.getByRole('button', { name: 'Approve' }).click();
      await badges.getByText('Active').waitFor();
      // Approved: the button is gone and Revoke is offered instead. (The agent itself comes in at its next
      // try, which the server paces in tens of seconds: not waited for here.)
      await tab.page.getByRole('button', { name: 'Revoke' }).waitFor();
      expect(await tab.page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      expect((await server.client().call(API.devices.show, { params: { id: waiting.deviceId } })).status).toBe(
        'active',
      );
    } finally {
      await waiting.cleanup();
    }
  });

  it('lets an admin revoke after confirming, and offers a viewer no such thing', async () => {
    await server.addUser('vera', 'viewer');
    await open('', 'vera', 'vera-password-123');
    expect(await tab.page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    // A viewer does not see the jobs of the PC (staff only).
    await tab.page.getByRole('tab', { name: 'Tickets and jobs' }).click();
    await tab.page.getByRole('region', { name: 'Tickets' }).waitFor();
    expect(await tab.page.getByRole('region', { name: 'Jobs' }).count()).toBe(0);
    await tab.context.close();

    await open();
    await tab.page.getByRole('button', { name: 'Revoke' }).click();
    const dialog = tab.page.getByRole('dialog', { name: 'Revoke design-studio?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await server.client().call(API.devices.show, { params: { id: agent.deviceId } })).status).toBe('active');
    await tab.page.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByLabel('Reason (optional)').fill('sold');
    await screenshot(tab.page, 'device-revoke');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tab.page.locator('.title-badges').getByText('Revoked').waitFor();
    expect((await server.client().call(API.devices.show, { params: { id: agent.deviceId } })).statusReason).toBe(
      'sold',
    );
  });
});
