// Enrollment tokens and the sealed enrollment exchange.
//
// A token is `hl1_` + base64url(JSON) carrying the server URL, the server's channel and job
// signing public keys, the token id and its secret. The agent pins the keys from the token, so
// there is no trust on first use. The enrollment request is boxed to the pinned server key (the
// token secret never travels in clear, and a server without that key cannot read it), and the
// answer is boxed back to the agent key, which proves to the agent that it reached the right server.
import nacl from 'tweetnacl';
import { Type, type Static } from 'typebox';
import { compileOnUse } from './compile-on-use.js';
import { fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from './bytes.js';
import { decodeKey, encodeKey } from './keys.js';
import { describeFirstError } from './schema-errors.js';
import { Base64Url, DeviceId, PrintableText, ShortText } from './messages/common.js';

export const TOKEN_PREFIX = 'hl1_';

const TokenPayload = Type.Object({
  u: Type.String({ maxLength: 2048 }),
  k: Base64Url(64),
  j: Base64Url(64),
  i: Type.String({ pattern: '^tok_[a-z0-9]{8,32}$' }),
  s: Base64Url(64),
});
const tokenPayloadValidator = compileOnUse(TokenPayload);

export interface EnrollmentToken {
  serverUrl: string;
  serverPublicKey: Uint8Array;
  jobSigningPublicKey: Uint8Array;
  tokenId: string;
  secret: string;
}

export function formatEnrollmentToken(token: EnrollmentToken): string {
  const payload: Static<typeof TokenPayload> = {
    u: token.serverUrl,
    k: encodeKey(token.serverPublicKey),
    j: encodeKey(token.jobSigningPublicKey),
    i: token.tokenId,
    s: token.secret,
  };
  return TOKEN_PREFIX + toBase64Url(utf8Encode(JSON.stringify(payload)));
}

/** Parses token text; the error says what is wrong with it. Never throws. */
export function parseEnrollmentToken(
  text: string,
): { ok: true; token: EnrollmentToken } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith(TOKEN_PREFIX))
    return { ok: false, error: `an enrollment token starts with "${TOKEN_PREFIX}"` };
  const bytes = fromBase64Url(trimmed.slice(TOKEN_PREFIX.length));
  const json = bytes && utf8Decode(bytes);
  let payload: unknown;
  try {
    payload = json ? JSON.parse(json) : null;
  } catch {
    payload = null;
  }
  if (!tokenPayloadValidator().Check(payload))
    return { ok: false, error: 'the enrollment token is damaged or incomplete' };
  const serverPublicKey = decodeKey(payload.k);
  const jobSigningPublicKey = decodeKey(payload.j);
  if (!serverPublicKey || !jobSigningPublicKey)
    return { ok: false, error: 'the enrollment token carries invalid server keys' };
  if (!isServerUrl(payload.u)) return { ok: false, error: 'the enrollment token carries an invalid server URL' };
  return {
    ok: true,
    token: { serverUrl: payload.u, serverPublicKey, jobSigningPublicKey, tokenId: payload.i, secret: payload.s },
  };
}

