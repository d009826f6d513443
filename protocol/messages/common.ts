// Schema pieces reused by several messages and API routes.
import { Type } from 'typebox';

/** base64url text, as produced by protocol/bytes.ts. */
export const Base64Url = (maxLength: number) => Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength });

export const DeviceId = Type.String({ pattern: '^dev_[a-z0-9]{10,32}$', description: 'device id' });

export const ShortText = (maxLength = 200) => Type.String({ maxLength });

/** Text shown to people: no control characters, so it cannot drive a terminal or forge log lines. */
export const PrintableText = (maxLength = 200) => Type.String({ maxLength, pattern: '^[^\\u0000-\\u001f\\u007f]*$' });
