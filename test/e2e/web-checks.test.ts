// The checks page in a real browser with a real online agent: an admin opens the agent's group,
// edits its checks in the browser, sees the schema's and the policy rules' messages on the card
// they are about with nothing saved, then saves a disk check that the real agent gets at once
// and raises as a fault ticket. A technician reads the checks without edit buttons; a viewer gets
// no Checks link at all.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { createToken, enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const GROUP = 'fault-lab';

describe('checks page', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let agent: TestAgent;
  const policy = () => server.client().call(API.checkPolicies.show, { params: { group: GROUP } });
  const faultTickets = async () =>
    (await server.client().call(API.tickets.list, { query: { deviceId: agent.deviceId } })).filter(
      (ticket) => ticket.source === 'fault',
    );

  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('tom', 'technician');
    await server.addUser('vera', 'viewer');
    agent = await enrollTestAgent(server, {
      name: 'lab-pc',
      token: await createToken(server, { group: GROUP }),
      config: { healthIntervalMs: 200 },
    });
    await agent.waitFor('online');
    browser = await launchBrowser();
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await agent?.cleanup();
    await server?.cleanup();
  });

  it('refuses bad values with the server’s words on the right card and saves nothing', async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Checks' }).click();
    await page.getByRole('navigation', { name: 'Device groups' }).getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { name: `Checks of group ${GROUP}`, level: 1 }).waitFor();
    await page.getByText('Default policy', { exact: true }).waitFor();
    expect(await page.locator('tr[data-check]').count()).toBe(6);
    await screenshot(page, 'checks');

    await page.getByRole('button', { name: 'Edit checks' }).click();
    const disk = page.locator('[data-check-card="0"]');
    await disk.getByLabel('Threshold (%)').fill('150');
    await page.getByRole('button', { name: 'Save checks' }).click();
    await expect.poll(() => disk.getByRole('alert').textContent()).toMatch(/thresholdPct/);
    expect(await disk.getByRole('alert').textContent()).toMatch(/100/);

    await disk.getByLabel('Threshold (%)').fill('0');
    await page.getByRole('button', { name: 'Save checks' }).click();
    await expect
      .poll(() => disk.getByRole('alert').textContent())
      .toContain('check "disk": recoverBelowPct (85) must not be above thresholdPct (0)');
    await disk.scrollIntoViewIfNeeded();
    await screenshot(page, 'checks-edit');
    expect((await policy()).custom).toBe(false);
  });

  it('saves a check that the online agent gets at once and raises as a fault ticket', { timeout: 60_000 }, async () => {
    const { page } = tab;
    const disk = page.locator('[data-check-card="0"]');
    await disk.getByLabel('Recovers below (%)').fill('0');
    // Only this check: the others would add tickets of their own.
    for (let card = 5; card >= 1; card--) await page.locator(`[data-check-card="${card}"]`).getByRole('button').click();
    await page.getByRole('button', { name: 'Save checks' }).click();
    await page.getByText(`Saved. Online PCs of group ${GROUP} got the new checks at once.`).waitFor();
    await page.getByText('Own policy', { exact: true }).first().waitFor();
    expect((await policy()).policy.checks).toEqual([
      expect.objectContaining({ id: 'disk', thresholdPct: 0, recoverBelowPct: 0 }),
    ]);
    await eventually(async () => (await faultTickets()).length > 0, 30_000, 'a fault ticket from the new disk check');

    await page.getByRole('button', { name: 'Return to default' }).click();
    await page
      .getByRole('dialog', { name: 'Return to default' })
      .getByRole('button', { name: 'Return to default' })
      .click();
    await page.getByText(`Group ${GROUP} runs the default policy again; online PCs got it at once.`).waitFor();
    expect((await policy()).custom).toBe(false);
    expect(await page.locator('tr[data-check]').count()).toBe(6);
    expect(tab.errors).toEqual([]);
  });

  it('shows a technician the checks without edit buttons, and a viewer no Checks at all', async () => {
    const technician = await openTab(browser, server.url);
    const viewer = await openTab(browser, server.url);
    try {
      await signInAs(technician.page, 'tom', 'tom-password-123');
      await technician.page.goto(`/checks/${GROUP}`);
      await technician.page.locator('tr[data-check="disk"]').waitFor();
      expect(await technician.page.getByRole('button', { name: 'Edit checks' }).count()).toBe(0);
      expect(await technician.page.getByRole('button', { name: 'Return to default' }).count()).toBe(0);

      await signInAs(viewer.page, 'vera', 'vera-password-123');
      expect(await viewer.page.getByRole('link', { name: 'Checks' }).count()).toBe(0);
      await viewer.page.goto('/checks');
      await viewer.page.getByText('Checks are for technicians and administrators.').waitFor();
    } finally {
      await technician.context.close();
      await viewer.context.close();
    }
  });
});
