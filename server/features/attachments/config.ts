// Attachment settings, meant to be spread into the server's config schema, so that
// HELPLINE_ATTACHMENT_MAX_BYTES and "attachmentMaxBytes" in server.json work like every other key.
import { Type, type Static } from 'typebox';

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * MIB;

export const AttachmentConfigSchema = Type.Object(
  {
    /** The largest file accepted as a ticket attachment, in bytes; larger uploads are cut off with 413. */
    attachmentMaxBytes: Type.Integer({ minimum: KIB, maximum: 4 * GIB, default: DEFAULT_ATTACHMENT_MAX_BYTES }),
  },
  { additionalProperties: false },
);
export type AttachmentConfig = Static<typeof AttachmentConfigSchema>;

/** "10 MiB", "512 KiB" or "1000 bytes": a limit as people read it, exact. */
export function describeBytes(bytes: number): string {
  if (bytes >= GIB && bytes % GIB === 0) return `${bytes / GIB} GiB`;
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes >= KIB && bytes % KIB === 0) return `${bytes / KIB} KiB`;
  return `${bytes} bytes`;
}
