// Ticket attachments: upload within the size limit, list, download, delete. The file is written
// completely before its record exists, and a failed upload leaves neither behind.
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileNameProblem, type AttachmentView } from '../../../protocol/api/attachments.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuthUser } from '../auth/service.js';
import { describeBytes } from './config.js';
import { declaredContentType, isFormUpload, servedContentType } from './content-types.js';
import { AttachmentTooLarge, type AttachmentFiles } from './files.js';
import type { AttachmentRow, AttachmentStore } from './store.js';

export interface AttachmentUpload {
  ticketId: number;
  name: string;
  /** The request's Content-Type and Content-Length headers, as sent. */
  contentType: string | undefined;
  contentLength: string | undefined;
  /** The request body; undefined when the request had none. */
  body: Readable | undefined;
}

export interface AttachmentServiceDeps {
  db: Db;
  store: AttachmentStore;
  files: AttachmentFiles;
  maxBytes: number;
  now?: () => number;
}

export function attachmentView(row: AttachmentRow): AttachmentView {
  return { ...row, servedAs: servedContentType(row.contentType), at: new Date(row.at).toISOString() };
}

const newAttachmentId = () => `att_${randomBytes(12).toString('hex')}`;

export function createAttachmentService(deps: AttachmentServiceDeps) {
  const { store, files, maxBytes } = deps;
  const now = deps.now ?? Date.now;
  const tooLarge = (what: string) =>
    new ApiError(
      'payload_too_large',
      `${what} is larger than the attachment limit of ${describeBytes(maxBytes)} (${maxBytes} bytes); compress or split it, or ask an admin to raise attachmentMaxBytes`,
    );
  const empty = () =>
    new ApiError('validation_failed', "the attachment is empty; send the file's bytes as the request body");

  const ticketOpenForAttachments = (ticketId: number) => {
    const status = store.ticketStatus(ticketId);
    if (status === undefined) throw new ApiError('not_found', `no ticket #${ticketId}`);
    if (status === 'closed')
      throw new ApiError('invalid_state', `ticket #${ticketId} is closed; files can no longer be attached to it`);
  };
  const find = (id: string) => {
    const row = store.byId(id);
    if (!row) throw new ApiError('not_found', `no attachment ${id}`);
    return row;
  };

  return {
    maxBytes,

    async upload(actor: AuthUser, upload: AttachmentUpload): Promise<AttachmentView> {
      const { ticketId, name } = upload;
      const problem = fileNameProblem(name);
      if (problem) throw new ApiError('validation_failed', `name: ${problem}`);
      ticketOpenForAttachments(ticketId);
      const contentType = declaredContentType(upload.contentType);
      if (isFormUpload(contentType)) {
        throw new ApiError(
          'validation_failed',
          `send the file's bytes as the request body (Content-Type: application/octet-stream or the file's own type), not a ${contentType} form`,
        );
      }
      const announced = Number(upload.contentLength);
      if (announced > maxBytes) throw tooLarge(`the file (${announced} bytes)`);
      if (!upload.body) throw empty();

      const id = newAttachmentId();
      let received;
      try {
        received = await files.receive(ticketId, id, upload.body, maxBytes);
      } catch (error) {
        if (error instanceof AttachmentTooLarge) throw tooLarge('the file');
        throw error;
      }
      if (received.size === 0) {
        files.remove(ticketId, id);
        throw empty();
      }
      const row: AttachmentRow = {
        id,
        ticketId,
        name,
        contentType,
        size: received.size,
        sha256: received.sha256,
        uploadedBy: actor.name,
        at: now(),
      };
      try {
        deps.db.transaction(() => {
          // The ticket may have been closed while the file was arriving.
          ticketOpenForAttachments(ticketId);
          store.insert(row);
        })();
      } catch (error) {
        files.remove(ticketId, id);
        throw error;
      }
      return attachmentView(row);
    },

    list(ticketId: number): AttachmentView[] {
      if (store.ticketStatus(ticketId) === undefined) throw new ApiError('not_found', `no ticket #${ticketId}`);
      return store.forTicket(ticketId).map(attachmentView);
    },

    /** The record and an open stream of its bytes. */
    async download(id: string): Promise<{ attachment: AttachmentView; content: Readable }> {
      const row = find(id);
      const content = await files.read(row.ticketId, row.id);
      if (!content)
        throw new ApiError(
          'internal_error',
          `attachment ${id} is on record, but its file is missing from the server's data directory; tell an admin`,
        );
      return { attachment: attachmentView(row), content };
    },

    remove(actor: AuthUser, id: string): AttachmentView {
      const row = find(id);
      deps.db.transaction(() => store.remove(row, actor.name, now()))();
      files.remove(row.ticketId, row.id);
      return attachmentView(row);
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
