// Knowledge base and tickets: linking articles to tickets, and turning a resolved ticket's
// resolution into an article (refused, with a reason, while the ticket is still open).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyOf } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import { startStaffedServer, type TestServer } from '../helpers/test-server.js';

const K = API.knowledge;
const T = API.tickets;

describe('knowledge base and tickets', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    ({ server, tom, vera } = await startStaffedServer());
  });
  afterAll(() => server.cleanup());

  const openTicket = (subject: string, description = '', category = 'general') =>
    server.client(tom).call(T.create, { body: { subject, description, category } });
  const write = (title: string) =>
    server.client(tom).call(K.create, { body: { title, body: `How to: ${title}`, category: 'general' } });
  const links = (ticketId: number) => server.client(vera).call(K.links, { params: { id: ticketId } });
  const link = (ticketId: number, articleId: number, token = tom) =>
    server.client(token).callWithStatus(K.link, { params: { id: ticketId }, body: { articleId } });
  const fromTicket = (ticketId: number, body?: BodyOf<typeof K.fromTicket>) =>
    server.client(tom).callWithStatus(K.fromTicket, { params: { id: ticketId }, body });
  const resolve = (ticketId: number, resolution: string) =>
    server.client(tom).call(T.resolve, { params: { id: ticketId }, body: { resolution } });

  it('links articles to a ticket once, in order, notes it on the ticket, and lets a viewer read the links', async () => {
    const ticket = await openTicket('Cannot print from Word');
    const first = await write('Clearing the print queue');
    const second = await write('Reinstalling the printer driver');
    const linked = await link(ticket.id, first.id);
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({
      ticketId: ticket.id,
      article: { id: first.id, title: 'Clearing the print queue' },
      linkedBy: 'tom',
    });
    const again = await link(ticket.id, first.id);
    expect(again.status).toBe(200);
    expect(again.body.at).toBe(linked.body.at);
    await link(ticket.id, second.id);
    expect((await links(ticket.id)).map((entry) => entry.article.id)).toEqual([first.id, second.id]);
    const detail = await server.client().call(T.show, { params: { id: ticket.id } });
    const events = detail.entries.filter((entry) => entry.kind === 'event');
    expect(events.map((entry) => entry.body)).toEqual([
      `Linked knowledge-base article #${first.id}: Clearing the print queue`,
      `Linked knowledge-base article #${second.id}: Reinstalling the printer driver`,
    ]);
  });

  it('refuses links to missing tickets or articles, and from viewers', async () => {
    const ticket = await openTicket('Scanner is slow');
    const article = await write('Scanner settings');
    await expect(link(ticket.id, 999_999)).rejects.toMatchObject({
      code: 'not_found',
      message: 'no knowledge-base article #999999',
    });
    await expect(link(999_999, article.id)).rejects.toMatchObject({ code: 'not_found', message: 'no ticket #999999' });
    await expect(link(ticket.id, article.id, vera)).rejects.toMatchObject({ status: 403 });
    const notANumber = await server.raw(K.link, { params: { id: ticket.id }, token: tom, body: { articleId: 'one' } });
    expect(notANumber.status).toBe(400);
    expect(await links(ticket.id)).toEqual([]);
  });

  it('drops the links of an article an admin deletes', async () => {
    const ticket = await openTicket('Teams camera is black');
    const article = await write('Camera privacy switch');
    await link(ticket.id, article.id);
    expect((await server.client().callWithStatus(K.remove, { params: { id: article.id } })).status).toBe(200);
    expect(await links(ticket.id)).toEqual([]);
  });

  it('refuses to write an article from a ticket that is not resolved, saying why', async () => {
    const ticket = await openTicket('Laptop fan is loud');
    await expect(fromTicket(ticket.id)).rejects.toMatchObject({
      status: 409,
      code: 'invalid_state',
      message: `ticket #${ticket.id} is new; only a resolved or closed ticket can become an article, so resolve it first`,
    });
    await server.client(tom).call(T.start, { params: { id: ticket.id } });
    await expect(fromTicket(ticket.id)).rejects.toMatchObject({ message: expect.stringContaining('is in progress;') });
    await expect(fromTicket(999_999)).rejects.toMatchObject({ status: 404 });
    expect(await links(ticket.id)).toEqual([]);
  });

  it('writes an article from a resolved ticket: subject, description and resolution, linked back to it, once', async () => {
    const ticket = await openTicket(
      'Outlook search finds nothing',
      'Search in Outlook returns no results since Monday.',
      'email',
    );
    await resolve(ticket.id, 'Rebuilt the Windows search index:\n\n1. Indexing Options\n2. Advanced → Rebuild');
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
    const hits = await server.client().call(K.search, { query: { q: 'rebuild index' } });
    expect(hits.map((hit) => hit.id)).toContain(created.body.id);
    await expect(fromTicket(ticket.id)).rejects.toMatchObject({
      status: 409,
      message: `ticket #${ticket.id} already became knowledge-base article #${created.body.id}; edit that one instead`,
    });
  });

  it('writes an article from a closed ticket, with the title and category given', async () => {
    const ticket = await openTicket('printer offline again');
    await resolve(ticket.id, 'Gave the printer a fixed IP address.');
    await server.client(tom).call(T.close, { params: { id: ticket.id } });
    const created = await fromTicket(ticket.id, { title: 'Printers need fixed IP addresses', category: 'printer' });
    expect(created.body).toMatchObject({
      title: 'Printers need fixed IP addresses',
      category: 'printer',
      body: '## Resolution\n\nGave the printer a fixed IP address.\n',
    });
    await expect(server.client(vera).call(K.fromTicket, { params: { id: ticket.id } })).rejects.toMatchObject({
      status: 403,
    });
  });
});
