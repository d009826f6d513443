// Live updates in a real browser: the fleet page follows real agents going offline and coming
// online, and a newly enrolled PC appears, all without a reload; the header says the tab is live.
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, type Agent } from '../../agent/build-agent.js';
import { agentConfig } from '../../agent/config.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { enrollTestAgent, realSources, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('live updates in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  const agents: TestAgent[] = [];
  const restarted: Agent[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    agents.push(await enrollTestAgent(server, { name: 'front-desk' }));
    await agents[0]!.waitFor('online');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const agent of restarted) await agent.stop();
    for (const agent of agents) await agent.cleanup();
    await server.cleanup();
  });
  afterEach(async () => {
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });

  const onlineCell = (name: string) =>
    tab.page.locator('tbody tr:not(.spacer)').filter({ hasText: name }).locator('.cell-online');

  it('shows a PC going offline and back online, and a new PC, without a reload', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    await expect.poll(() => onlineCell('front-desk').textContent()).toBe('Online');
    await tab.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    // A marker on the page's window: a reload would lose it.
    await tab.page.evaluate('window.notReloaded = true');

    await agents[0]!.agent.stop();
    await expect.poll(() => onlineCell('front-desk').textContent(), { timeout: 10_000 }).toBe('Offline');
    await screenshot(tab.page, 'fleet-live-offline');

    // The PC comes back: its agent starts again on the same identity.
    const again = buildAgent(agentConfig({ stateDir: agents[0]!.stateDir, reconnectBaseMs: 50, reconnectCapMs: 500 }), {
      logger: pino({ level: 'silent' }),
      sources: realSources(),
    });
    restarted.push(again);
    again.start();
    await expect.poll(() => onlineCell('front-desk').textContent(), { timeout: 10_000 }).toBe('Online');

    agents.push(await enrollTestAgent(server, { name: 'meeting-room' }));
    await expect.poll(() => onlineCell('meeting-room').textContent(), { timeout: 10_000 }).toBe('Online');
    expect(await tab.page.getByRole('status').filter({ hasText: 'devices' }).textContent()).toBe('2 devices');
    expect(await tab.page.evaluate<boolean>('window.notReloaded === true')).toBe(true);
    await screenshot(tab.page, 'fleet-live');
  });

  it('says when the stream is down and comes back by itself after a server restart', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    const indicator = tab.page.locator('.live-indicator');
    await expect.poll(() => indicator.textContent()).toBe('Live');
    await server.stop();
    await expect.poll(() => indicator.textContent(), { timeout: 10_000 }).toBe('Reconnecting…');
    await server.restart();
    await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toBe('Live');
    // After the restart the table is read again: the agents reconnected and show online.
    await expect.poll(() => onlineCell('front-desk').textContent(), { timeout: 20_000 }).toBe('Online');
  });
});
