// Knowledge-base articles through the API: written by staff, read by everyone, searched with FTS5
// (ranked, with plain-text snippets, never tripped by query syntax), stored and served verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryOf } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import { startStaffedServer, type TestServer } from '../helpers/test-server.js';

const K = API.knowledge;

describe('knowledge base', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    ({ server, tom, vera } = await startStaffedServer());
  });
  afterAll(() => server.cleanup());

  const write = async (title: string, body: string, category = 'general') => {
    const response = await server.client(tom).callWithStatus(K.create, { body: { title, body, category } });
    expect(response.status).toBe(201);
    return response.body;
  };
  const search = (query: QueryOf<typeof K.search>, token = vera) => server.client(token).call(K.search, { query });

  it('adds an article, finds it by a word of its body with a plain-text snippet, and shows it to a viewer as written', async () => {
    const body =
      '# Toner\n\nOpen the **front panel** and pull the [cartridge](https://example.test/toner) out.\n\n- shake it\n- put it back\n';
    const article = await write('Replacing printer toner', body, 'printer');
    expect(article).toMatchObject({
      title: 'Replacing printer toner',
      body,
      category: 'printer',
      createdBy: 'tom',
      updatedBy: null,
      sourceTicketId: null,
    });

    const hits = await search({ q: 'cartridge' });
    expect(hits.map((hit) => hit.id)).toEqual([article.id]);
    expect(hits[0]!.snippet).toBe('Toner Open the front panel and pull the cartridge out. shake it put it back');
    expect(await server.client(vera).call(K.show, { params: { id: article.id } })).toMatchObject({
      id: article.id,
      body,
    });
    expect(await search({ q: 'cartridge', category: 'network' })).toEqual([]);
    expect((await search({})).map((hit) => hit.id)).toContain(article.id);
  });

  it('ranks an article whose title matches above one that only mentions the word in its body', async () => {
    const mention = await write(
      'Outlook keeps asking for the password',
      'Check that the laptop is not on the guest wifi first; reconnect it to the office network, then restart Outlook.',
    );
    const titled = await write(
      'Guest wifi: getting the code',
      'Reception hands out the weekly code. It changes every Monday.',
    );
    const hits = await search({ q: 'wifi' });
    expect(hits.map((hit) => hit.id).slice(0, 2)).toEqual([titled.id, mention.id]);
  });

  it("suggests articles sharing any word of a ticket's subject when asked for any word", async () => {
    const toner = await write('Printer toner is low', 'Order toner from the supplies cupboard list.');
    const subject = 'Printer on floor 2 jams every morning';
    expect((await search({ q: subject })).map((hit) => hit.id)).not.toContain(toner.id);
    expect((await search({ q: subject, anyWord: true })).map((hit) => hit.id)).toContain(toner.id);
  });

  it('stores and returns a body with <script> exactly as typed, as JSON text', async () => {
    const body = '<script>alert("kb")</script>\n<img src=x onerror=alert(1)>\n\n`rm -rf /` is never the answer';
    const article = await write('Script-looking article', body);
    // Raw, to see the content type the article travels with.
    const shown = await server.raw<{ body: string }>(K.show, { params: { id: article.id } });
    expect(shown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(shown.body.body).toBe(body);
    expect((await search({ q: 'alert script' })).find((hit) => hit.id === article.id)?.snippet).toContain(
      '<script>alert("kb")</script>',
    );
  });

  it('treats FTS5 syntax in queries as plain words and never fails', async () => {
    const article = await write('VPN drops every hour', 'Renew the VPN certificate.', 'network/vpn');
    const syntax = [
      'a OR',
      'vpn OR',
      '"',
      '"vpn',
      'vpn"',
      '*',
      'vpn*',
      'NEAR(',
      'NEAR(vpn hour',
      'title:vpn',
      '-vpn',
      '^vpn',
    ];
    for (const q of [...syntax, 'AND', '(()', "'", 'vpn AND NOT hour', '{title}: x']) {
      const response = await server.client().callWithStatus(K.search, { query: { q } });
      expect(response.status, q).toBe(200);
      expect(Array.isArray(response.body), q).toBe(true);
    }
    expect((await search({ q: 'vpn*' })).map((hit) => hit.id)).toContain(article.id);
    expect((await search({ q: '"vpn" (hour)' })).map((hit) => hit.id)).toEqual([article.id]);
    expect(await search({ q: '!!! ... "*" ()' })).toEqual([]);
  });

  it('refuses titles and bodies out of bounds with messages that say what is wrong, and stores nothing', async () => {
    const before = (await search({ limit: 100 })).length;
    // Raw: some of these break the schema, which the typed client would not send.
    const post = (body: object) =>
      server.raw<{ message: string }>(K.create, {
        token: tom,
        body: { title: 't', body: 'b', category: 'general', ...body },
      });
    const longTitle = await post({ title: 'x'.repeat(201) });
    expect(longTitle.status).toBe(400);
    expect(longTitle.body.message).toContain('200');
    expect((await post({ title: 'bell\u0007' })).status).toBe(400);
    expect((await post({ title: '   ' })).body.message).toBe('title is empty; give the article a one-line title');
    const big = await post({ body: 'é'.repeat(60_000) });
    expect(big.status).toBe(413);
    expect(big.body.message).toBe('body is 117.2 KB; an article body may be at most 100 KB (102400 bytes of UTF-8)');
    expect((await post({ category: 'Not A Category!' })).status).toBe(400);
    const unknown = await post({ html: '<b>' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('unknown field "html"');
    expect((await search({ limit: 100 })).length).toBe(before);
    expect((await post({ body: 'x'.repeat(100 * 1024) })).status).toBe(201);
  });

  it('lets staff replace an article, re-indexing it, and only admins delete one', async () => {
    const article = await write('Docking station flickers', 'Swap the USB-C cable.', 'hardware');
    const params = { id: article.id };
    const replacement = { title: 'Dock monitor flickers', body: 'Update the dock firmware.', category: 'hardware' };
    const put = await server.client(tom).call(K.update, { params, body: replacement });
    expect(put).toMatchObject({ ...replacement, createdBy: 'tom', updatedBy: 'tom' });
    expect(await search({ q: 'cable' })).not.toContainEqual(expect.objectContaining({ id: article.id }));
    expect((await search({ q: 'firmware' })).map((hit) => hit.id)).toEqual([article.id]);
    const viewerPut = server
      .client(vera)
      .call(K.update, { params, body: { title: 'x', body: 'y', category: 'hardware' } });
    await expect(viewerPut).rejects.toMatchObject({ status: 403 });
    await expect(server.client(tom).call(K.remove, { params })).rejects.toMatchObject({ status: 403 });
    expect(await server.client().call(K.remove, { params })).toEqual({ ok: true });
    await expect(server.client().call(K.show, { params })).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: `no knowledge-base article #${article.id}`,
    });
    expect(await search({ q: 'firmware' })).toEqual([]);
  });

  it('does not let a viewer add an article', async () => {
    const refused = server
      .client(vera)
      .call(K.create, { body: { title: 'Viewer tip', body: 'Hello', category: 'general' } });
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(await search({ q: 'Viewer tip' })).toEqual([]);
  });
});
