// The fleet and device pages in a real browser against real enrolled agents: every device listed
// with a link to its page, the search box filtering, sorting, refreshing, the device's summary, hostile
// device names shown as inert text, and the console in Russian.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const NAMES = ['reception-pc', 'accounting-01', 'accounting-02', HOSTILE];

describe('fleet and device pages', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  const agents: TestAgent[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of NAMES) agents.push(await enrollTestAgent(server, { name }));
    await Promise.all(agents.map((agent) => agent.waitFor('online')));
    // The last one stops, so the fleet has an offline PC too.
    await agents[2]!.agent.stop();
    await eventually(
      async () => (await server.client().call(API.devices.list)).filter((device) => device.online).length === 3,
      10_000,
      'three online',
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const agent of agents) await agent.cleanup();
    await server.cleanup();
  });
  afterEach(async () => {
    expect(tab.errors).toEqual([]);
    expect(tab.dialogs).toEqual([]);
    await tab.context.close();
  });

  const rows = () => tab.page.locator('tbody tr:not(.spacer)');
  const nameLinks = () => tab.page.locator('tbody td.cell-name a');

  it('lists every enrolled PC with its status, and counts them', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    await expect
      .poll(() => nameLinks().allTextContents())
      .toEqual([...NAMES].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(await tab.page.getByRole('status').filter({ hasText: 'devices' }).textContent()).toBe('4 devices');
    const offline = rows().filter({ hasText: 'accounting-02' });
    expect(await offline.locator('.cell-online').textContent()).toBe('Offline');
    const online = rows().filter({ hasText: 'reception-pc' });
    expect(await online.locator('.cell-online').textContent()).toBe('Online');
    expect(await online.locator('.cell-status').textContent()).toBe('Active');
    // Last seen is relative, with the exact time on hover.
    const seen = online.locator('.cell-lastSeen time');
    expect(await seen.textContent()).toMatch(/now|second|minute/);
    expect(await seen.getAttribute('title')).toMatch(/\d{4}/);
    await screenshot(tab.page, 'devices');
  });

  it('filters with the search box and says how many match, and sorts by a column', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    const search = tab.page.getByLabel('Search devices');
    await search.fill('accounting');
    await expect.poll(() => nameLinks().allTextContents()).toEqual(['accounting-01', 'accounting-02']);
    expect(await tab.page.getByRole('status').filter({ hasText: 'of' }).textContent()).toBe('2 of 4 devices');
    await screenshot(tab.page, 'devices-search');
    await tab.page.getByRole('button', { name: 'Name' }).click();
    await expect.poll(() => nameLinks().allTextContents()).toEqual(['accounting-02', 'accounting-01']);
    expect(await tab.page.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('descending');
    // Words match anywhere: the status word too.
    await search.fill('offline');
    await expect.poll(() => nameLinks().allTextContents()).toEqual(['accounting-02']);
    await search.fill('no-such-pc');
    await tab.page.getByText('No devices match “no-such-pc”').waitFor();
    await tab.page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => nameLinks().count()).toBe(4);
  });

  it('keeps Refresh disabled and busy while its reload runs, so clicks do not stack downloads', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    await expect.poll(() => nameLinks().count()).toBe(4);
    // The server's answer is held back (not replaced) until the button has been looked at.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let reloads = 0;
    await tab.page.route(`**${API.fleet.list.path}`, async (request) => {
      reloads++;
      await held;
      await request.continue();
    });
    // exact: 'Refresh' is also a prefix of the busy label 'Refreshing…', which a plain name match would accept.
    const refresh = tab.page.getByRole('button', { name: 'Refresh', exact: true });
    await refresh.click();
    const refreshing = tab.page.getByRole('button', { name: 'Refreshing…' });
    await refreshing.waitFor();
    expect(await refreshing.isDisabled()).toBe(true);
    expect(await refreshing.getAttribute('aria-busy')).toBe('true');
    expect(await nameLinks().count()).toBe(4);
    await screenshot(tab.page, 'devices-refreshing');
    release();
    await refresh.waitFor();
    expect(await refresh.isEnabled()).toBe(true);
    expect(reloads).toBe(1);
    await tab.page.unroute(`**${API.fleet.list.path}`);
  });

  it('opens the device page from its name, with the summary, and back', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    const device = (await server.client().call(API.devices.list)).find(
      (candidate) => candidate.name === 'reception-pc',
    )!;
    await tab.page.getByRole('link', { name: 'reception-pc' }).click();
    await tab.page.getByRole('heading', { name: 'reception-pc', level: 1 }).waitFor();
    expect(new URL(tab.page.url()).pathname).toBe(`/devices/${device.id}`);
    expect(await tab.page.title()).toBe('reception-pc · Helpline');
    const summary = tab.page.getByRole('region', { name: 'Summary' });
    // The heading may show before the summary's own data arrives (a busy machine): wait for it.
    await summary.getByText(device.fingerprint).waitFor();
    expect(await summary.getByText(device.fingerprint).count()).toBe(1);
    expect(await summary.getByText(device.agentVersion, { exact: true }).count()).toBe(1);
    expect(await summary.getByText('Online').count()).toBe(1);
    await screenshot(tab.page, 'device');
    // A deep link opens the same page after a reload; the back link returns to the fleet.
    await tab.page.reload();
    await tab.page.getByRole('heading', { name: 'reception-pc', level: 1 }).waitFor();
    await tab.page.getByRole('link', { name: 'All devices' }).click();
    await tab.page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
  });

  it('says so for a device that does not exist and for an unknown page', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    await tab.page.goto('/devices/dev_aaaaaaaaaaaaaaaa');
    await tab.page.getByRole('heading', { name: 'Device not found' }).waitFor();
    await tab.page.goto('/no/such/page');
    await tab.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await screenshot(tab.page, 'not-found');
  });

  it('shows a hostile device name as text, on the fleet and on the device page', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    const link = tab.page.getByRole('link', { name: HOSTILE, exact: true });
    await link.waitFor();
    expect(await tab.page.locator('img').count()).toBe(0);
    await link.click();
    await tab.page.getByRole('heading', { name: HOSTILE, level: 1 }).waitFor();
    expect(await tab.page.locator('img').count()).toBe(0);
    expect(await tab.page.title()).toBe(`${HOSTILE} · Helpline`);
    await screenshot(tab.page, 'device-hostile-name');
  });

  it('speaks Russian to a Russian browser, plurals and dates included', async () => {
    tab = await openTab(browser, server.url, { locale: 'ru-RU' });
    await tab.page.goto('/');
    await tab.page.getByLabel('Имя пользователя').fill('admin');
    await tab.page.getByLabel('Пароль').fill(ADMIN_PASSWORD);
    await tab.page.getByRole('button', { name: 'Войти' }).click();
    await tab.page.getByRole('heading', { name: 'Устройства', level: 1 }).waitFor();
    expect(await tab.page.getAttribute('html', 'lang')).toBe('ru');
    await expect
      .poll(() => tab.page.getByRole('status').filter({ hasText: 'устройств' }).textContent())
      .toBe('4 устройства');
    await tab.page.getByLabel('Поиск устройств').fill('accounting-01');
    await expect
      .poll(() => tab.page.getByRole('status').filter({ hasText: 'из' }).textContent())
      .toBe('1 из 4 устройств');
    expect(await rows().locator('.cell-online').textContent()).toBe('В сети');
    await screenshot(tab.page, 'devices-ru');
    // The switch in the user menu changes the language at once and is remembered.
    await tab.page.getByRole('button', { name: 'Меню пользователя (admin)' }).click();
    await tab.page.getByLabel('Язык').selectOption('en');
    await tab.page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
    await tab.page.reload();
    await tab.page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
  });
});
