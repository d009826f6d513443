// Limits shared by both ends of the agent channel. One place, so server and agent agree.

/** Largest WebSocket payload either side accepts (ws `maxPayload`). */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** A session re-handshakes after this many frames in one direction... */
export const DEFAULT_REKEY_AFTER_MESSAGES = 1_000_000;
/** ...or after this much time, whichever comes first. */
export const DEFAULT_REKEY_AFTER_MS = 12 * 60 * 60 * 1000;

/** Hard ceiling for the frame counter: a sender refuses to seal past it, so a nonce never repeats. */
export const MAX_FRAME_COUNTER = Number.MAX_SAFE_INTEGER;

export const PROTOCOL_VERSION = 1;
