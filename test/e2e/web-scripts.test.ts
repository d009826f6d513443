// The scripts and jobs pages in a real browser with a real online agent: a technician reads a
// script (its text, parameters and versions), is told what the run form lacks before anything is
// sent and gets the server's refusal next to the field it is about, then runs the script on the
// agent's PC with an argument, watches the run finish, and reads the job's output with the
// argument echoed as text. The jobs list's filters find the job; a viewer has no Scripts at all.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import type { ScriptRequest } from '../../protocol/api/scripts.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const GREET_V1: ScriptRequest = {
  name: 'greet',
  description: 'Greets someone on the PC',
  changes: 'Nothing: it only prints',
  interpreter: 'sh',
  platforms: ['linux'],
  body: 'printf "%s, %s!\\n" "$HELPLINE_PARAM_GREETING" "$HELPLINE_PARAM_WHO"\n',
  params: [
    { name: 'who', type: 'string', default: null, description: 'who to greet' },
    { name: 'greeting', type: 'string', default: 'Hello', description: 'the word to greet with' },
  ],
};
const GREET: ScriptRequest = {
  ...GREET_V1,
  body: [
    'i=0',
    'while [ "$i" -lt "$HELPLINE_PARAM_TIMES" ]; do',
    '  printf "%s, %s!\\n" "$HELPLINE_PARAM_GREETING" "$HELPLINE_PARAM_WHO"',
    '  i=$((i + 1))',
    'done',
    'sleep 2',
    'echo "greeted $i times" >&2',
    '',
  ].join('\n'),
  params: [...GREET_V1.params!, { name: 'times', type: 'integer', default: '1', description: 'how many times' }],
};
const SAY_NAME = [
  '#!/bin/sh',
  '# helpline-script: say-name',
  '# description: Prints the PC’s name.',
  '# changes: Nothing: it only prints.',
  '# interpreter: sh',
  '# platforms: linux',
  '# timeout: 1m',
  '# elevation: none',
  '# param: prefix string default=Name Text before the name.',
  'printf "%s %s\\n" "$HELPLINE_PARAM_PREFIX" "$(hostname)"',
  '',
].join('\n');
// Markup and a command substitution in the argument: both must come back as plain text.
const WHO = 'Ada <b>Lovelace</b> $(id)';

