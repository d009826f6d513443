// Shared set-up for the channel unit tests: key pairs and a complete, honest handshake.
import nacl from 'tweetnacl';
import {
  acceptHandshake,
  completeHandshake,
  createHandshakeInit,
  openHandshakeInit,
  verifyHandshakeProof,
  type KeyPair,
} from '../../protocol/channel/handshake.js';
import { SecureSession } from '../../protocol/channel/session.js';

export function keyPair(): KeyPair {
  return nacl.box.keyPair();
}

/** Runs message 1 → server checks → message 2 → agent completion; fails the test on any refusal. */
export function establish(
  options: { agent?: KeyPair; server?: KeyPair; timestamp?: number; maxCounter?: number } = {},
) {
  const agent = options.agent ?? keyPair();
  const server = options.server ?? keyPair();
  const initiator = createHandshakeInit({
    agentKeyPair: agent,
    serverPublicKey: server.publicKey,
    timestamp: options.timestamp ?? 1_700_000_000_000,
    agentVersion: '1.2.3',
  });
  const opened = openHandshakeInit(initiator.initMessage, server);
  if (!opened.ok) throw new Error(`openHandshakeInit failed: ${opened.reason}`);
  const staticShared = nacl.box.before(opened.agentPublicKey, server.secretKey);
  const proof = verifyHandshakeProof(opened, staticShared);
  if (!proof.ok) throw new Error(`verifyHandshakeProof failed: ${proof.reason}`);
  const serverSide = acceptHandshake(opened, staticShared, { maxCounter: options.maxCounter });
  const agentSide = completeHandshake(initiator, serverSide.responseMessage, options.maxCounter);
  if (!agentSide.ok) throw new Error(`completeHandshake failed: ${agentSide.reason}`);
  return { agent, server, initiator, opened, proof, serverSide, agentSide };
}

/** A bare session pair sharing fresh random keys, as the handshake would produce. */
export function sessionPair(options: { maxCounter?: number; serverMaxCounter?: number; now?: number } = {}) {
  const agentToServer = nacl.randomBytes(32);
  const serverToAgent = nacl.randomBytes(32);
  const agent = new SecureSession(
    {
      sendKey: agentToServer,
      receiveKey: serverToAgent,
      sendDirection: 'agent-to-server',
      receiveDirection: 'server-to-agent',
    },
    'test-session',
    options.maxCounter,
    options.now,
  );
  const server = new SecureSession(
    {
      sendKey: serverToAgent,
      receiveKey: agentToServer,
      sendDirection: 'server-to-agent',
      receiveDirection: 'agent-to-server',
    },
    'test-session',
    options.serverMaxCounter ?? options.maxCounter,
    options.now,
  );
  return { agent, server };
}
