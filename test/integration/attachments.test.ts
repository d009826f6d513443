// Ticket attachments through the API: a byte-exact round trip, the size limit enforced while the
// upload streams in, file names that could reach the file system refused, and downloads that a
// browser can only ever save, never render.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '../../server/features/attachments/config.js';
import { routePath, type RawBody } from '../../protocol/api/route.js';
import { startStaffedServer, type TestServer } from '../helpers/test-server.js';

const A = API.attachments;
const T = API.tickets;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ticket attachments', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    ({ server, tom, vera } = await startStaffedServer());
  });
  afterAll(() => server.cleanup());

  const newTicket = async () =>
    (await server.client(tom).call(T.create, { body: { subject: 'Scanner prints garbage' } })).id;
  /** The file's bytes as the body, its name in ?name=; without a type, the client's application/octet-stream. */
  const upload = (ticketId: number, name: string, body: RawBody, options: { token?: string; type?: string } = {}) =>
    server.client(options.token ?? tom).callWithStatus(A.upload, {
      params: { id: ticketId },
      query: { name },
      body,
      contentType: options.type,
    });
  /** An upload the typed client would not send (no name, a form), straight to the route's URL. */
  const rawUpload = async (ticketId: number, query: object, body: RequestInit['body']) => {
    const url = server.url + routePath(A.upload, { id: ticketId }, query);
    const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${tom}` }, body });
    return { status: response.status, body: (await response.json()) as { message: string } };
  };
  const download = (id: string, token: string | null = vera) =>
    server.client(token).call(A.download, { params: { id } });
  const list = (ticketId: number, token = vera) => server.client(token).call(A.list, { params: { id: ticketId } });
  const history = async (ticketId: number) =>
    (await server.client().call(T.show, { params: { id: ticketId } })).history;
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
    expect(created.body).toMatchObject({
      ticketId,
      name,
      contentType: 'application/pdf',
      servedAs: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      uploadedBy: 'tom',
    });
    expect(await list(ticketId)).toEqual([created.body]);

    const response = await download(created.body.id);
    expect(response.status).toBe(200);
    const served = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.compare(served, bytes)).toBe(0);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const encodedName = encodeURIComponent(name).replace(
      /[()]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodedName}`);
    expect(response.headers.get('repr-digest')).toBe(
      `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`,
    );

    // On disk under the random id, never the uploader's name, readable by the server only.
    expect(filesOf(ticketId)).toEqual([created.body.id]);
    expect(statSync(join(server.dataDir, 'attachments', String(ticketId), created.body.id)).mode & 0o777).toBe(0o600);
    expect(await history(ticketId)).toContainEqual({
      field: 'attachment',
      oldValue: null,
      newValue: name,
      actor: 'tom',
      at: expect.any(String),
    });
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413, leaving nothing behind', async () => {
    const ticketId = await newTicket();
    const atLimit = await upload(ticketId, 'at-limit.bin', new Uint8Array(DEFAULT_ATTACHMENT_MAX_BYTES));
    expect(atLimit.status).toBe(201);
    await expect(
      upload(ticketId, 'over-limit.bin', new Uint8Array(DEFAULT_ATTACHMENT_MAX_BYTES + 1)),
    ).rejects.toMatchObject({
      status: 413,
      code: 'payload_too_large',
      message: expect.stringContaining('10 MiB'),
    });
    expect(filesOf(ticketId)).toEqual([atLimit.body.id]);
    expect((await list(ticketId)).map((attachment) => attachment.name)).toEqual(['at-limit.bin']);
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
    await expect(upload(ticketId, 'stream.bin', endless, { type: 'application/octet-stream' })).rejects.toMatchObject({
      status: 413,
      message: expect.stringContaining('10 MiB'),
    });
    // The connection was closed, not drained: the client stopped well short of the whole stream.
    expect(sent).toBeLessThan(8 * DEFAULT_ATTACHMENT_MAX_BYTES);
    expect(filesOf(ticketId)).toEqual([]);
    expect(await list(ticketId)).toEqual([]);
  });

  it('serves HTML, SVG and scripts as application/octet-stream, nosniff, sandboxed, as a download', async () => {
    const ticketId = await newTicket();
    const risky = [
      ['page.html', 'text/html; charset=utf-8'],
      ['logo.svg', 'image/svg+xml'],
      ['run.js', 'application/javascript'],
    ] as const;
    for (const [name, type] of risky) {
      const created = await upload(ticketId, name, `<script>alert("${name}")</script>`, { type });
      expect(created.body).toMatchObject({ contentType: type.split(';')[0], servedAs: 'application/octet-stream' });
      const response = await download(created.body.id);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toMatch(/^sandbox/);
      const disposition = new RegExp(`^attachment; filename="${name}"; filename\\*=UTF-8''${name}$`);
      expect(response.headers.get('content-disposition')).toMatch(disposition);
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
    const names = [
      ['../../etc/passwd', '"/"'],
      ['..\\boot.ini', '"/"'],
      ['..', 'not a file name'],
      ['a\nb.txt', 'control'],
      ['invoice\u202Efdp.exe', 'direction'],
      ['x'.repeat(201), 'at most 200'],
    ] as const;
    for (const [name, says] of names) {
      await expect(upload(ticketId, name, 'data'), name).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining(says),
      });
    }
    expect((await rawUpload(ticketId, {}, 'data')).status).toBe(400);
    expect(filesOf(ticketId)).toEqual([]);
  });

  it('refuses an empty file and a multipart form with a clear error', async () => {
    const ticketId = await newTicket();
    await expect(upload(ticketId, 'empty.txt', new Uint8Array(0))).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('empty'),
    });
    const form = new FormData();
    form.set('file', new Blob(['data']), 'data.txt');
    // fetch itself sets the form's content type with its boundary, which the typed client would not.
    const multipart = await rawUpload(ticketId, { name: 'data.txt' }, form);
    expect(multipart).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('multipart/form-data form') },
    });
    expect(filesOf(ticketId)).toEqual([]);
  });

  it('lets a viewer list and download but not upload or delete', async () => {
    const ticketId = await newTicket();
    const refused = upload(ticketId, 'notes.txt', 'from a viewer', { token: vera, type: 'text/plain' });
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(filesOf(ticketId)).toEqual([]);
    const created = await upload(ticketId, 'notes.txt', 'from tom', { type: 'text/plain' });
    expect(await list(ticketId, vera)).toHaveLength(1);
    expect(await (await download(created.body.id, vera)).text()).toBe('from tom');
    const params = { id: created.body.id };
    await expect(server.client(vera).call(A.remove, { params })).rejects.toMatchObject({ status: 403 });
    await expect(download(created.body.id, null)).rejects.toMatchObject({ status: 401 });
  });

  it('answers 404 for an unknown ticket or attachment, and 409 on a closed ticket', async () => {
    await expect(upload(999_999, 'a.txt', 'data')).rejects.toMatchObject({
      code: 'not_found',
      message: 'no ticket #999999',
    });
    await expect(list(999_999)).rejects.toMatchObject({ status: 404 });
    await expect(download('att_000000000000000000000000')).rejects.toMatchObject({ status: 404 });
    // The id is one encoded path segment: ..%2F..%2Fhelpline.db, refused by the id's pattern.
    await expect(download('../../helpline.db')).rejects.toMatchObject({ status: 400 });
    const ticketId = await newTicket();
    const params = { id: ticketId };
    await server.client(tom).call(T.resolve, { params, body: { resolution: 'Cleaned the glass.' } });
    await server.client(tom).call(T.close, { params });
    await expect(upload(ticketId, 'late.txt', 'data')).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('lets an admin delete an attachment, removing its file and recording it on the ticket', async () => {
    const ticketId = await newTicket();
    const created = await upload(ticketId, 'old.log', 'log', { type: 'text/plain' });
    const deleted = await server.client().callWithStatus(A.remove, { params: { id: created.body.id } });
    expect(deleted).toMatchObject({ status: 200, body: { id: created.body.id } });
    expect(filesOf(ticketId)).toEqual([]);
    expect(await list(ticketId)).toEqual([]);
    await expect(download(created.body.id)).rejects.toMatchObject({ status: 404 });
    const changes = (await history(ticketId)).filter((change) => change.field === 'attachment');
    expect(changes.map((change) => [change.oldValue, change.newValue])).toEqual([
      [null, 'old.log'],
      ['old.log', null],
    ]);
  });
});
