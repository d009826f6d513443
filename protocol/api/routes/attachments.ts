// Ticket attachments: the upload takes the file's raw bytes (its name in ?name=), the download
// answers them as a file to save; staff attach, everyone signed in reads, admins delete.
import { Type } from 'typebox';
import { ADMIN, ANY_ROLE, STAFF } from '../access.js';
import { AttachmentIdParams, AttachmentUploadQuery, AttachmentView } from '../attachments.js';
import { TicketIdParams } from '../tickets.js';
import { route } from '../route.js';

export const attachmentRoutes = {
  upload: route({
    method: 'POST',
    path: '/api/tickets/:id/attachments',
    summary:
      'Attach a file to a ticket: the raw bytes as the body, the file name in ?name=; ' +
      'refused with 413 past the size limit',
    access: STAFF,
    params: TicketIdParams,
    query: AttachmentUploadQuery,
    rawBody: true,
    response: AttachmentView,
    status: 201,
    errors: ['not_found', 'invalid_state', 'payload_too_large'],
  }),
  limits: route({
    method: 'GET',
    path: '/api/attachments/limits',
    summary: 'How large one attachment may be (so a client can say so before uploading)',
    access: ANY_ROLE,
    response: Type.Object({ maxBytes: Type.Integer({ description: 'bytes' }) }),
    errors: [],
  }),
  list: route({
    method: 'GET',
    path: '/api/tickets/:id/attachments',
    summary: "A ticket's attachments, oldest first",
    access: ANY_ROLE,
    params: TicketIdParams,
    response: Type.Array(AttachmentView),
    errors: ['not_found'],
  }),
  download: route({
    method: 'GET',
    path: '/api/attachments/:id',
    summary:
      'Download an attachment: always as a file to save, with a safe content type ' +
      '(unsafe types as application/octet-stream)',
    access: ANY_ROLE,
    params: AttachmentIdParams,
    responseKind: 'binary',
    errors: ['not_found'],
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/attachments/:id',
    summary: 'Delete an attachment and its file (recorded in the ticket history)',
    access: ADMIN,
    params: AttachmentIdParams,
    response: AttachmentView,
    errors: ['not_found'],
  }),
};
