// The remote shell in a real browser: chromium types into xterm.js on the shell page, through the
// server's relay, into a real node-pty shell of a real agent; the output comes back into the
// terminal's DOM text. Ctrl-C reaches the PC, the size follows the window, closing the tab ends the
// session on the server, and its recording plays back in the browser with pause and speed.
// Viewers are offered no shell, and what the relay refuses is shown in the server's words.
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { runCli } from '../helpers/run-cli.js';
import { createToken, enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startStaffedServer, type TestServer } from '../helpers/test-server.js';

/** What the terminal shows: xterm's DOM renderer keeps its rows as text. */
const screenText = (page: Page, which = '.terminal-host') =>
  page
    .locator(`${which} .xterm-rows`)
    .textContent()
    .then((text) => text ?? '');

const statusOf = (page: Page) => page.locator('.terminal-status').getAttribute('data-state');

/** Whether a process with exactly this command line runs on this machine. */
const running = (command: string) => {
  try {
    execFileSync('pgrep', ['-x', '-f', command]);
    return true;
  } catch {
    return false;
  }
};

/** Types a command into the focused terminal and presses Enter. */
async function run(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

describe('remote shell in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let agent: TestAgent;
  let guarded: TestAgent;
  let pending: TestAgent;
  /** The session the first test runs; the playback test plays its recording. */
  let sessionId = '';

  beforeAll(async () => {
    ({ server } = await startStaffedServer());
    agent = await enrollTestAgent(server, { name: 'lab-pc' });
    // A PC whose group asks the employee first.
    guarded = await enrollTestAgent(server, {
      name: 'front-desk-pc',
      token: await createToken(server, { group: 'front-desk' }),
    });
    pending = await enrollTestAgent(server, { name: 'waiting-pc', approval: true });
    await Promise.all([agent.waitFor('online'), guarded.waitFor('online'), pending.waitFor('waiting')]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const each of [agent, guarded, pending]) await each?.cleanup();
    await server?.cleanup();
  });
  afterEach(async () => {
    expect(tab.errors).toEqual([]);
    expect(tab.dialogs).toEqual([]);
    await tab.context.close();
  });

  const recordingsOf = (deviceId: string) => server.client().call(API.recordings.list, { query: { deviceId } });

  it('runs commands typed into xterm.js on the PC, sends Ctrl-C, follows the window, and ends when the tab closes', async () => {
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`/devices/${agent.deviceId}`);
    await page.getByRole('button', { name: 'Open shell', exact: true }).click();
    await page.getByRole('heading', { name: 'Shell on lab-pc', level: 1 }).waitFor();
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('open');
    expect(await page.getByRole('status').filter({ hasText: 'Connected' }).textContent()).toMatch(/recorded/);
    expect(await page.title()).toBe('Shell on lab-pc · Helpline');
    // Keys go to xterm's input, which has the terminal's name.
    await page.getByRole('textbox', { name: 'Remote terminal', exact: true }).waitFor();
    expect(await page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null")).toBe(
      'Remote terminal',
    );

    await run(page, 'echo hello-$((6*7))');
    await expect.poll(() => screenText(page), { timeout: 10_000 }).toContain('hello-42');
    await screenshot(page, 'shell-terminal');

    // Copy and paste: a double-click selects the word, Ctrl+Shift+C copies it, Ctrl+V pastes it back.
    await tab.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // xterm's screen layer takes the mouse over its rows, so the double-click goes where the word is.
    const word = (await page.locator('.xterm-rows > div', { hasText: /^hello-42\s*$/ }).boundingBox())!;
    await page.mouse.dblclick(word.x + 20, word.y + word.height / 2);
    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => page.evaluate<string>('navigator.clipboard.readText()')).toBe('hello-42');
    await page.keyboard.type('echo pasted-');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Enter');
    // Once as typed, once as echoed: the pasted text reached the PC.
    const pasted = async () => (await screenText(page)).split('pasted-hello-42').length - 1;
    await expect.poll(pasted, { timeout: 10_000 }).toBe(2);

    // Ctrl-C interrupts a long sleep on the PC: the shell reports 130 (killed by SIGINT) at once.
    // Ctrl-C is pressed once the sleep runs on this machine (the agent's PC), not while bash starts it.
    await run(page, 'sleep 37');
    await expect.poll(() => running('sleep 37'), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Control+C');
    await expect.poll(() => running('sleep 37'), { timeout: 10_000 }).toBe(false);
    await run(page, 'echo status-$?');
    await expect.poll(() => screenText(page), { timeout: 10_000 }).toContain('status-130');

    // The terminal follows the window: the pty's size changes with it.
    const sizes = async () => [...(await screenText(page)).matchAll(/size-(\d+)x(\d+)/g)].map((m) => `${m[1]}x${m[2]}`);
    await run(page, "echo size-$(stty size | tr ' ' x)");
    await expect.poll(async () => (await sizes()).length).toBe(1);
    await page.setViewportSize({ width: 1000, height: 640 });
    await run(page, "echo size-$(stty size | tr ' ' x)");
    await expect.poll(async () => (await sizes()).length).toBe(2);
    const [before, after] = await sizes();
    expect(after).not.toBe(before);
    const [rowsBefore, colsBefore] = before!.split('x').map(Number);
    const [rowsAfter, colsAfter] = after!.split('x').map(Number);
    expect(rowsAfter).toBeLessThan(rowsBefore!);
    expect(colsAfter).toBeLessThan(colsBefore!);

    // Something for the playback to show after a pause.
    await run(page, 'sleep 2; echo later-$((5*5))');
    await expect.poll(() => screenText(page), { timeout: 10_000 }).toContain('later-25');

    const [session] = await recordingsOf(agent.deviceId);
    expect(session).toMatchObject({ technician: 'admin', endedAt: null });
    sessionId = session!.id;
    // Closing the tab closes the socket, and the server ends the session on the PC.
    await page.close();
    await expect
      .poll(async () => (await server.client().call(API.recordings.show, { params: { id: sessionId } })).endedAt, {
        timeout: 10_000,
      })
      .not.toBeNull();
    expect((await server.client().call(API.recordings.show, { params: { id: sessionId } })).reason).toBe(
      'closed by the technician',
    );
  });

  it("lists the session's recording on the device page and plays it back, with pause and speed", async () => {
    expect(sessionId).not.toBe('');
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'admin', ADMIN_PASSWORD);
    // The device's recordings are on its Activity tab, with its tickets and jobs.
    await page.goto(`/devices/${agent.deviceId}/activity`);
    const recordings = page.getByRole('region', { name: 'Shell recordings' });
    const row = recordings.locator('tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('closed by the technician');
    await screenshot(page, 'device-shell-recordings');
    await row.getByRole('link', { name: 'Play recording' }).click();
    await page.getByRole('heading', { name: 'Recording of a shell on lab-pc', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/recordings/${sessionId}`);

    const controls = page.getByRole('group', { name: 'Playback' });
    const play = controls.getByRole('button', { name: 'Play', exact: true });
    await play.waitFor();
    // It waits for the technician: nothing is shown before Play.
    expect(await screenText(page)).not.toContain('hello-42');
    await play.click();
    await expect.poll(() => screenText(page), { timeout: 10_000 }).toContain('hello-42');
    await controls.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => controls.getByRole('status').textContent()).toBe('Paused');
    const progress = controls.getByRole('progressbar', { name: 'Playback progress' });
    const pausedAt = await progress.evaluate((el: { value: number }) => el.value);
    expect(pausedAt).toBeGreaterThan(0);
    await screenshot(page, 'shell-playback-paused');
    // Paused stays paused: after a round trip to the server, nothing more was played.
    await server.client().call(API.recordings.show, { params: { id: sessionId } });
    expect(await progress.evaluate((el: { value: number }) => el.value)).toBe(pausedAt);
    expect(await screenText(page)).not.toContain('later-25');

    // On at four times the speed, to the end: the same output as the live session.
    await controls.getByRole('button', { name: '4×', exact: true }).click();
    expect(await controls.getByRole('button', { name: '4×', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await play.click();
    await expect.poll(() => controls.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Finished');
    // xterm draws on the next animation frame, so the last lines may show just after "Finished".
    await expect.poll(() => screenText(page)).toContain('later-25');
    const shown = await screenText(page);
    for (const text of ['hello-42', 'status-130', 'size-']) expect(shown).toContain(text);
    await screenshot(page, 'shell-playback');
    // The cast download is audited.
    const audit = await server.client().call(API.audit.list, { query: { action: 'recording.viewed' } });
    expect(audit.find((entry) => entry.target === sessionId)).toMatchObject({ actor: 'admin' });
  });

  it('offers no shell to a viewer, and a shell opened anyway is refused in the server’s words', async () => {
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'vera', 'vera-password-123');
    await page.goto(`/devices/${agent.deviceId}`);
    await page.getByRole('heading', { name: 'lab-pc', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Open shell' }).count()).toBe(0);
    // Nor the recordings (staff only).
    await page.goto(`/devices/${agent.deviceId}/activity`);
    await page.getByRole('tab', { name: 'Tickets and jobs', selected: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Shell recordings' }).count()).toBe(0);
    // The address typed by hand: the relay refuses, and the page says what it said.
    await page.goto(`/devices/${agent.deviceId}/shell`);
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('refused');
    expect(await page.getByRole('alert').textContent()).toBe(
      'The shell was refused: viewers cannot open remote shells',
    );
    await page.getByRole('button', { name: 'Open again', exact: true }).waitFor();
  });

  it('opens a shell for a ticket, shows its exit code, and the ticket gets a note', async () => {
    const ticket = await server.client().call(API.tickets.create, {
      body: { subject: 'Printer queue stuck', deviceId: agent.deviceId },
    });
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'tom', 'tom-password-123');
    await page.goto(`/devices/${agent.deviceId}`);
    const field = page.getByRole('textbox', { name: 'Ticket (optional)' });
    // Not a ticket number: said so, and nothing opens.
    await field.fill('printer');
    await page.getByRole('button', { name: 'Open shell', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      'A ticket number is a whole number such as 12; leave it empty for none.',
    );
    expect(new URL(page.url()).pathname).toBe(`/devices/${agent.deviceId}`);
    await field.fill(String(ticket.id));
    await field.press('Enter');
    await page.getByText(`For ticket #${ticket.id}`, { exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe(`?ticket=${ticket.id}`);
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('open');
    await run(page, 'exit 3');
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('ended');
    expect(await page.locator('.terminal-status').textContent()).toBe(
      'The session ended with exit code 3.Watch the recording',
    );
    const [session] = await recordingsOf(agent.deviceId);
    expect(session).toMatchObject({ technician: 'tom', ticketId: ticket.id, exitCode: 3 });
    await expect
      .poll(async () => {
        const { entries } = await server.client().call(API.tickets.show, { params: { id: ticket.id } });
        return entries.some((entry) => entry.body.includes(session!.id));
      })
      .toBe(true);
    await page.getByRole('link', { name: 'Watch the recording' }).click();
    await page.getByRole('heading', { name: 'Recording of a shell on lab-pc', level: 1 }).waitFor();
  });

  it('says why the shell cannot be opened on a PC that is not active', async () => {
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'tom', 'tom-password-123');
    await page.goto(`/devices/${pending.deviceId}`);
    const button = page.getByRole('button', { name: 'Open shell', exact: true });
    await button.waitFor();
    expect(await button.isDisabled()).toBe(true);
    const why = await button.getAttribute('aria-describedby');
    expect(await page.locator(`#${why}`).textContent()).toBe(
      'A shell can be opened only on an active PC; this one is: Pending approval.',
    );
  });

  it('waits for the employee under the consent policy, and shows the refusal', async () => {
    const params = { group: 'front-desk' };
    const { policy } = await server.client().call(API.shellPolicies.show, { params });
    await server.client().call(API.shellPolicies.set, { params, body: { ...policy, notice: 'consent' } });
    tab = await openTab(browser, server.url);
    const { page } = tab;
    await signInAs(page, 'tom', 'tom-password-123');
    await page.goto(`/devices/${guarded.deviceId}`);
    await page.getByRole('button', { name: 'Open shell', exact: true }).click();
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('waiting');
    expect(await page.locator('.terminal-status').textContent()).toMatch(
      /^Waiting for the employee to accept the connection…The PC says: .*helpline-agent consent accept sh_/,
    );
    await screenshot(page, 'shell-waiting-for-consent');
    const [waiting] = await recordingsOf(guarded.deviceId);
    // The employee's side, until the tray app exists: the real helpline-agent command.
    const denied = await runCli('helpline-agent', ['consent', 'deny', waiting!.id, '--state', guarded.stateDir]);
    expect(denied.code).toBe(0);
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('ended');
    expect(await page.locator('.terminal-status').textContent()).toMatch(/did not accept/);
  });
});
