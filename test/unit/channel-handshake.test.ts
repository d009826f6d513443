import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes, toHex, utf8Decode, utf8Encode } from '../../protocol/bytes.js';
import { CloseCode } from '../../protocol/close-codes.js';
import {
  MAX_HANDSHAKE_INIT_BYTES,
  acceptHandshake,
  completeHandshake,
  createHandshakeInit,
  openHandshakeInit,
  verifyHandshakeProof,
  type KeyPair,
} from '../../protocol/channel/handshake.js';
import { CounterExhaustedError, type SecureSession } from '../../protocol/channel/session.js';
import { establish, keyPair } from './channel-fixtures.js';

// Layout of message 1: version(1) ‖ eA(32) ‖ nonce(24) ‖ box(32+16) ‖ nonce(24) ‖ box(32+json+16).
const PROOF_OFFSET = 1 + 32 + 24 + 48;
const MIN_INIT = PROOF_OFFSET + 24 + 16 + 32;

const init = (agent: KeyPair, server: KeyPair, timestamp = 1_700_000_000_000, agentVersion = '1.2.3') =>
  createHandshakeInit({ agentKeyPair: agent, serverPublicKey: server.publicKey, timestamp, agentVersion });

function openAndVerify(message: Uint8Array, server: KeyPair) {
  const opened = openHandshakeInit(message, server);
  if (!opened.ok) return opened;
  return verifyHandshakeProof(opened, nacl.box.before(opened.agentPublicKey, server.secretKey));
}

function talk(from: SecureSession, to: SecureSession, message: string) {
  const result = to.open(from.seal(utf8Encode(message)));
  return result.ok ? utf8Decode(result.plaintext) : result.closeCode;
}

describe('channel handshake, honest run', () => {
  it('both sides derive the same transcript hash and session id, and messages open both ways', () => {
    const { agent, opened, proof, serverSide, agentSide } = establish();
    expect(opened.ok && bytesEqual(opened.agentPublicKey, agent.publicKey)).toBe(true);
    expect(proof).toEqual({ ok: true, timestamp: 1_700_000_000_000, agentVersion: '1.2.3' });
    if (!agentSide.ok) throw new Error('unreachable');
    expect(agentSide.transcriptHash.length).toBe(64);
    expect(toHex(agentSide.transcriptHash)).toBe(toHex(serverSide.transcriptHash));
    expect(agentSide.session.sessionId).toBe(serverSide.session.sessionId);
    expect(agentSide.session.sessionId).toBe(toHex(serverSide.transcriptHash.subarray(0, 16)));
    expect(talk(agentSide.session, serverSide.session, 'agent → server')).toBe('agent → server');
    expect(talk(serverSide.session, agentSide.session, 'server → agent')).toBe('server → agent');
    expect(talk(agentSide.session, serverSide.session, 'second')).toBe('second');
  });

  it('two handshakes of the same parties give unrelated sessions (fresh ephemeral keys)', () => {
    const first = establish();
    const second = establish({ agent: first.agent, server: first.server });
    if (!first.agentSide.ok || !second.agentSide.ok) throw new Error('unreachable');
    expect(first.agentSide.session.sessionId).not.toBe(second.agentSide.session.sessionId);
    expect(talk(first.agentSide.session, second.serverSide.session, 'cross')).toBe(CloseCode.DecryptFailed);
  });

  it('passes maxCounter on to both sessions', () => {
    const { serverSide, agentSide } = establish({ maxCounter: 0 });
    if (!agentSide.ok) throw new Error('unreachable');
    agentSide.session.seal(utf8Encode('only one'));
    expect(() => agentSide.session.seal(utf8Encode('two'))).toThrow(CounterExhaustedError);
    serverSide.session.seal(utf8Encode('only one'));
    expect(() => serverSide.session.seal(utf8Encode('two'))).toThrow(CounterExhaustedError);
  });

  it('a replayed message 1 decodes to exactly the same timestamp (input to the freshness check)', () => {
    const agent = keyPair();
    const server = keyPair();
    for (const timestamp of [0, 1, 1_723_456_789_012, Number.MAX_SAFE_INTEGER]) {
      const { initMessage } = init(agent, server, timestamp, 'v9');
      const first = openAndVerify(initMessage, server);
      const replay = openAndVerify(Uint8Array.from(initMessage), server);
      expect(first).toEqual({ ok: true, timestamp, agentVersion: 'v9' });
      expect(replay).toEqual(first);
    }
  });
});

