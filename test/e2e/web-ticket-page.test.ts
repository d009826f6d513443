// One ticket worked through in a real browser, as a help desk does it, on a real server with a
// real agent: the employee asks from the agent's CLI, a line-1 technician takes it, replies
// (the employee sees it in the tray's list) and adds an internal note (the employee does not),
// attaches a file and links a suggested article, runs a script on the PC for the ticket, and
// escalates it to line 2; a line-2 technician resolves it in another browser; the employee
// rates it from the agent's CLI and the rating shows on the open page. A viewer reads the same
// ticket with no buttons.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { runCli } from '../helpers/run-cli.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SUBJECT = 'Printer on floor 2 jams';

describe('ticket page', () => {
  let server: TestServer;
  let agent: TestAgent;
  let browser: Browser;
  let tom: ConsoleTab;
  let ticketId = 0;
  const agentCli = (...args: string[]) => runCli('helpline-agent', [...args, '--state', agent.stateDir]);
  const detail = () => server.client().call(API.tickets.show, { params: { id: ticketId } });

  beforeAll(async () => {
    server = await startTestServer({ attachmentMaxBytes: 64 * 1024 });
    await server.addUser('tom', 'technician');
    await server.client().call(API.users.add, {
      body: { name: 'lena', role: 'technician', line: 2, password: 'lena-password-123' },
    });
    await server.addUser('vera', 'viewer');
    await server.client().call(API.knowledge.create, {
      body: {
        title: 'Printer jams: clearing the paper path',
        body: 'Open tray 2 and pull the sheet out.',
        category: 'printing',
      },
    });
    await server.client().call(API.scripts.add, {
      body: {
        name: 'print-queue',
        interpreter: 'sh',
        platforms: ['linux'],
        body: 'echo queue cleared\n',
        description: '',
      },
    });
    agent = await enrollTestAgent(server, { name: 'reception-pc' });
    await agent.waitFor('online');
    expect((await agentCli('help', SUBJECT, '--details', 'It jams on every page.')).code).toBe(0);
    await eventually(
      async () => {
        const [ticket] = await server.client().call(API.tickets.list, { query: { deviceId: agent.deviceId } });
        ticketId = ticket?.id ?? 0;
        return ticketId > 0;
      },
      20_000,
      "the employee's ticket",
    );
    browser = await launchBrowser();
    tom = await openTab(browser, server.url);
    await signInAs(tom.page, 'tom', 'tom-password-123');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await agent?.cleanup();
    await server?.cleanup();
  });

  it('takes the ticket, replies to the employee and adds a note only colleagues see', async () => {
    const { page } = tom;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(SUBJECT) }).waitFor();
    expect(await page.getByRole('link', { name: 'reception-pc' }).getAttribute('href')).toBe(
      `/devices/${agent.deviceId}`,
    );

    await page.getByRole('button', { name: 'Take it' }).click();
    await page.locator('.fact', { hasText: 'Assignee' }).getByText('tom').waitFor();

    const box = page.getByLabel('Write to the requester, or a note for colleagues');
    await box.fill('Please open tray 2 and take the stuck sheet out.');
    await page.getByRole('button', { name: 'Send public reply' }).click();
    await page.locator('[data-entry="reply"]', { hasText: 'open tray 2' }).waitFor();
    await box.fill('Toner looked fine on Monday.');
    await page.getByRole('button', { name: 'Add internal note' }).click();
    const note = page.locator('[data-entry="note"]', { hasText: 'Toner looked fine' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Internal note');

    // The tray's list carries the public reply and never the note.
    await eventually(
      async () => (await agentCli('tickets')).stdout.includes('open tray 2'),
      20_000,
      'the reply on the PC',
    );
    expect((await agentCli('tickets')).stdout).not.toContain('Toner looked fine');
  });

  it('attaches a file with the size limit said first, and links a suggested article', async () => {
    const { page } = tom;
    await page.getByText(/^Up to 64\s?kB per file\.$/).waitFor();
    const chooser = page.locator('input[type="file"]');
    await chooser.setInputFiles({ name: 'too-big.log', mimeType: 'text/plain', buffer: Buffer.alloc(80 * 1024, 65) });
    await page.getByText(/^too-big\.log is larger than the limit of 64\s?kB\.$/).waitFor();
    await chooser.setInputFiles({
      name: 'printer-status.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('jam at tray 2\n'),
    });
    const link = page.getByRole('link', { name: 'printer-status.txt' });
    await link.waitFor();
    const download = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).toString());
    expect(await download.text()).toBe('jam at tray 2\n');
    expect(
      (await server.client().call(API.attachments.list, { params: { id: ticketId } })).map((file) => file.name),
    ).toEqual(['printer-status.txt']);

    await page.getByRole('button', { name: 'Link “Printer jams: clearing the paper path” to this ticket' }).click();
    await eventually(
      async () => (await server.client().call(API.knowledge.links, { params: { id: ticketId } })).length === 1,
      10_000,
      'the article linked',
    );
    await page
      .locator('#ticket-kb-heading + .kb-panel')
      .getByRole('link', { name: /clearing the paper path/ })
      .waitFor();
  });

  it("runs a script on the ticket's PC for the ticket, which notes its outcome and stays open", async () => {
    const { page } = tom;
    await page.getByRole('button', { name: 'Run a script…' }).click();
    await page.getByRole('dialog', { name: 'Run a script…' }).getByRole('button', { name: 'Next' }).click();
    const run = page.getByRole('dialog', { name: 'Run print-queue' });
    await run.getByRole('checkbox', { name: /reception-pc/ }).waitFor();
    expect(await run.getByRole('checkbox', { name: /reception-pc/ }).isChecked()).toBe(true);
    await run.getByRole('button', { name: 'Run now' }).click();
    await page.waitForURL(/\/jobs\?run=/);
    await eventually(
      async () => {
        const [job] = await server.client().call(API.jobs.list, { query: { ticketId } });
        return job?.status === 'succeeded';
      },
      30_000,
      'the job for the ticket',
    );
    // A technician's run is noted on the ticket; only a remediation resolves one by itself.
    await page.goBack();
    await page.locator('.work-panel').getByRole('link', { name: 'print-queue' }).waitFor();
    await page.getByText('Script print-queue run by tom on reception-pc succeeded.').waitFor();
    expect((await detail()).ticket.status).toBe('assigned');
  });

  it('escalates to line 2, where another technician resolves it and the rating shows live', async () => {
    const { page } = tom;
    await page.getByRole('button', { name: 'Escalate…' }).click();
    const dialog = page.getByRole('dialog', { name: `Escalate ticket #${ticketId} to line 2` });
    await dialog.getByLabel('Why, and what was tried').fill('Tray 2 keeps jamming after clearing; needs the feeder.');
    await dialog.getByLabel('Give it to').selectOption('lena');
    await dialog.getByRole('button', { name: 'Escalate to line 2' }).click();
    await page.locator('.ticket-badges').getByText('Line 2').waitFor();
    expect((await detail()).ticket).toMatchObject({ line: 2, assignee: 'lena' });

    const lena = await openTab(browser, server.url);
    await signInAs(lena.page, 'lena', 'lena-password-123');
    await lena.page.goto(`${server.url}/tickets/${ticketId}`);
    await lena.page.getByRole('button', { name: 'Resolve…' }).click();
    const resolve = lena.page.getByRole('dialog', { name: `Resolve ticket #${ticketId}` });
    await resolve.getByLabel('Resolution').fill('Replaced the feeder roller of tray 2.');
    await resolve.getByRole('button', { name: 'Resolve', exact: true }).click();
    await lena.page.locator('.ticket-badges').getByText('Resolved').waitFor();
    await lena.context.close();

    // Tom's page follows without a reload, then the employee's rating arrives the same way.
    await page.locator('.ticket-badges').getByText('Resolved').waitFor();
    expect((await agentCli('rate', String(ticketId), '5', '--comment', 'Works again, thank you')).code).toBe(0);
    await page.locator('[data-rating="5"]').waitFor({ timeout: 20_000 });
    await page.locator('.rating-comment', { hasText: 'Works again, thank you' }).waitFor();
    await screenshot(page, 'ticket-page');
  });

  it('shows a viewer the whole ticket with no buttons and no reply box', async () => {
    const vera = await openTab(browser, server.url);
    await signInAs(vera.page, 'vera', 'vera-password-123');
    await vera.page.goto(`${server.url}/tickets/${ticketId}`);
    await vera.page.locator('[data-entry="reply"]').first().waitFor();
    expect(await vera.page.getByRole('group', { name: 'Ticket actions' }).count()).toBe(0);
    expect(await vera.page.getByLabel('Write to the requester, or a note for colleagues').count()).toBe(0);
    expect(await vera.page.getByRole('button', { name: /Attach|Link|Run a script|Create article/ }).count()).toBe(0);
    await vera.context.close();
  });
});
