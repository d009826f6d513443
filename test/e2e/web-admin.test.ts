// The administration pages in a real browser on a real server: a token made in the browser (its
// enroll command copied to the clipboard) enrolls a real agent, which waits until it is approved
// in the browser and then comes online; users are added, disabled, enabled and given a new
// password; a holiday saved in the help-desk settings is what GET answers; a webhook channel's
// "Send test" reaches a real HTTP receiver on 127.0.0.1; the audit log's chain verifies, and once
// an entry is altered behind the server the page says where it breaks. A technician gets no
// Admin link, and a polite page at the address.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { enrollCommand } from '../../protocol/enroll-command.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('administration pages', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let agent: TestAgent | undefined;
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ text: string; test: boolean }> = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string; test: boolean });
        response.writeHead(204).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    // A pending agent asks again after a second, so the approval shows without a long wait.
    server = await startTestServer({ pendingRetryAfterSec: 1 });
    await server.addUser('tom', 'technician');
    browser = await launchBrowser();
    tab = await openTab(browser, server.url);
    await tab.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await agent?.cleanup();
    await browser?.close();
    await server?.cleanup();
    receiver?.close();
  });

  it('makes a token whose copied command enrolls a real agent, approved in the browser', async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await page.getByText('No enrollment tokens yet').waitFor();
    await page.getByRole('button', { name: 'Make token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make token' });
    await dialog.getByLabel('Device group').fill('office');
    await dialog.getByLabel('Valid for').fill('2');
    await dialog.getByLabel('Unit').selectOption('hours');
    await dialog.getByLabel('How many PCs may use it').fill('2');
    expect(await dialog.getByLabel('PCs wait for an administrator’s approval').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Make token' }).click();

    const made = page.getByRole('dialog', { name: 'Enrollment token made' });
    const command = (await made.getByLabel('Enroll command').textContent())!;
    expect(command).toMatch(/^helpline-agent enroll --token hl1_[A-Za-z0-9_-]+$/);
    await made.getByRole('button', { name: 'Copy command' }).click();
    await made.getByText('Copied', { exact: true }).waitFor();
    // A string, not a function: the tests' TypeScript has no DOM types.
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toBe(command);
    const token = command.split(' ').at(-1)!;
    expect(enrollCommand(token)).toBe(command);
    await screenshot(page, 'admin-token-made');
    await made.getByRole('button', { name: 'Done' }).click();

    const [listed] = await server.client().call(API.enrollment.listTokens);
    expect(listed).toMatchObject({ group: 'office', approval: true, maxUses: 2, uses: 0, state: 'active' });
    const row = page.locator(`tr[data-token="${listed!.id}"]`);
    await expect.poll(() => row.textContent()).toContain('0 of 2');
    await screenshot(page, 'admin-tokens');

    // The real agent enrolls with the token from the browser and waits for approval.
    agent = await enrollTestAgent(server, { token, name: 'PC-RECEPTION' });
    await agent.waitFor('waiting');
    await page.getByRole('link', { name: 'Devices awaiting approval' }).click();
    const pending = page.locator('tr[data-device="PC-RECEPTION"]');
    await pending.waitFor();
    const device = await server.client().call(API.devices.show, { params: { id: agent.deviceId } });
    expect(device).toMatchObject({ status: 'pending', group: 'office' });
    expect(await pending.textContent()).toContain(device.fingerprint);
    await screenshot(page, 'admin-pending');
    await pending.getByRole('button', { name: 'Approve' }).click();
    await pending.waitFor({ state: 'detached' });
    await page.getByText('No devices are waiting for approval').waitFor();
    await agent.waitFor('online', 15_000);
    expect(await server.client().call(API.devices.show, { params: { id: agent.deviceId } })).toMatchObject({
      status: 'active',
      online: true,
    });
    await page.getByRole('link', { name: 'Enrollment' }).click();
    await expect.poll(() => row.textContent()).toContain('1 of 2');
  });

  it('adds a user with a generated password, disables, enables and resets it', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Users' }).click();
    await page.locator('tr[data-user="tom"]').waitFor();
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    // The server's refusal of a bad name shows next to the name.
    await dialog.getByLabel('User name').fill('bad name');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => dialog.locator('#user-name-error').textContent()).toMatch(/name/);
    await dialog.getByLabel('User name').fill('bob');
    await dialog.getByLabel('Role').selectOption('technician');
    await dialog.getByLabel('Support line').selectOption('2');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const shown = page.getByRole('dialog', { name: 'Password for bob' });
    const password = (await shown.getByLabel('Password').textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await shown.getByRole('button', { name: 'Done' }).click();
    const login = (secret: string) =>
      server.client(null).call(API.auth.login, { body: { user: 'bob', password: secret } });
    expect((await login(password)).user).toMatchObject({ name: 'bob', role: 'technician', line: 2 });

    const bob = page.locator('tr[data-user="bob"]');
    expect(await bob.textContent()).toContain('Technician, line 2');
    await bob.getByRole('button', { name: 'Disable' }).click();
    await bob.getByText('Disabled', { exact: true }).waitFor();
    await expect(login(password)).rejects.toMatchObject({ status: 401 });
    await bob.getByRole('button', { name: 'Enable' }).click();
    await bob.getByText('Active', { exact: true }).waitFor();

    await bob.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('dialog', { name: 'Reset password' }).getByRole('button', { name: 'Reset password' }).click();
    const reset = page.getByRole('dialog', { name: 'Password for bob' });
    const fresh = (await reset.getByLabel('Password').textContent())!.trim();
    expect(fresh).not.toBe(password);
    await reset.getByRole('button', { name: 'Done' }).click();
    await expect(login(password)).rejects.toMatchObject({ status: 401 });
    expect((await login(fresh)).user.name).toBe('bob');
    expect(await page.locator('tr[data-user="admin"]').getByRole('button', { name: 'Disable' }).count()).toBe(0);
    await screenshot(page, 'admin-users');
  });

  it('saves business hours, a holiday and an SLA target, and shows the server’s refusal by the day', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Help desk' }).click();
    await page.getByLabel('Time zone').waitFor();
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    // A Monday interval that ends before it starts: the server's words next to Monday.
    await page.getByLabel('Monday closes (1)').fill('07:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.locator('#hours-mon-error').textContent())
      .toMatch(/workingHours\/mon\/0 starts at 08:00/);
    await screenshot(page, 'admin-settings-refused');
    await page.getByLabel('Monday closes (1)').fill('17:00');
    await page.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await page.getByLabel('Saturday opens (1)').fill('10:00');
    await page.getByLabel('Saturday closes (1)').fill('14:00');
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByLabel('Holiday 1', { exact: true }).fill('2026-12-31');
    await page.getByLabel('First response, priority 1', { exact: true }).fill('30');
    await page.getByLabel('Unit of First response, priority 1').selectOption('minutes');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();

    const settings = await server.client().call(API.settings.helpDesk);
    expect(settings.slaPolicy.calendar).toMatchObject({
      timeZone: 'Europe/Berlin',
      holidays: ['2026-12-31'],
    });
    expect(settings.slaPolicy.calendar.workingHours.sat).toEqual([{ start: '10:00', end: '14:00' }]);
    expect(settings.slaPolicy.calendar.workingHours.mon).toEqual([{ start: '08:00', end: '17:00' }]);
    expect(settings.slaPolicy.targets['1']).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240 });
    // The parts the form does not show went back as they were.
    expect(settings.autoCloseResolvedAfterDays).toBe(7);
    expect(settings.escalationRules).toHaveLength(1);
    await page.getByRole('heading', { name: 'Help desk', level: 2 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-settings');
    await page.getByRole('button', { name: 'Save settings' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-settings-targets');
  });

  it("sends a webhook channel's test message to a real receiver", async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByText('No notification channels yet').waitFor();
    await page.getByRole('button', { name: 'Add channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add channel' });
    await dialog.getByLabel('Channel').selectOption('webhook');
    await dialog.getByLabel('Webhook URL').fill('ftp://nowhere');
    await dialog.getByRole('button', { name: 'Add channel' }).click();
    await dialog.locator('#subscription-target-error').waitFor();
    await dialog.getByLabel('Webhook URL').fill(receiverUrl);
    await dialog.getByLabel('SLA warning').check();
    await dialog.getByRole('button', { name: 'Add channel' }).click();
    await dialog.waitFor({ state: 'detached' });

    const [subscription] = await server.client().call(API.notifications.listSubscriptions);
    expect(subscription).toMatchObject({ channel: 'webhook', target: receiverUrl, user: null });
    expect(subscription!.kinds).toEqual(['ticket.created', 'sla.warning', 'sla.breach']);
    const row = page.locator(`tr[data-subscription="${subscription!.id}"]`);
    await row.getByRole('button', { name: 'Send test' }).click();
    await row.getByText(`Test message sent to ${receiverUrl}.`).waitFor();
    expect(received).toEqual([expect.objectContaining({ test: true, text: expect.stringContaining('sent by admin') })]);
    await row.getByRole('button', { name: 'Pause' }).click();
    await row.getByText('Paused', { exact: true }).waitFor();
    await screenshot(page, 'admin-notifications');
  });

  it('filters the audit log and verifies its chain', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('columnheader', { name: 'Action' }).waitFor();
    await page.getByLabel('Action starts with').fill('user.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBeGreaterThan(0);
    for (const action of await page.locator('.audit-table tbody td:nth-child(4)').allTextContents())
      expect(action).toMatch(/^user\./);
    await page.getByLabel('Actor (among the entries shown)').fill('nobody-at-all');
    await page.getByText('No audit entries match').waitFor();
    await page.getByLabel('Actor (among the entries shown)').fill('');
    await page.getByLabel('Action starts with').fill('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator('.audit-table td', { hasText: 'settings.changed' }).first().waitFor();

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const verdict = await server.client().call(API.audit.verify);
    expect(verdict.ok).toBe(true);
    await page.getByText(/^Audit log intact: \d+ entries, hash chain verified\.$/).waitFor();
    await screenshot(page, 'admin-audit');
    expect(tab.errors).toEqual([]);
    expect(tab.dialogs).toEqual([]);
  });

  // After the checks above: it breaks this server's audit chain on purpose.
  it('says where the chain breaks once an entry was altered behind the server', async () => {
    const db = new Database(join(server.dataDir, 'helpline.db'));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
    db.close();
    const { page } = tab;
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page
      .getByText('Audit log BROKEN at entry 3: entries from there on may have been altered.', { exact: true })
      .waitFor();
  });

  it('gives a technician no Admin link, and a polite page at the address', async () => {
    const tech = await openTab(browser, server.url);
    try {
      await signInAs(tech.page, 'tom', 'tom-password-123');
      const nav = tech.page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Checks' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
      await tech.page.goto('/admin/users');
      await tech.page.getByText('These pages are for administrators').waitFor();
      expect(await tech.page.getByRole('button', { name: 'Add user' }).count()).toBe(0);
      expect(await tech.page.getByRole('navigation', { name: 'Administration sections' }).count()).toBe(0);
    } finally {
      await tech.context.close();
    }
  });
});
