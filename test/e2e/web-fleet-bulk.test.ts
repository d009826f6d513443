// The fleet page's columns, selection and bulk actions in a real browser against real agents:
// columns chosen and reordered are kept for the user, rows are selected one by one, by a Shift
// range or all matching the search, and each bulk action confirms first and reports per device.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryData } from '../../protocol/messages/inventory.js';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { enrollTestAgent, eventually, realSources, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const NAMES = ['pc-01', 'pc-02', 'pc-03', 'pc-04', 'kiosk-01'];

describe('fleet columns, selection and bulk actions', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  const agents: TestAgent[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const real = realSources();
    for (const name of NAMES) {
      // The kiosk alone has a distinctive program installed, for the software search.
      const sources =
        name === 'kiosk-01'
          ? {
              ...real,
              collectInventory: async () => {
                const data: InventoryData = await real.collectInventory();
                data.software.push({
                  name: 'KioskBrowser Pro',
                  version: '3.1',
                  publisher: null,
                  source: 'dpkg',
                  installedAt: null,
                  arch: null,
                });
                return data;
              },
            }
          : real;
      agents.push(await enrollTestAgent(server, { name, build: { sources } }));
    }
    await Promise.all(agents.map((agent) => agent.waitFor('online')));
    await eventually(
      async () => (await server.client().call(API.fleet.list, { query: { software: 'kioskbrowser' } })).length === 1,
      20_000,
      'the kiosk inventory',
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

  const headers = () => tab.page.locator('thead th').allTextContents();
  const rowOf = (name: string) => tab.page.locator('tbody tr:not(.spacer)').filter({ hasText: name });
  const checkbox = (name: string) => tab.page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
  const signIn = async (user: string, password: string) => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, user, password);
    await expect.poll(() => tab.page.locator('tbody td.cell-name a').count()).toBe(NAMES.length);
  };

  it('keeps the columns a user chose and ordered, after a reload and in another browser', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    expect(await headers()).toContain('CPU');
    await tab.page.getByRole('button', { name: 'Columns', exact: true }).click();
    const dialog = tab.page.getByRole('dialog', { name: 'Columns' });
    for (const column of ['Tags', 'Status', 'Last seen', 'Operating system', 'Memory', 'Disk', 'Open tickets'])
      await dialog.getByLabel(column, { exact: true }).uncheck();
    // CPU is seventh in the list: six steps up put it first, where its button stops.
    const up = dialog.getByRole('button', { name: 'Move CPU up' });
    for (let step = 0; step < 6; step++) await up.click();
    expect(await up.isDisabled()).toBe(true);
    await screenshot(tab.page, 'fleet-columns');
    await dialog.getByRole('button', { name: 'Save columns' }).click();
    await dialog.waitFor({ state: 'detached' });
    const chosen = ['', 'Name', 'CPU', 'Group', 'Connection', 'Agent version'];
    await expect.poll(headers).toEqual(chosen);
    await tab.page.reload();
    await expect.poll(headers).toEqual(chosen);
    await tab.context.close();
    // Another browser, the same user: the choice is on the server.
    await signIn('admin', ADMIN_PASSWORD);
    await expect.poll(headers).toEqual(chosen);
    // Back to the default set for the tests that follow.
    await tab.page.getByRole('button', { name: 'Columns', exact: true }).click();
    await tab.page.getByRole('button', { name: 'Default columns' }).click();
    await tab.page.getByRole('button', { name: 'Save columns' }).click();
    await expect.poll(headers).toContain('Open tickets');
  });

  it('selects a Shift range, adds a tag to it, and reports per device', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    await checkbox('pc-01').click();
    await checkbox('pc-03').click({ modifiers: ['Shift'] });
    const bar = tab.page.getByRole('toolbar', { name: 'Actions on the selected devices' });
    expect(await bar.getByRole('status').textContent()).toBe('3 devices selected');
    for (const name of ['pc-01', 'pc-02', 'pc-03']) expect(await checkbox(name).isChecked()).toBe(true);
    expect(await checkbox('pc-04').isChecked()).toBe(false);

    await bar.getByRole('button', { name: 'Add tag' }).click();
    const dialog = tab.page.getByRole('dialog', { name: 'Add tag' });
    await dialog.getByLabel('Tag').fill('floor-2');
    expect(await dialog.textContent()).toContain('Add tag floor-2 to 3 devices:');
    expect(await dialog.textContent()).toContain('pc-01, pc-02, pc-03');
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    const outcomes = dialog.getByRole('list', { name: 'What happened to each device' });
    await outcomes.waitFor();
    expect(await outcomes.getByRole('listitem').allTextContents()).toEqual(['pc-01Done', 'pc-02Done', 'pc-03Done']);
    await screenshot(tab.page, 'fleet-bulk-outcomes');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => rowOf('pc-02').locator('.cell-tags').textContent()).toBe('floor-2');
    expect(await rowOf('pc-04').locator('.cell-tags').textContent()).toBe('—');
    // The tag is searchable.
    await tab.page.getByLabel('Search devices').fill('floor-2');
    await expect
      .poll(() => tab.page.locator('tbody td.cell-name a').allTextContents())
      .toEqual(['pc-01', 'pc-02', 'pc-03']);
  });

  it('selects all devices the search matches, searches installed software on the server, and revokes after confirming', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    await tab.page.getByLabel('Installed software').fill('kioskbrowser');
    await expect.poll(() => tab.page.locator('tbody td.cell-name a').allTextContents()).toEqual(['kiosk-01']);
    await tab.page.getByLabel('Installed software').fill('');
    await tab.page.getByLabel('Search devices').fill('pc-0');
    await expect.poll(() => tab.page.locator('tbody td.cell-name a').count()).toBe(4);
    await tab.page.getByRole('checkbox', { name: 'Select all 4 devices shown' }).click();
    const bar = tab.page.getByRole('toolbar', { name: 'Actions on the selected devices' });
    expect(await bar.getByRole('status').textContent()).toBe('4 devices selected');
    // Revoke only pc-04: clear the rest by hand.
    for (const name of ['pc-01', 'pc-02', 'pc-03']) await checkbox(name).click();
    expect(await bar.getByRole('status').textContent()).toBe('1 device selected');
    await bar.getByRole('button', { name: 'Revoke' }).click();
    const dialog = tab.page.getByRole('dialog', { name: 'Revoke' });
    expect(await dialog.textContent()).toContain('Revoke 1 device: its agent is disconnected');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(
      (await server.client().call(API.fleet.list, { query: {} })).find((row) => row.device.name === 'pc-04')!.device
        .status,
    ).toBe('active');
    await bar.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByLabel('Reason (optional)').fill('stolen');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByRole('list', { name: 'What happened to each device' }).waitFor();
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['pc-04Done']);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => rowOf('pc-04').locator('.cell-status').textContent()).toBe('Revoked');
  });

  it('offers a technician no approve, revoke or move, and a viewer no selection at all', async () => {
    await server.addUser('tom', 'technician');
    await server.addUser('vera', 'viewer');
    await signIn('tom', 'tom-password-123');
    await checkbox('pc-01').click();
    const bar = tab.page.getByRole('toolbar', { name: 'Actions on the selected devices' });
    expect(await bar.getByRole('button').allTextContents()).toEqual([
      'Run script',
      'Add tag',
      'Remove tag',
      'Clear selection',
    ]);
    await tab.context.close();
    await signIn('vera', 'vera-password-123');
    expect(await tab.page.getByRole('checkbox').count()).toBe(0);
  });
});
