// The schedules page in a real browser on a real server: a technician adds a schedule, sees the
// cron expression read back in words with its next five runs (which move with the time zone),
// gets the server's message for a bad expression next to the field with nothing created, and
// pauses, resumes and removes it; the real `helpline schedules list` sees what the browser did.
// A viewer gets no Schedules link and no buttons.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import type { ScriptRequest } from '../../protocol/api/scripts.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { signedInCli } from '../helpers/run-cli.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const TIDY: ScriptRequest = {
  name: 'tidy-temp',
  description: 'Empties the temp folder',
  interpreter: 'sh',
  platforms: ['linux'],
  body: 'echo tidy\n',
};

describe('schedules page', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let dir: string;
  const tokens: Record<string, string> = {};
  const { as } = signedInCli(() => ({ url: server.url, dir, tokens }));
  const schedules = () => server.client().call(API.schedules.list);

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-web-schedules-'));
    tokens.tom = await server.addUser('tom', 'technician');
    await server.addUser('vera', 'viewer');
    await server.client().call(API.scripts.add, { body: TIDY });
    browser = await launchBrowser();
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'tom', 'tom-password-123');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adds a schedule with its cron read back, refusing a bad expression first', async () => {
    const { page } = tab;
    await page.getByRole('navigation').getByRole('link', { name: 'Schedules' }).click();
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor();
    await page.getByText('No schedules yet').waitFor();

    await page.getByRole('button', { name: 'Add schedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add schedule' });
    await dialog.getByLabel('Name').fill('nightly-tidy');
    await dialog.getByLabel('Script').selectOption('tidy-temp');
    await dialog.getByLabel('Run on').selectOption('group');
    await dialog.getByLabel('Group').fill('office');
    await dialog.getByLabel('Cron expression').fill('30 3 * * 1-5');
    await dialog.getByLabel('Time zone').fill('Europe/Berlin');
    await expect.poll(() => dialog.locator('.cron-reading').textContent()).toContain('03:30');
    expect(await dialog.locator('.cron-reading').textContent()).toMatch(/Monday through Friday/);
    const runs = dialog.getByRole('list', { name: 'Next five runs (Europe/Berlin)' }).getByRole('listitem');
    await expect.poll(() => runs.count()).toBe(5);
    const berlin = await runs.allTextContents();
    for (const run of berlin) expect(run).toMatch(/03:30/);
    expect(berlin.some((run) => /Sat|Sun/.test(run))).toBe(false);

    // The same clock time in another zone is another instant, so the list shows other days or times
    // only through the zone; the wall-clock time stays 03:30 there.
    await dialog.getByLabel('Time zone').fill('Asia/Tokyo');
    const tokyo = dialog.getByRole('list', { name: 'Next five runs (Asia/Tokyo)' }).getByRole('listitem');
    await expect.poll(() => tokyo.count()).toBe(5);
    for (const run of await tokyo.allTextContents()) expect(run).toMatch(/03:30/);
    await dialog.getByLabel('Time zone').fill('Europe/Berlin');
    await screenshot(page, 'schedules-add');

    // A bad expression: the preview says why at once, and the server refuses it with its words.
    await dialog.getByLabel('Cron expression').fill('61 3 * * *');
    await dialog.locator('.cron-preview-problem').waitFor();
    await dialog.getByRole('button', { name: 'Add schedule' }).click();
    const cronError = dialog.locator('#schedule-cron-error');
    await expect.poll(() => cronError.textContent()).toMatch(/cron expression "61 3 \* \* \*"/);
    expect(await schedules()).toEqual([]);

    await dialog.getByLabel('Cron expression').fill('30 3 * * 1-5');
    await dialog.getByLabel('Spread (minutes)').fill('15');
    await dialog.getByRole('button', { name: 'Add schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('tr[data-schedule="nightly-tidy"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Group office');
    expect(await row.textContent()).toContain('spread over 15 min');
    expect(await row.getByText('Active', { exact: true }).isVisible()).toBe(true);

    const [saved] = await schedules();
    expect(saved).toMatchObject({
      name: 'nightly-tidy',
      script: 'tidy-temp',
      target: { kind: 'group', value: 'office' },
      cron: '30 3 * * 1-5',
      timeZone: 'Europe/Berlin',
      spreadMs: 15 * 60_000,
      paused: false,
      createdBy: 'tom',
    });
    const listed = await as('tom')('schedules', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('nightly-tidy');
    expect(listed.stdout).toContain('30 3 * * 1-5');
    await screenshot(page, 'schedules');
  });

  it('pauses, resumes and removes a schedule', async () => {
    const { page } = tab;
    const row = page.locator('tr[data-schedule="nightly-tidy"]');
    await row.getByRole('button', { name: 'Pause' }).click();
    await row.getByText('Paused', { exact: true }).waitFor();
    expect((await schedules())[0]?.paused).toBe(true);
    await row.getByRole('button', { name: 'Resume' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    expect((await schedules())[0]?.paused).toBe(false);

    await row.getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove schedule' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No schedules yet').waitFor();
    expect(await schedules()).toEqual([]);
    const listed = await as('tom')('schedules', 'list');
    expect(listed.stdout).not.toContain('nightly-tidy');
    expect(tab.errors).toEqual([]);
    expect(tab.dialogs).toEqual([]);
  });

  it('shows a viewer no Schedules link and no buttons', async () => {
    const viewer = await openTab(browser, server.url);
    try {
      await signInAs(viewer.page, 'vera', 'vera-password-123');
      expect(await viewer.page.getByRole('navigation').getByRole('link', { name: 'Schedules' }).count()).toBe(0);
      await viewer.page.goto('/schedules');
      await viewer.page.getByText('Schedules are for technicians and administrators.').waitFor();
      expect(await viewer.page.getByRole('button', { name: 'Add schedule' }).count()).toBe(0);
    } finally {
      await viewer.context.close();
    }
  });
});
