// Attachment API. Uploads are the raw file as the request body, streamed to disk within the size
// limit; downloads are always offered as a file to save (attachment disposition, nosniff, a
// sandbox CSP, and a content type from the safe list), never as a page to render.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AttachmentIdParams, AttachmentUploadQuery, AttachmentView } from '../../../protocol/api/attachments.js';
import { TicketIdParams } from '../../../protocol/api/tickets.js';
import { ADMIN, ANY_ROLE, STAFF, currentUser } from '../../plugins/access.js';
import { attachmentDisposition } from './content-types.js';
import type { AttachmentService } from './service.js';

/** RFC 9530 digest of the bytes, so a client can check what it saved. */
const reprDigest = (sha256: string) => `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`;

export function attachmentRoutes(app: FastifyInstance, deps: { attachments: AttachmentService }) {
  const { attachments } = deps;

  // The upload route gets its own scope: there, and only there, any body of any type is handed
  // over as the raw stream (JSON included: an attached .json file is bytes, not a request).
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    // A refusal before the body was read (wrong role, bad name, too large): close the connection
    // rather than read and throw away the rest of what the client is still sending.
    scope.addHook('onError', async (request, reply) => {
      if (!request.raw.complete) void reply.header('connection', 'close');
    });

    scope.post<{ Params: { id: number }; Querystring: AttachmentUploadQuery; Body: IncomingMessage | undefined }>(
      '/api/tickets/:id/attachments',
      {
        config: { access: STAFF },
        schema: {
          summary: `Attach a file to a ticket: the raw bytes as the body, the file name in ?name=; refused with 413 past the size limit`,
          params: TicketIdParams,
          querystring: AttachmentUploadQuery,
          response: { 201: AttachmentView },
        },
      },
      async (request, reply) => {
        const attachment = await attachments.upload(currentUser(request), {
          ticketId: request.params.id,
          name: request.query.name,
          contentType: request.headers['content-type'],
          contentLength: request.headers['content-length'],
          body: request.body,
        });
        return reply.code(201).send(attachment);
      },
    );
  });

  app.get<{ Params: { id: number } }>(
    '/api/tickets/:id/attachments',
    { config: { access: ANY_ROLE }, schema: { summary: "A ticket's attachments, oldest first", params: TicketIdParams, response: { 200: Type.Array(AttachmentView) } } },
    async (request) => attachments.list(request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/api/attachments/:id',
    {
      config: { access: ANY_ROLE },
      schema: { summary: 'Download an attachment: always as a file to save, with a safe content type (unsafe types as application/octet-stream)', params: AttachmentIdParams },
    },
    async (request, reply) => {
      const { attachment, content } = await attachments.download(request.params.id);
      return reply
        .header('content-type', attachment.servedAs)
        .header('content-length', String(attachment.size))
        .header('content-disposition', attachmentDisposition(attachment.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .header('repr-digest', reprDigest(attachment.sha256))
        .send(content);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/attachments/:id',
    { config: { access: ADMIN }, schema: { summary: 'Delete an attachment and its file (recorded in the ticket history)', params: AttachmentIdParams, response: { 200: AttachmentView } } },
    async (request) => attachments.remove(currentUser(request), request.params.id),
  );
}
