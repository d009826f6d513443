// What an attachment is served as. The uploader's declared type is kept, but only types a browser
// will not run or render as a page are served as such; everything else (HTML, SVG, scripts, XML,
// unknown types) goes out as application/octet-stream, so it can only ever be saved.

/** Types served as declared: documents and images a browser shows inertly, and plain data. */
export const SAFE_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'text/plain',
  'text/csv',
  'application/pdf',
  'application/json',
  'application/zip',
  'application/octet-stream',
  'image/png',
  'image/jpeg',
  'image/gif',
]);

export const OPAQUE_CONTENT_TYPE = 'application/octet-stream';

// RFC 9110 media type: type "/" subtype, both tokens.
const MEDIA_TYPE = /^[a-z0-9!#$%&'*+.^_`|~-]+\/[a-z0-9!#$%&'*+.^_`|~-]+$/;
const MAX_CONTENT_TYPE_CHARS = 100;

/**
 * The media type of an upload's Content-Type header, lower case and without parameters; a
 * missing or malformed header means an opaque file.
 */
export function declaredContentType(header: string | undefined): string {
  const type = (header ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return type.length <= MAX_CONTENT_TYPE_CHARS && MEDIA_TYPE.test(type) ? type : OPAQUE_CONTENT_TYPE;
}

/** A form post would store the form's envelope, not the file: refused with a hint. */
export function isFormUpload(type: string): boolean {
  return type.startsWith('multipart/') || type === 'application/x-www-form-urlencoded';
}

export function servedContentType(declared: string): string {
  return SAFE_CONTENT_TYPES.has(declared) ? declared : OPAQUE_CONTENT_TYPE;
}

// RFC 8187 attr-char: what may stay unencoded in filename*.
const encodeRfc8187 = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with the name twice: an ASCII stand-in for old clients (anything else, and quotes
 * and backslashes, become "_"), and the exact UTF-8 name in filename* (RFC 6266).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}
