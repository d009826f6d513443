// The channel handshake, a Noise-IK-like exchange built from tweetnacl (see DESIGN.md §3).
//
// Message 1, agent → server (sent in the upgrade request header):
//   version(1) ‖ agentEphemeralPublic(32) ‖ nonceA(24) ‖ box_{eA,S}(agentStaticPublic)
//   ‖ nonceB(24) ‖ box_{A,S}(agentEphemeralPublic ‖ JSON{ts, agentVersion})
// The first box hides the agent's identity from onlookers; the second, made with the agent's
// static secret, proves the agent holds it, binds the proof to this ephemeral key, and carries
// a timestamp that must be newer than the last one the server saw from that agent (replay guard).
//
// Message 2, server → agent (sent in the 101 response header):
//   version(1) ‖ serverEphemeralPublic(32)
//
// Both sides then mix the ee, es, se and ss shared keys with the transcript hash into one key
// per direction. The first message each way carries the transcript hash (key confirmation).
import nacl from 'tweetnacl';
import { bytesEqual, concatBytes, toHex, utf8Decode, utf8Encode } from '../bytes.js';
import { hmacSha512 } from '../hmac.js';
import { PROTOCOL_VERSION } from '../limits.js';
import { SecureSession } from './session.js';
import { naclX25519, type X25519 } from './x25519.js';

const PROTOCOL_LABEL = utf8Encode('helpline-channel-v1');
const KEY = 32;
const NONCE = nacl.box.nonceLength;
const MAC = nacl.box.overheadLength;
const IDENTITY_BOX = KEY + MAC;
const PROOF_OFFSET = 1 + KEY + NONCE + IDENTITY_BOX;
const MIN_INIT_BYTES = PROOF_OFFSET + NONCE + MAC + KEY;
/** Upper bound for message 1; it travels in an HTTP header. */
export const MAX_HANDSHAKE_INIT_BYTES = 1024;
const RESPONSE_BYTES = 1 + KEY;

export interface KeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export type HandshakeFailure = { ok: false; reason: string };

export interface InitiatorState {
  agentKeyPair: KeyPair;
  ephemeral: KeyPair;
  serverPublicKey: Uint8Array;
  initMessage: Uint8Array;
}

export interface EstablishedChannel {
  session: SecureSession;
  /** SHA-512 of the whole transcript; carried by the first message each way. */
  transcriptHash: Uint8Array;
}

/** Agent side, step 1: builds message 1. `timestamp` must grow with every handshake. */
export function createHandshakeInit(input: {
  agentKeyPair: KeyPair;
  serverPublicKey: Uint8Array;
  timestamp: number;
  agentVersion: string;
}): InitiatorState {
  const ephemeral = nacl.box.keyPair();
  const identityNonce = nacl.randomBytes(NONCE);
  const identityBox = nacl.box(input.agentKeyPair.publicKey, identityNonce, input.serverPublicKey, ephemeral.secretKey);
  const proofNonce = nacl.randomBytes(NONCE);
  const proofPlain = concatBytes(
    ephemeral.publicKey,
    utf8Encode(JSON.stringify({ ts: input.timestamp, agentVersion: input.agentVersion })),
  );
  const proofBox = nacl.box(proofPlain, proofNonce, input.serverPublicKey, input.agentKeyPair.secretKey);
  const initMessage = concatBytes(
    Uint8Array.of(PROTOCOL_VERSION),
    ephemeral.publicKey,
    identityNonce,
    identityBox,
    proofNonce,
    proofBox,
  );
  return { agentKeyPair: input.agentKeyPair, ephemeral, serverPublicKey: input.serverPublicKey, initMessage };
}

/** Server side, step 1: reveals which agent key claims to be calling. Never throws. */
export interface OpenedInit {
  agentPublicKey: Uint8Array;
  ephemeralPublicKey: Uint8Array;
  initMessage: Uint8Array;
  /** The ephemeral-static shared key, kept for the key derivation. */
  ephemeralStatic: Uint8Array;
}

export function openHandshakeInit(
  initMessage: Uint8Array,
  serverKeyPair: KeyPair,
  x25519: X25519 = naclX25519,
): ({ ok: true } & OpenedInit) | HandshakeFailure {
  if (initMessage.length < MIN_INIT_BYTES || initMessage.length > MAX_HANDSHAKE_INIT_BYTES) {
    return { ok: false, reason: `handshake message of ${initMessage.length} bytes has the wrong size` };
  }
  if (initMessage[0] !== PROTOCOL_VERSION) {
    return { ok: false, reason: `unsupported handshake version ${initMessage[0]}` };
  }
  const ephemeralPublicKey = initMessage.subarray(1, 1 + KEY);
  const identityNonce = initMessage.subarray(1 + KEY, 1 + KEY + NONCE);
  const identityBox = initMessage.subarray(1 + KEY + NONCE, PROOF_OFFSET);
  const ephemeralStatic = x25519.before(ephemeralPublicKey, serverKeyPair.secretKey);
  const agentPublicKey = nacl.box.open.after(identityBox, identityNonce, ephemeralStatic);
  if (!agentPublicKey || agentPublicKey.length !== KEY) {
    return { ok: false, reason: 'handshake is not addressed to this server key' };
  }
  return { ok: true, agentPublicKey, ephemeralPublicKey, initMessage, ephemeralStatic };
}

