// WebSocket close codes used on the agent channel. 1000–1015 are the standard ones that `ws`
// itself uses (1009 for a frame over maxPayload); 4000–4099 are Helpline's own.
// Every code the server or agent sends is listed here with what it means.

export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  MessageTooBig: 1009,
  InternalError: 1011,
  /** Frame too short to carry a counter and a MAC, or not binary. */
  MalformedFrame: 4001,
  /** Frame counter is not exactly the next one expected: replay, reorder or drop. */
  BadCounter: 4002,
  /** Frame failed authentication: tampered, or sealed with another key. */
  DecryptFailed: 4003,
  /** Plaintext is not a valid envelope, or names an unknown message type. */
  MalformedMessage: 4004,
  /** First message did not carry the transcript hash of this handshake. */
  KeyConfirmationFailed: 4005,
  /** The device was revoked; the agent must not reconnect. */
  DeviceRevoked: 4006,
  /** A newer session for the same device took over this one. */
  Replaced: 4007,
  /** Message or time budget of the session is spent; reconnect for fresh keys. */
  Rekey: 4008,
  /** The peer did not send its first message in time. */
  HandshakeTimeout: 4009,
  /** Missed pong: the connection is dead. */
  HeartbeatTimeout: 4010,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const CLOSE_CODE_MEANING: Record<CloseCode, string> = {
  [CloseCode.Normal]: 'normal closure',
  [CloseCode.GoingAway]: 'server or agent shutting down',
  [CloseCode.MessageTooBig]: 'frame larger than the maximum payload',
  [CloseCode.InternalError]: 'internal error',
  [CloseCode.MalformedFrame]: 'malformed frame',
  [CloseCode.BadCounter]: 'unexpected frame counter (replay, reorder or loss)',
  [CloseCode.DecryptFailed]: 'frame failed authentication',
  [CloseCode.MalformedMessage]: 'malformed message envelope or unknown type',
  [CloseCode.KeyConfirmationFailed]: 'key confirmation failed',
  [CloseCode.DeviceRevoked]: 'device revoked',
  [CloseCode.Replaced]: 'replaced by a newer session of the same device',
  [CloseCode.Rekey]: 'session budget spent, reconnect with a new handshake',
  [CloseCode.HandshakeTimeout]: 'no first message in time',
  [CloseCode.HeartbeatTimeout]: 'missed heartbeat',
};

export function describeCloseCode(code: number): string {
  return (CLOSE_CODE_MEANING as Record<number, string>)[code] ?? `close code ${code}`;
}

/**
 * Reasons the server refuses a channel during the HTTP upgrade, before any WebSocket exists.
 * The refusal is an HTTP response with this status and a JSON body `{ code, message }`;
 * `busy` also sets Retry-After.
 */
export const UpgradeRefusal = {
  bad_handshake: 400,
  unknown_key: 401,
  stale_handshake: 401,
  device_pending: 403,
  device_denied: 403,
  device_revoked: 403,
  busy: 503,
} as const;
export type UpgradeRefusalCode = keyof typeof UpgradeRefusal;

/** The HTTP header that carries handshake message 1 (request) and message 2 (101 response). */
export const HANDSHAKE_HEADER = 'x-helpline-handshake';
