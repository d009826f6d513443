// Knowledge base and tickets: linking articles to tickets, and turning a resolved ticket's
// resolution into an article (refused, with a reason, while the ticket is still open).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

type Article = { id: number; title: string; body: string; category: string; createdBy: string; sourceTicketId: number | null };
type Link = { ticketId: number; article: { id: number; title: string; category: string }; linkedBy: string; at: string };
type Ticket = { id: number; status: string };
type Detail = { entries: Array<{ kind: string; author: string; body: string }> };
type Refusal = { code: string; message: string };

describe('knowledge base and tickets', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    server = await startTestServer();
    tom = await server.addUser('tom', 'technician');
    vera = await server.addUser('vera', 'viewer');
  });
  afterAll(() => server.cleanup());

  const openTicket = async (subject: string, description = '', category = 'general') =>
    (await server.api<Ticket>('POST', '/api/tickets', { token: tom, body: { subject, description, category } })).body;
  const write = async (title: string) => (await server.api<Article>('POST', '/api/kb', { token: tom, body: { title, body: `How to: ${title}`, category: 'general' } })).body;
  const links = async (ticketId: number) => (await server.api<Link[]>('GET', `/api/tickets/${ticketId}/kb-links`, { token: vera })).body;
  const link = (ticketId: number, articleId: number, token = tom) => server.api<Link & Refusal>('POST', `/api/tickets/${ticketId}/kb-links`, { token, body: { articleId } });
  const fromTicket = (ticketId: number, body?: object) => server.api<Article & Refusal>('POST', `/api/tickets/${ticketId}/kb-article`, { token: tom, body });

  it('links articles to a ticket once, in order, notes it on the ticket, and lets a viewer read the links', async () => {
    const ticket = await openTicket('Cannot print from Word');
    const first = await write('Clearing the print queue');
    const second = await write('Reinstalling the printer driver');
    const linked = await link(ticket.id, first.id);
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ ticketId: ticket.id, article: { id: first.id, title: 'Clearing the print queue' }, linkedBy: 'tom' });
    const again = await link(ticket.id, first.id);
    expect(again.status).toBe(200);
    expect(again.body.at).toBe(linked.body.at);
    await link(ticket.id, second.id);
    expect((await links(ticket.id)).map((entry) => entry.article.id)).toEqual([first.id, second.id]);
    const events = (await server.api<Detail>('GET', `/api/tickets/${ticket.id}`)).body.entries.filter((entry) => entry.kind === 'event');
    expect(events.map((entry) => entry.body)).toEqual([`Linked knowledge-base article #${first.id}: Clearing the print queue`, `Linked knowledge-base article #${second.id}: Reinstalling the printer driver`]);
  });

  it('refuses links to missing tickets or articles, and from viewers', async () => {
    const ticket = await openTicket('Scanner is slow');
    const article = await write('Scanner settings');
    expect((await link(ticket.id, 999_999)).body).toEqual({ code: 'not_found', message: 'no knowledge-base article #999999' });
    expect((await link(999_999, article.id)).body).toEqual({ code: 'not_found', message: 'no ticket #999999' });
    expect((await link(ticket.id, article.id, vera)).status).toBe(403);
    expect((await server.api('POST', `/api/tickets/${ticket.id}/kb-links`, { token: tom, body: { articleId: 'one' } })).status).toBe(400);
    expect(await links(ticket.id)).toEqual([]);
  });

  it('drops the links of an article an admin deletes', async () => {
    const ticket = await openTicket('Teams camera is black');
    const article = await write('Camera privacy switch');
    await link(ticket.id, article.id);
    expect((await server.api('DELETE', `/api/kb/${article.id}`)).status).toBe(200);
    expect(await links(ticket.id)).toEqual([]);
  });

  it('refuses to write an article from a ticket that is not resolved, saying why', async () => {
    const ticket = await openTicket('Laptop fan is loud');
    const refused = await fromTicket(ticket.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ code: 'invalid_state', message: `ticket #${ticket.id} is new; only a resolved or closed ticket can become an article, so resolve it first` });
    await server.api('POST', `/api/tickets/${ticket.id}/start`, { token: tom });
    expect((await fromTicket(ticket.id)).body.message).toContain('is in progress;');
    expect((await fromTicket(999_999)).status).toBe(404);
    expect(await links(ticket.id)).toEqual([]);
  });

  it('writes an article from a resolved ticket: subject, description and resolution, linked back to it, once', async () => {
    const ticket = await openTicket('Outlook search finds nothing', 'Search in Outlook returns no results since Monday.', 'email');
    await server.api('POST', `/api/tickets/${ticket.id}/resolve`, { token: tom, body: { resolution: 'Rebuilt the Windows search index:\n\n1. Indexing Options\n2. Advanced → Rebuild' } });
    const created = await fromTicket(ticket.id);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Outlook search finds nothing',
      body: 'Search in Outlook returns no results since Monday.\n\n## Resolution\n\nRebuilt the Windows search index:\n\n1. Indexing Options\n2. Advanced → Rebuild\n',
      category: 'email',
      createdBy: 'tom',
      sourceTicketId: ticket.id,
    });
    expect((await links(ticket.id)).map((entry) => entry.article.id)).toEqual([created.body.id]);
    const hits = (await server.api<Array<{ id: number }>>('GET', '/api/kb?q=rebuild%20index')).body;
    expect(hits.map((hit) => hit.id)).toContain(created.body.id);
    const twice = await fromTicket(ticket.id);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe(`ticket #${ticket.id} already became knowledge-base article #${created.body.id}; edit that one instead`);
  });

  it('writes an article from a closed ticket, with the title and category given', async () => {
    const ticket = await openTicket('printer offline again');
    await server.api('POST', `/api/tickets/${ticket.id}/resolve`, { token: tom, body: { resolution: 'Gave the printer a fixed IP address.' } });
    await server.api('POST', `/api/tickets/${ticket.id}/close`, { token: tom });
    const created = await fromTicket(ticket.id, { title: 'Printers need fixed IP addresses', category: 'printer' });
    expect(created.body).toMatchObject({ title: 'Printers need fixed IP addresses', category: 'printer', body: '## Resolution\n\nGave the printer a fixed IP address.\n' });
    expect((await server.api('POST', `/api/tickets/${ticket.id}/kb-article`, { token: vera })).status).toBe(403);
  });
});