function isServerUrl(text: string): boolean {
  try {
    if (text !== text.trim()) return false;
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** What the agent tells the server about itself when enrolling (sealed). */
export const EnrollmentClaim = Type.Object(
  {
    tokenId: ShortText(64),
    secret: ShortText(128),
    hostname: PrintableText(255),
    platform: PrintableText(32),
    osRelease: PrintableText(128),
    arch: PrintableText(32),
    agentVersion: PrintableText(64),
    /** Stable id of the machine (e.g. a hash of /etc/machine-id); spots a second key for one PC. */
    machineId: ShortText(128),
  },
  { additionalProperties: false },
);
export type EnrollmentClaim = Static<typeof EnrollmentClaim>;

/** What the server answers (sealed to the agent key). */
export const EnrollmentResult = Type.Object(
  {
    deviceId: DeviceId,
    deviceName: ShortText(255),
    group: ShortText(100),
    status: Type.Union([Type.Literal('active'), Type.Literal('pending'), Type.Literal('denied')]),
    fingerprint: ShortText(64),
  },
  { additionalProperties: false },
);
export type EnrollmentResult = Static<typeof EnrollmentResult>;

/** The HTTP body of POST /api/enroll and of its answer: a box and its nonce. */
export const SealedEnrollmentRequest = Type.Object(
  { agentPublicKey: Base64Url(64), nonce: Base64Url(64), box: Base64Url(8192) },
  { additionalProperties: false },
);
export const SealedEnrollmentResponse = Type.Object(
  { nonce: Base64Url(64), box: Base64Url(8192) },
  { additionalProperties: false },
);
export type SealedEnrollmentRequest = Static<typeof SealedEnrollmentRequest>;
export type SealedEnrollmentResponse = Static<typeof SealedEnrollmentResponse>;

const claimValidator = compileOnUse(EnrollmentClaim);
const resultValidator = compileOnUse(EnrollmentResult);
const sealedResponseValidator = compileOnUse(SealedEnrollmentResponse);

/** Whether an enrollment answer has the shape of a sealed one; what is inside is checked when it is opened. */
export function isSealedEnrollmentResponse(body: unknown): body is SealedEnrollmentResponse {
  return sealedResponseValidator().Check(body);
}

function seal(value: unknown, theirPublic: Uint8Array, mySecret: Uint8Array) {
  const nonce = nacl.randomBytes(nacl.box.nonceLength);
  const box = nacl.box(utf8Encode(JSON.stringify(value)), nonce, theirPublic, mySecret);
  return { nonce: toBase64Url(nonce), box: toBase64Url(box) };
}

function unseal(sealed: { nonce: string; box: string }, theirPublic: Uint8Array, mySecret: Uint8Array): unknown {
  const nonce = fromBase64Url(sealed.nonce);
  const box = fromBase64Url(sealed.box);
  if (!nonce || !box || nonce.length !== nacl.box.nonceLength) return undefined;
  const plain = nacl.box.open(box, nonce, theirPublic, mySecret);
  const json = plain && utf8Decode(plain);
  try {
    return json ? JSON.parse(json) : undefined;
  } catch {
    return undefined;
  }
}

export function sealEnrollmentRequest(
  claim: EnrollmentClaim,
  agentKeyPair: { publicKey: Uint8Array; secretKey: Uint8Array },
  serverPublicKey: Uint8Array,
): SealedEnrollmentRequest {
  return { agentPublicKey: encodeKey(agentKeyPair.publicKey), ...seal(claim, serverPublicKey, agentKeyPair.secretKey) };
}

export function openEnrollmentRequest(
  request: SealedEnrollmentRequest,
  serverSecretKey: Uint8Array,
):
  | { ok: true; agentPublicKey: Uint8Array; claim: EnrollmentClaim }
  | { ok: false; reason: 'bad_key' | 'not_for_this_server' | 'bad_claim'; error?: string } {
  const agentPublicKey = decodeKey(request.agentPublicKey);
  if (!agentPublicKey) return { ok: false, reason: 'bad_key' };
  const claim = unseal(request, agentPublicKey, serverSecretKey);
  if (claim === undefined) return { ok: false, reason: 'not_for_this_server' };
  if (!claimValidator().Check(claim)) {
    return { ok: false, reason: 'bad_claim', error: describeFirstError(claimValidator(), claim) };
  }
  return { ok: true, agentPublicKey, claim };
}

export function sealEnrollmentResponse(
  result: EnrollmentResult,
  agentPublicKey: Uint8Array,
  serverSecretKey: Uint8Array,
): SealedEnrollmentResponse {
  return seal(result, agentPublicKey, serverSecretKey);
}

export function openEnrollmentResponse(
  response: SealedEnrollmentResponse,
  serverPublicKey: Uint8Array,
  agentSecretKey: Uint8Array,
): EnrollmentResult | null {
  const result = unseal(response, serverPublicKey, agentSecretKey);
  return resultValidator().Check(result) ? result : null;
}
