// Knowledge-base articles through the API: written by staff, read by everyone, searched with FTS5
// (ranked, with plain-text snippets, never tripped by query syntax), stored and served verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

type Article = { id: number; title: string; body: string; category: string; createdBy: string; updatedBy: string | null; sourceTicketId: number | null };
type Hit = { id: number; title: string; category: string; snippet: string };
type Refusal = { code: string; message: string };

describe('knowledge base', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    server = await startTestServer();
    tom = await server.addUser('tom', 'technician');
    vera = await server.addUser('vera', 'viewer');
  });
  afterAll(() => server.cleanup());

  const write = async (title: string, body: string, category = 'general') => {
    const response = await server.api<Article>('POST', '/api/kb', { token: tom, body: { title, body, category } });
    expect(response.status).toBe(201);
    return response.body;
  };
  const search = async (query: Record<string, string>, token = vera) => {
    const response = await server.api<Hit[]>('GET', `/api/kb?${new URLSearchParams(query).toString()}`, { token });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('adds an article, finds it by a word of its body with a plain-text snippet, and shows it to a viewer as written', async () => {
    const body = '# Toner\n\nOpen the **front panel** and pull the [cartridge](https://example.test/toner) out.\n\n- shake it\n- put it back\n';
    const article = await write('Replacing printer toner', body, 'printer');
    expect(article).toMatchObject({ title: 'Replacing printer toner', body, category: 'printer', createdBy: 'tom', updatedBy: null, sourceTicketId: null });

    const hits = await search({ q: 'cartridge' });
    expect(hits.map((hit) => hit.id)).toEqual([article.id]);
    expect(hits[0]!.snippet).toBe('Toner Open the front panel and pull the cartridge out. shake it put it back');
    expect((await server.api<Article>('GET', `/api/kb/${article.id}`, { token: vera })).body).toMatchObject({ id: article.id, body });
    expect((await search({ q: 'cartridge', category: 'network' }))).toEqual([]);
    expect((await search({})).map((hit) => hit.id)).toContain(article.id);
  });

  it('ranks an article whose title matches above one that only mentions the word in its body', async () => {
    const mention = await write('Outlook keeps asking for the password', 'Check that the laptop is not on the guest wifi first; reconnect it to the office network, then restart Outlook.');
    const titled = await write('Guest wifi: getting the code', 'Reception hands out the weekly code. It changes every Monday.');
    const hits = await search({ q: 'wifi' });
    expect(hits.map((hit) => hit.id).slice(0, 2)).toEqual([titled.id, mention.id]);
  });

  it('stores and returns a body with <script> exactly as typed, as JSON text', async () => {
    const body = '<script>alert("kb")</script>\n<img src=x onerror=alert(1)>\n\n`rm -rf /` is never the answer';
    const article = await write('Script-looking article', body);
    const shown = await server.api<Article>('GET', `/api/kb/${article.id}`);
    expect(shown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(shown.body.body).toBe(body);
    expect((await search({ q: 'alert script' })).find((hit) => hit.id === article.id)?.snippet).toContain('<script>alert("kb")</script>');
  });

  it('treats FTS5 syntax in queries as plain words and never fails', async () => {
    const article = await write('VPN drops every hour', 'Renew the VPN certificate.', 'network/vpn');
    for (const q of ['a OR', 'vpn OR', '"', '"vpn', 'vpn"', '*', 'vpn*', 'NEAR(', 'NEAR(vpn hour', 'title:vpn', '-vpn', '^vpn', 'AND', '(()', "'", 'vpn AND NOT hour', '{title}: x']) {
      const response = await server.api<Hit[]>('GET', `/api/kb?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      expect(Array.isArray(response.body), q).toBe(true);
    }
    expect((await search({ q: 'vpn*' })).map((hit) => hit.id)).toContain(article.id);
    expect((await search({ q: '"vpn" (hour)' })).map((hit) => hit.id)).toEqual([article.id]);
    expect(await search({ q: '!!! ... "*" ()' })).toEqual([]);
  });

  it('refuses titles and bodies out of bounds with messages that say what is wrong, and stores nothing', async () => {
    const before = (await search({ limit: '100' })).length;
    const post = (body: object) => server.api<Refusal>('POST', '/api/kb', { token: tom, body: { title: 't', body: 'b', category: 'general', ...body } });
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
    expect((await search({ limit: '100' })).length).toBe(before);
    expect((await post({ body: 'x'.repeat(100 * 1024) })).status).toBe(201);
  });

  it('lets staff replace an article, re-indexing it, and only admins delete one', async () => {
    const article = await write('Docking station flickers', 'Swap the USB-C cable.', 'hardware');
    const put = await server.api<Article>('PUT', `/api/kb/${article.id}`, { token: tom, body: { title: 'Dock monitor flickers', body: 'Update the dock firmware.', category: 'hardware' } });
    expect(put.body).toMatchObject({ title: 'Dock monitor flickers', body: 'Update the dock firmware.', createdBy: 'tom', updatedBy: 'tom' });
    expect(await search({ q: 'cable' })).not.toContainEqual(expect.objectContaining({ id: article.id }));
    expect((await search({ q: 'firmware' })).map((hit) => hit.id)).toEqual([article.id]);
    expect((await server.api('PUT', `/api/kb/${article.id}`, { token: vera, body: { title: 'x', body: 'y', category: 'hardware' } })).status).toBe(403);
    expect((await server.api<Refusal>('DELETE', `/api/kb/${article.id}`, { token: tom })).status).toBe(403);
    expect((await server.api('DELETE', `/api/kb/${article.id}`)).body).toEqual({ ok: true });
    expect((await server.api<Refusal>('GET', `/api/kb/${article.id}`)).body).toEqual({ code: 'not_found', message: `no knowledge-base article #${article.id}` });
    expect(await search({ q: 'firmware' })).toEqual([]);
  });

  it('does not let a viewer add an article', async () => {
    const refused = await server.api<Refusal>('POST', '/api/kb', { token: vera, body: { title: 'Viewer tip', body: 'Hello', category: 'general' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect(await search({ q: 'Viewer tip' })).toEqual([]);
  });
});