describe('channel handshake, refusals', () => {
  it('openHandshakeInit refuses message 1 addressed to another server key', () => {
    const agent = keyPair();
    const { initMessage } = init(agent, keyPair());
    const result = openHandshakeInit(initMessage, keyPair());
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('not addressed to this server') });
  });

  it('verifyHandshakeProof refuses a proof made with a different agent secret', () => {
    const victim = keyPair();
    const server = keyPair();
    const forged = init({ publicKey: victim.publicKey, secretKey: keyPair().secretKey }, server);
    const opened = openHandshakeInit(forged.initMessage, server);
    expect(opened.ok && bytesEqual(opened.agentPublicKey, victim.publicKey)).toBe(true);
    expect(openAndVerify(forged.initMessage, server)).toEqual({
      ok: false,
      reason: expect.stringContaining('does not open'),
    });
  });

  it('verifyHandshakeProof refuses a proof spliced from another message 1 of the same agent', () => {
    const agent = keyPair();
    const server = keyPair();
    const old = init(agent, server, 1).initMessage;
    const fresh = init(agent, server, 2).initMessage;
    const spliced = concatBytes(fresh.subarray(0, PROOF_OFFSET), old.subarray(PROOF_OFFSET));
    const result = openAndVerify(spliced, server);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('another ephemeral key') });
  });

  it('verifyHandshakeProof refuses an old proof under an attacker-made ephemeral and identity box', () => {
    const agent = keyPair();
    const server = keyPair();
    const old = init(agent, server).initMessage;
    const attacker = keyPair();
    const nonce = nacl.randomBytes(24);
    const identity = nacl.box(agent.publicKey, nonce, server.publicKey, attacker.secretKey);
    const forged = concatBytes(Uint8Array.of(1), attacker.publicKey, nonce, identity, old.subarray(PROOF_OFFSET));
    expect(openAndVerify(forged, server)).toEqual({
      ok: false,
      reason: expect.stringContaining('another ephemeral key'),
    });
  });

  it('refuses message 1 of the wrong size or version, or with a flipped bit', () => {
    const agent = keyPair();
    const server = keyPair();
    const good = init(agent, server).initMessage;
    expect(openAndVerify(good, server).ok).toBe(true);
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      good.subarray(0, MIN_INIT - 1),
      concatBytes(good, new Uint8Array(MAX_HANDSHAKE_INIT_BYTES)),
      init(agent, server, 1, 'x'.repeat(MAX_HANDSHAKE_INIT_BYTES)).initMessage,
      concatBytes(Uint8Array.of(0), good.subarray(1)),
      concatBytes(Uint8Array.of(2), good.subarray(1)),
    ];
    for (const index of [1, 40, PROOF_OFFSET - 1, PROOF_OFFSET + 30, good.length - 1]) {
      const flipped = Uint8Array.from(good);
      flipped[index]! ^= 0x80;
      cases.push(flipped);
    }
    for (const message of cases) expect(openAndVerify(message, server).ok).toBe(false);
  });

  it('refuses a proof whose payload has a fractional timestamp or an over-long agent version', () => {
    const agent = keyPair();
    const server = keyPair();
    expect(openAndVerify(init(agent, server, 1.5).initMessage, server).ok).toBe(false);
    expect(openAndVerify(init(agent, server, 1, 'v'.repeat(65)).initMessage, server).ok).toBe(false);
    expect(openAndVerify(init(agent, server, 1, 'v'.repeat(64)).initMessage, server).ok).toBe(true);
  });

  it('never throws on garbage message 1 bytes (2000 random buffers)', () => {
    const server = keyPair();
    for (let i = 0; i < 2000; i++) {
      const bytes = nacl.randomBytes(Math.floor(Math.random() * (MAX_HANDSHAKE_INIT_BYTES + 200)));
      if (i % 2 === 0 && bytes.length > 0) bytes[0] = 1;
      expect(openAndVerify(bytes, server).ok).toBe(false);
    }
  });

  it('verifyHandshakeProof never throws on a genuine identity box followed by garbage', () => {
    const server = keyPair();
    const agent = keyPair();
    for (let i = 0; i < 200; i++) {
      const head = init(agent, server).initMessage.subarray(0, PROOF_OFFSET);
      const tail = nacl.randomBytes(24 + 48 + Math.floor(Math.random() * 600));
      const result = openAndVerify(concatBytes(head, tail), server);
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('does not open') });
    }
  });

  it('completeHandshake refuses a malformed response and never throws on garbage', () => {
    const state = init(keyPair(), keyPair());
    for (const response of [
      new Uint8Array(0),
      Uint8Array.of(1),
      new Uint8Array(33),
      Uint8Array.of(1, ...new Uint8Array(33)),
    ]) {
      expect(completeHandshake(state, response).ok).toBe(false);
    }
    for (let i = 0; i < 500; i++) {
      const response = nacl.randomBytes(Math.floor(Math.random() * 70));
      const result = completeHandshake(state, response);
      expect(result.ok).toBe(response.length === 33 && response[0] === 1);
    }
  });

  it('a server answering with another static key yields keys the agent cannot use', () => {
    const agent = keyPair();
    const server = keyPair();
    const impostor = keyPair();
    const state = init(agent, server);
    // The impostor cannot open message 1; give it the agent key anyway (it is not secret).
    const opened = {
      agentPublicKey: agent.publicKey,
      ephemeralPublicKey: state.ephemeral.publicKey,
      initMessage: state.initMessage,
      ephemeralStatic: nacl.box.before(state.ephemeral.publicKey, impostor.secretKey),
    };
    const fake = acceptHandshake(opened, nacl.box.before(agent.publicKey, impostor.secretKey));
    const agentSide = completeHandshake(state, fake.responseMessage);
    if (!agentSide.ok) throw new Error('unreachable');
    expect(talk(fake.session, agentSide.session, 'trust me')).toBe(CloseCode.DecryptFailed);
    expect(talk(agentSide.session, fake.session, 'secret')).toBe(CloseCode.DecryptFailed);
  });

  it('an altered message 2 changes the transcript hash and the keys', () => {
    const { initiator, serverSide } = establish();
    const altered = Uint8Array.from(serverSide.responseMessage);
    altered[5]! ^= 0x01;
    const agentSide = completeHandshake(initiator, altered);
    if (!agentSide.ok) throw new Error('unreachable');
    expect(toHex(agentSide.transcriptHash)).not.toBe(toHex(serverSide.transcriptHash));
    expect(talk(serverSide.session, agentSide.session, 'hi')).toBe(CloseCode.DecryptFailed);
  });
});
