// Schema pieces reused by several messages and API routes.
import { Type } from 'typebox';

/** base64url text, as produced by protocol/bytes.ts. */
export const Base64Url = (maxLength: number) => Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength });

/** A device id as the server makes them; also used to tell an id from a name the user typed. */
export const DEVICE_ID_PATTERN = '^dev_[a-z0-9]{10,32}$';

export const DeviceId = Type.String({ pattern: DEVICE_ID_PATTERN, description: 'device id' });

export const ShortText = (maxLength = 200) => Type.String({ maxLength });

/** Text shown to people: no control characters, so it cannot drive a terminal or forge log lines. */
export const PrintableText = (maxLength = 200) => Type.String({ maxLength, pattern: '^[^\\u0000-\\u001f\\u007f]*$' });