/**
 * Server side, step 2, once the agent key is known and allowed: checks the proof of possession
 * and returns its timestamp. `staticShared` is nacl.box.before(agentPublicKey, serverSecret),
 * which the server may cache per device.
 */
export function verifyHandshakeProof(
  opened: { ephemeralPublicKey: Uint8Array; initMessage: Uint8Array },
  staticShared: Uint8Array,
): { ok: true; timestamp: number; agentVersion: string } | HandshakeFailure {
  const proofNonce = opened.initMessage.subarray(PROOF_OFFSET, PROOF_OFFSET + NONCE);
  const proofBox = opened.initMessage.subarray(PROOF_OFFSET + NONCE);
  const plain = nacl.box.open.after(proofBox, proofNonce, staticShared);
  if (!plain) return { ok: false, reason: 'handshake proof does not open with the agent key' };
  const boundEphemeral = plain.subarray(0, KEY);
  if (!bytesEqual(boundEphemeral, opened.ephemeralPublicKey)) {
    return { ok: false, reason: 'handshake proof is bound to another ephemeral key' };
  }
  const json = utf8Decode(plain.subarray(KEY));
  let parsed: unknown;
  try {
    parsed = json === null ? null : JSON.parse(json);
  } catch {
    parsed = null;
  }
  const fields = parsed as { ts?: unknown; agentVersion?: unknown } | null;
  if (
    !fields ||
    !Number.isSafeInteger(fields.ts) ||
    typeof fields.agentVersion !== 'string' ||
    fields.agentVersion.length > 64
  ) {
    return { ok: false, reason: 'handshake proof payload is malformed' };
  }
  return { ok: true, timestamp: fields.ts as number, agentVersion: fields.agentVersion };
}

/** Server side, step 3: answers with message 2 and the established session. */
export function acceptHandshake(
  opened: OpenedInit,
  staticShared: Uint8Array,
  options: { maxCounter?: number; x25519?: X25519 } = {},
): EstablishedChannel & { responseMessage: Uint8Array } {
  const x25519 = options.x25519 ?? naclX25519;
  const ephemeral = x25519.keyPair();
  const responseMessage = concatBytes(Uint8Array.of(PROTOCOL_VERSION), ephemeral.publicKey);
  const transcriptHash = hashTranscript(opened.initMessage, responseMessage);
  const keys = deriveKeys(transcriptHash, [
    x25519.before(opened.ephemeralPublicKey, ephemeral.secretKey),
    opened.ephemeralStatic,
    x25519.before(opened.agentPublicKey, ephemeral.secretKey),
    staticShared,
  ]);
  const session = new SecureSession(
    {
      sendKey: keys.serverToAgent,
      receiveKey: keys.agentToServer,
      sendDirection: 'server-to-agent',
      receiveDirection: 'agent-to-server',
    },
    toHex(transcriptHash.subarray(0, 16)),
    options.maxCounter,
  );
  return { session, transcriptHash, responseMessage };
}

/** Agent side, step 2: completes the handshake from message 2. Never throws. */
export function completeHandshake(
  state: InitiatorState,
  responseMessage: Uint8Array,
  maxCounter?: number,
): ({ ok: true } & EstablishedChannel) | HandshakeFailure {
  if (responseMessage.length !== RESPONSE_BYTES || responseMessage[0] !== PROTOCOL_VERSION) {
    return { ok: false, reason: 'malformed handshake response' };
  }
  const serverEphemeral = responseMessage.subarray(1);
  const transcriptHash = hashTranscript(state.initMessage, responseMessage);
  const keys = deriveKeys(transcriptHash, [
    nacl.box.before(serverEphemeral, state.ephemeral.secretKey),
    nacl.box.before(state.serverPublicKey, state.ephemeral.secretKey),
    nacl.box.before(serverEphemeral, state.agentKeyPair.secretKey),
    nacl.box.before(state.serverPublicKey, state.agentKeyPair.secretKey),
  ]);
  const session = new SecureSession(
    {
      sendKey: keys.agentToServer,
      receiveKey: keys.serverToAgent,
      sendDirection: 'agent-to-server',
      receiveDirection: 'server-to-agent',
    },
    toHex(transcriptHash.subarray(0, 16)),
    maxCounter,
  );
  return { ok: true, session, transcriptHash };
}

function hashTranscript(initMessage: Uint8Array, responseMessage: Uint8Array): Uint8Array {
  return nacl.hash(concatBytes(PROTOCOL_LABEL, initMessage, responseMessage));
}

/** HKDF-style: extract with the transcript hash as salt, then one expand per direction. */
function deriveKeys(transcriptHash: Uint8Array, sharedKeys: Uint8Array[]) {
  const pseudoRandomKey = hmacSha512(transcriptHash, concatBytes(...sharedKeys));
  return {
    agentToServer: hmacSha512(pseudoRandomKey, utf8Encode('agent-to-server')).subarray(0, KEY),
    serverToAgent: hmacSha512(pseudoRandomKey, utf8Encode('server-to-agent')).subarray(0, KEY),
  };
}
