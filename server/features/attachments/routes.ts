// Attachment API. Uploads are the raw file as the request body, streamed to disk within the size
// limit (serve() gives a rawBody route its own scope that hands any body over as the stream);
// downloads are always offered as a file to save (attachment disposition, nosniff, a sandbox CSP,
// and a content type from the safe list), never as a page to render.
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import { attachmentDisposition } from './content-types.js';
import type { AttachmentService } from './service.js';

/** RFC 9530 digest of the bytes, so a client can check what it saved. */
const reprDigest = (sha256: string) => `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`;

export function attachmentRoutes(app: FastifyInstance, deps: { attachments: AttachmentService }) {
  const { attachments } = deps;
  const routes = API.attachments;

  serve(app, routes.upload, async (request) =>
    attachments.upload(currentUser(request), {
      ticketId: request.params.id,
      name: request.query.name,
      contentType: request.headers['content-type'],
      contentLength: request.headers['content-length'],
      body: request.body,
    }),
  );

  serve(app, routes.list, async (request) => attachments.list(request.params.id));
  serve(app, routes.limits, async () => ({ maxBytes: attachments.maxBytes }));

  serve(app, routes.download, async (request, reply) => {
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
  });

  serve(app, routes.remove, async (request) => attachments.remove(currentUser(request), request.params.id));
}
