// Ticket attachments as the API accepts and serves them. The file itself travels as the raw
// request or response body; its name comes in the `name` query parameter (percent-encoded UTF-8,
// which a header could not carry).
import { Type, type Static } from 'typebox';

export const ATTACHMENT_NAME_MAX_CHARS = 200;
export const ATTACHMENT_ID_PATTERN = '^att_[0-9a-f]{24}$';

// C0 and C1 controls and DEL.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Zero-width and text-direction marks: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf".
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** Why a file name is refused, or null when it is fine. The server and the CLI both ask. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'the file name is empty';
  if (name.length > ATTACHMENT_NAME_MAX_CHARS)
    return `the file name is ${name.length} characters long; at most ${ATTACHMENT_NAME_MAX_CHARS} are allowed`;
  if (/[/\\]/.test(name)) return 'the file name must not contain "/" or "\\"; send the bare name, without any folder';
  if (/^\.+$/.test(name.trim())) return `the file name "${name}" is not a file name`;
  if (CONTROL.test(name)) return 'the file name contains control characters (such as a newline or tab)';
  if (INVISIBLE.test(name)) return 'the file name contains invisible or text-direction characters';
  return null;
}

export const AttachmentId = Type.String({
  pattern: ATTACHMENT_ID_PATTERN,
  description: 'attachment id, like att_0123456789abcdef01234567',
});
export const AttachmentIdParams = Type.Object({ id: AttachmentId }, { additionalProperties: false });

export const AttachmentUploadQuery = Type.Object(
  {
    name: Type.String({
      description: `the file name to show and to offer on download: up to ${ATTACHMENT_NAME_MAX_CHARS} characters, printable, no "/" or "\\"`,
    }),
  },
  { additionalProperties: false },
);
export type AttachmentUploadQuery = Static<typeof AttachmentUploadQuery>;

export const AttachmentView = Type.Object({
  id: AttachmentId,
  ticketId: Type.Integer(),
  name: Type.String(),
  /** The type the uploader declared. */
  contentType: Type.String(),
  /** The type downloads are served with: the declared one when it is safe, else application/octet-stream. */
  servedAs: Type.String(),
  size: Type.Integer({ description: 'bytes' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  uploadedBy: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
export type AttachmentView = Static<typeof AttachmentView>;