describe('scripts and jobs pages', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let agent: TestAgent;
  const jobs = () => server.client().call(API.jobs.list, {});

  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('tom', 'technician');
    await server.addUser('vera', 'viewer');
    await server.client().call(API.scripts.add, { body: GREET_V1 });
    await server.client().call(API.scripts.add, { body: GREET });
    agent = await enrollTestAgent(server, { name: 'lab-pc' });
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

  it('shows the library and a script’s text, parameters and versions', async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scripts' }).click();
    await page.getByRole('heading', { name: 'Scripts', level: 1 }).waitFor();
    const row = page.locator('tr[data-script="greet"]');
    expect(await row.locator('td').allInnerTexts()).toEqual([
      'greet',
      'Greets someone on the PC',
      'linux',
      'sh',
      '2',
      '3',
    ]);

    // Adding scripts is for administrators.
    expect(await page.getByRole('button', { name: 'Add script' }).count()).toBe(0);

    await row.getByRole('link', { name: 'greet' }).click();
    await page.getByRole('heading', { name: 'greet', level: 1 }).waitFor();
    const body = page.getByLabel('Text of greet');
    await expect.poll(() => body.textContent()).toContain('HELPLINE_PARAM_TIMES');
    expect(await page.locator('tr[data-param="who"]').textContent()).toContain('Required');
    expect(await page.locator('tr[data-param="times"]').textContent()).toContain('1');
    await screenshot(page, 'script');

    await page.getByRole('button', { name: 'Show version 1' }).click();
    await expect.poll(() => body.textContent()).not.toContain('HELPLINE_PARAM_TIMES');
    expect(await page.locator('tr[data-param="times"]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('version')).toBe('1');
    await page.getByRole('button', { name: 'Show version 2' }).click();
    await expect.poll(() => body.textContent()).toContain('HELPLINE_PARAM_TIMES');
  });

  it('says what the run form lacks, and shows the server’s refusal by its field, running nothing', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Run greet' });
    await dialog.getByRole('button', { name: 'Run now' }).click();
    await dialog.getByText('Choose at least one device.').waitFor();
    await dialog.getByText('This parameter has no default; enter a value.').waitFor();

    await dialog.getByLabel('Run on').selectOption('group');
    await dialog.getByLabel('Group', { exact: true }).fill('nowhere');
    await dialog.getByLabel('who (required)').fill(WHO);
    await dialog.getByLabel('times').fill('twice');
    await dialog.getByRole('button', { name: 'Run now' }).click();
    await dialog.getByText('This must be a whole number.').waitFor();

    await dialog.getByLabel('times').fill('2');
    await dialog.getByRole('button', { name: 'Run now' }).click();
    await expect
      .poll(() => dialog.locator('#run-group-error').textContent())
      .toContain('group nowhere has no active device that runs greet');
    expect(await jobs()).toEqual([]);
  });

  it('a script run on a device shows its output', { timeout: 60_000 }, async () => {
    const { page } = tab;
    const dialog = page.getByRole('dialog', { name: 'Run greet' });
    await dialog.getByLabel('Run on').selectOption('devices');
    await dialog.getByLabel('Devices', { exact: true }).fill('lab');
    await dialog.getByRole('checkbox', { name: /lab-pc/ }).check();
    await dialog.getByText('1 device chosen').waitFor();
    await screenshot(page, 'scripts-run-dialog');
    await dialog.getByRole('button', { name: 'Run now' }).click();

    await page.getByRole('heading', { name: 'Run', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('run')).toMatch(/^run_/);
    const row = page.locator('tr[data-device="lab-pc"]');
    const status = () => row.locator('[data-status]').getAttribute('data-status');
    // The script sleeps for 2 s: the view follows it from running to done as the live stream tells.
    await expect.poll(status, { timeout: 20_000 }).toBe('running');
    await page.getByText('0 of 1 job finished').waitFor();
    await screenshot(page, 'scripts-running');
    await expect.poll(status, { timeout: 30_000 }).toBe('succeeded');
    await page.getByText('Finished · 1 succeeded, 0 did not').waitFor();
    expect(await row.locator('td').nth(3).textContent()).toBe('0');
    expect(await row.locator('td').nth(4).textContent()).toMatch(/^2(\.\d)? sec$/);
    await screenshot(page, 'scripts-run');

    await row.getByRole('link', { name: 'Output' }).click();
    await page.getByRole('heading', { name: 'greet on lab-pc', level: 1 }).waitFor();
    const output = (stream: string) => page.locator(`section[aria-labelledby="job-${stream}-heading"] pre`);
    expect(await output('stdout').textContent()).toBe(`Hello, ${WHO}!\nHello, ${WHO}!\n`);
    expect(await page.locator('pre b').count()).toBe(0);
    expect(await output('stderr').textContent()).toBe('greeted 2 times\n');
    const facts = page.locator('#job-facts-heading').locator('xpath=..');
    expect(await facts.textContent()).toContain('Run bytom');
    expect(await facts.textContent()).toContain('Exit code0');
    expect(await page.locator('#job-args-heading').locator('xpath=..').textContent()).toContain(`who${WHO}`);
    await screenshot(page, 'job-output');
    expect(tab.errors).toEqual([]);
  });

  it('finds the job with the jobs list’s filters', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Its run' }).click();
    await page.getByRole('button', { name: 'All jobs' }).click();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    const filters = page.getByRole('search', { name: 'Filter jobs' });
    const rows = page.locator('tr[data-job]');
    await filters.getByLabel('Script').selectOption('greet');
    await filters.getByLabel('Device').selectOption(agent.deviceId);
    await filters.getByLabel('Status').selectOption('succeeded');
    await expect.poll(() => rows.count()).toBe(1);
    expect(new URL(page.url()).search).toBe(`?status=succeeded&script=greet&device=${agent.deviceId}`);
    await filters.getByLabel('Status').selectOption('failed');
    await page.getByText('No jobs match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(tab.errors).toEqual([]);
  });

  it('lets an administrator add a script from its text, its header read back first', async () => {
    const admin = await openTab(browser, server.url);
    try {
      const { page } = admin;
      await signInAs(page, 'admin', ADMIN_PASSWORD);
      await page.goto('/scripts');
      await page.getByRole('button', { name: 'Add script' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add script' });
      const text = dialog.getByLabel('Script text');
      await text.fill(SAY_NAME.replace('platforms: linux', 'platforms: linux, beos'));
      await dialog.getByText('The header is wrong: line 6: unknown platform "beos"').waitFor();
      await text.fill(SAY_NAME);
      await dialog.getByText('say-name: sh on linux').waitFor();
      await dialog.getByText('Parameters: prefix').waitFor();
      await screenshot(page, 'scripts-add');
      await dialog.getByRole('button', { name: 'Add script' }).click();
      await page.getByRole('heading', { name: 'say-name', level: 1 }).waitFor();
      expect(await page.locator('tr[data-param="prefix"]').textContent()).toContain('Name');
      const added = await server.client().call(API.scripts.show, { params: { name: 'say-name' } });
      expect(added).toMatchObject({ version: 1, createdBy: 'admin', body: SAY_NAME, timeoutMs: 60_000 });
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }
  });

  it('gives a viewer no Scripts link and no scripts', async () => {
    const viewer = await openTab(browser, server.url);
    try {
      await signInAs(viewer.page, 'vera', 'vera-password-123');
      expect(
        await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scripts' }).count(),
      ).toBe(0);
      for (const path of ['/scripts', '/scripts/greet', '/jobs']) {
        await viewer.page.goto(path);
        await viewer.page.getByText('Scripts and jobs are for technicians and administrators.').waitFor();
        expect(await viewer.page.getByRole('button', { name: 'Run' }).count()).toBe(0);
      }
    } finally {
      await viewer.context.close();
    }
  });
});
