// Ticket attachments through the API: a byte-exact round trip, the size limit enforced while the
// upload streams in, file names that could reach the file system refused, and downloads that a
// browser can only ever save, never render.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '../../server/features/attachments/config.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

type Attachment = { id: string; ticketId: number; name: string; contentType: string; servedAs: string; size: number; sha256: string; uploadedBy: string };
type Refusal = { code: string; message: string };
type History = { history: Array<{ field: string; oldValue: string | null; newValue: string | null; actor: string }> };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ticket attachments', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    server = await startTestServer();
    tom = await server.addUser('tom', 'technician');
    vera = await server.addUser('vera', 'viewer');
  });
  afterAll(() => server.cleanup());

  const newTicket = async () => (await server.api<{ id: number }>('POST', '/api/tickets', { token: tom, body: { subject: 'Scanner prints garbage' } })).body.id;
  const upload = async <T = Attachment>(ticketId: number, name: string | null, body: RequestInit['body'], options: { token?: string; type?: string } = {}) => {
    const query = name === null ? '' : `?name=${encodeURIComponent(name)}`;
    const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? tom}` };
    if (options.type) headers['content-type'] = options.type;
    const response = await fetch(`${server.url}/api/tickets/${ticketId}/attachments${query}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    return { status: response.status, body: (await response.json()) as T };
  };
  const download = (id: string, token = vera) => fetch(`${server.url}/api/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });
  const list = (ticketId: number, token = vera) => server.api<Attachment[]>('GET', `/api/tickets/${ticketId}/attachments`, { token });
  /** Every file under the ticket's attachment folder, partial ones included. */
  const filesOf = (ticketId: number) => {
    const dir = join(server.dataDir, 'attachments', String(ticketId));
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  it('stores an upload byte for byte, lists it, and serves it back with the same sha256', async () => {
    const ticketId = await newTicket();
    const bytes = randomBytes(300_000);
    const name = 'Scan – März (1).pdf';
    const created = await upload(ticketId, name, bytes, { type: 'application/pdf' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ticketId, name, contentType: 'application/pdf', servedAs: 'application/pdf', size: bytes.length, sha256: sha256(bytes), uploadedBy: 'tom' });
    expect((await list(ticketId)).body).toEqual([created.body]);

    const response = await download(created.body.id);
    expect(response.status).toBe(200);
    const served = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.compare(served, bytes)).toBe(0);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    expect(response.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`);

    // On disk under the random id, never the uploader's name, readable by the server only.
    expect(filesOf(ticketId)).toEqual([created.body.id]);
    expect(statSync(join(server.dataDir, 'attachments', String(ticketId), created.body.id)).mode & 0o777).toBe(0o600);
    const history = (await server.api<History>('GET', `/api/tickets/${ticketId}`)).body.history;
    expect(history).toContainEqual({ field: 'attachment', oldValue: null, newValue: name, actor: 'tom', at: expect.any(String) });
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413, leaving nothing behind', async () => {
    const ticketId = await newTicket();
    const atLimit = await upload(ticketId, 'at-limit.bin', new Uint8Array(DEFAULT_ATTACHMENT_MAX_BYTES));
    expect(atLimit.status).toBe(201);
    const over = await upload<Refusal>(ticketId, 'over-limit.bin', new Uint8Array(DEFAULT_ATTACHMENT_MAX_BYTES + 1));
    expect(over.status).toBe(413);
    expect(over.body.code).toBe('payload_too_large');
    expect(over.body.message).toContain('10 MiB');
    expect(filesOf(ticketId)).toEqual([atLimit.body.id]);
    expect((await list(ticketId)).body.map((attachment) => attachment.name)).toEqual(['at-limit.bin']);
  });

  it('cuts off an upload of unannounced length as soon as it passes the limit', async () => {
    const ticketId = await newTicket();
    const chunk = new Uint8Array(256 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far past the limit, should the server keep reading; it must not.
        if (sent >= 8 * DEFAULT_ATTACHMENT_MAX_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const over = await upload<Refusal>(ticketId, 'stream.bin', endless, { type: 'application/octet-stream' });
    expect(over.status).toBe(413);
    expect(over.body.message).toContain('10 MiB');
    // The connection was closed, not drained: the client stopped well short of the whole stream.
    expect(sent).toBeLessThan(8 * DEFAULT_ATTACHMENT_MAX_BYTES);
    expect(filesOf(ticketId)).toEqual([]);
    expect((await list(ticketId)).body).toEqual([]);
  });

  it('serves HTML, SVG and scripts as application/octet-stream, nosniff, sandboxed, as a download', async () => {
    const ticketId = await newTicket();
    for (const [name, type] of [['page.html', 'text/html; charset=utf-8'], ['logo.svg', 'image/svg+xml'], ['run.js', 'application/javascript']] as const) {
      const created = await upload(ticketId, name, `<script>alert("${name}")</script>`, { type });
      expect(created.body).toMatchObject({ contentType: type.split(';')[0], servedAs: 'application/octet-stream' });
      const response = await download(created.body.id);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toMatch(/^sandbox/);
      expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${name}"; filename\\*=UTF-8''${name}$`));
      expect(await response.text()).toBe(`<script>alert("${name}")</script>`);
    }
  });

  it('stores a JSON file as bytes, past the 1 MiB limit on JSON request bodies', async () => {
    const ticketId = await newTicket();
    const json = JSON.stringify({ lines: Array.from({ length: 80_000 }, (_, i) => `log line ${i}`) });
    expect(json.length).toBeGreaterThan(1024 * 1024);
    const created = await upload(ticketId, 'events.json', json, { type: 'application/json' });
    expect(created.status).toBe(201);
    expect(await (await download(created.body.id)).text()).toBe(json);
  });

  it('refuses names with a folder in them, control or direction characters, or none at all', async () => {
    const ticketId = await newTicket();
    for (const [name, says] of [['../../etc/passwd', '"/"'], ['..\\boot.ini', '"/"'], ['..', 'not a file name'], ['a\nb.txt', 'control'], ['invoice\u202Efdp.exe', 'direction'], ['x'.repeat(201), 'at most 200']] as const) {
      const refused = await upload<Refusal>(ticketId, name, 'data');
      expect(refused.status, name).toBe(400);
      expect(refused.body.message).toContain(says);
    }
    expect((await upload<Refusal>(ticketId, null, 'data')).status).toBe(400);
    expect(filesOf(ticketId)).toEqual([]);
  });

  it('refuses an empty file and a multipart form with a clear error', async () => {
    const ticketId = await newTicket();
    const empty = await upload<Refusal>(ticketId, 'empty.txt', new Uint8Array(0));
    expect(empty).toMatchObject({ status: 400, body: { message: expect.stringContaining('empty') } });
    const form = new FormData();
    form.set('file', new Blob(['data']), 'data.txt');
    const multipart = await upload<Refusal>(ticketId, 'data.txt', form);
    expect(multipart).toMatchObject({ status: 400, body: { message: expect.stringContaining('multipart/form-data form') } });
    expect(filesOf(ticketId)).toEqual([]);
  });

  it('lets a viewer list and download but not upload or delete', async () => {
    const ticketId = await newTicket();
    const refused = await upload<Refusal>(ticketId, 'notes.txt', 'from a viewer', { token: vera, type: 'text/plain' });
    expect(refused).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(filesOf(ticketId)).toEqual([]);
    const created = await upload(ticketId, 'notes.txt', 'from tom', { type: 'text/plain' });
    expect((await list(ticketId, vera)).body).toHaveLength(1);
    expect(await (await download(created.body.id, vera)).text()).toBe('from tom');
    expect((await server.api('DELETE', `/api/attachments/${created.body.id}`, { token: vera })).status).toBe(403);
    expect((await fetch(`${server.url}/api/attachments/${created.body.id}`)).status).toBe(401);
  });

  it('answers 404 for an unknown ticket or attachment, and 409 on a closed ticket', async () => {
    expect((await upload<Refusal>(999_999, 'a.txt', 'data')).body).toMatchObject({ code: 'not_found', message: 'no ticket #999999' });
    expect((await list(999_999)).status).toBe(404);
    expect((await download('att_000000000000000000000000')).status).toBe(404);
    expect((await download('..%2F..%2Fhelpline.db')).status).toBe(400);
    const ticketId = await newTicket();
    await server.api('POST', `/api/tickets/${ticketId}/resolve`, { token: tom, body: { resolution: 'Cleaned the glass.' } });
    await server.api('POST', `/api/tickets/${ticketId}/close`, { token: tom });
    expect((await upload<Refusal>(ticketId, 'late.txt', 'data')).body).toMatchObject({ code: 'invalid_state' });
  });

  it('lets an admin delete an attachment, removing its file and recording it on the ticket', async () => {
    const ticketId = await newTicket();
    const created = await upload(ticketId, 'old.log', 'log', { type: 'text/plain' });
    const deleted = await server.api<Attachment>('DELETE', `/api/attachments/${created.body.id}`);
    expect(deleted).toMatchObject({ status: 200, body: { id: created.body.id } });
    expect(filesOf(ticketId)).toEqual([]);
    expect((await list(ticketId)).body).toEqual([]);
    expect((await download(created.body.id)).status).toBe(404);
    const history = (await server.api<History>('GET', `/api/tickets/${ticketId}`)).body.history;
    expect(history.filter((change) => change.field === 'attachment').map((change) => [change.oldValue, change.newValue])).toEqual([[null, 'old.log'], ['old.log', null]]);
  });
});
