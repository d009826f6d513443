// The agent endpoint: authenticates each agent during the HTTP upgrade (handshake message 1 in a
// request header, message 2 in the 101 response), then keeps one AgentConnection per device and
// hands each message to the one feature that handles its type (see agents.ts).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import nacl from 'tweetnacl';
import { WebSocketServer } from 'ws';
import { fromBase64Url, toBase64Url } from '../../protocol/bytes.js';
import {
  acceptHandshake,
  MAX_HANDSHAKE_INIT_BYTES,
  openHandshakeInit,
  verifyHandshakeProof,
} from '../../protocol/channel/handshake.js';
import { CloseCode, HANDSHAKE_HEADER } from '../../protocol/close-codes.js';
import type { AgentToServerBody, AgentToServerMessage } from '../../protocol/envelope.js';
import { encodeKey } from '../../protocol/keys.js';
import { MAX_FRAME_BYTES } from '../../protocol/limits.js';
import type { AgentPolicy } from '../../protocol/messages/policy.js';
import type { ServerConfig } from '../config.js';
import { nativeX25519 } from '../crypto/native-x25519.js';
import { createEvents } from '../events.js';
import { createAdmission } from './admission.js';
import { AgentConnection } from './agent-connection.js';
import type { AgentEvents, AgentHandlers, Agents, FeatureMessageType } from './agents.js';
import { createPresence, type PresenceWriter } from './presence.js';
import { refuseUpgrade } from './upgrade-refusal.js';

const RESPONSE = Symbol('helpline.handshakeResponse');

/** A device as the handshake sees it. */
export interface HubDevice {
  id: string;
  name: string;
  group: string;
  status: 'pending' | 'active' | 'denied' | 'revoked';
  statusReason: string | null;
  lastHandshakeTs: number;
}

/** The enrolled devices: who an agent key belongs to, and where presence is written. */
export interface DeviceDirectory extends PresenceWriter {
  byPublicKey(publicKey: string): HubDevice | undefined;
}

/** Refused handshakes of known devices are security events. */
export interface AuditLog {
  record(entry: { actor: string; action: string; target?: string | null; detail?: Record<string, unknown> }): void;
}

export interface AgentHubDeps {
  config: ServerConfig;
  channelKeys: nacl.BoxKeyPair;
  devices: DeviceDirectory;
  audit: AuditLog;
  /** What the device is asked to do (intervals, its group's checks); sent in the welcome. */
  policyFor: (device: HubDevice) => AgentPolicy;
  log: FastifyBaseLogger;
  /** The clock of heartbeat answers (tests pass a fake one). */
  now: () => number;
}

export function createAgentHub(deps: AgentHubDeps) {
  const { config, log } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  });
  wss.on('headers', (headers, request) => {
    const response = (request as IncomingMessage & { [RESPONSE]?: string })[RESPONSE];
    if (response) headers.push(`${HANDSHAKE_HEADER}: ${response}`);
  });
  const admission = createAdmission({ maxPending: config.maxPendingHandshakes, perSecond: config.handshakesPerSecond });
  const connections = new Map<string, AgentConnection>();
  const pending = new Set<AgentConnection>();
  // nacl.box.before(agentKey, serverSecret) costs a scalar multiplication; it never changes per device.
  const staticShared = new Map<string, Uint8Array>();
  const rekeyBudget = { maxMessages: config.rekeyAfterMessages, maxAgeMs: config.rekeyAfterMs };
  const presence = createPresence({
    devices: deps.devices,
    flushMs: config.presenceFlushMs,
    onFlushError: (error) => log.error({ err: error }, 'presence flush failed; will retry'),
  });
  const events = createEvents<AgentEvents>();
  // Given once the features are built (the agent-messages plugin), before the server listens.
  let handlers: AgentHandlers | null = null;

  type FeatureMessage<K extends FeatureMessageType> = { id: string; type: K; body: AgentToServerBody<K> };
  const handOver = <K extends FeatureMessageType>(agent: AgentConnection, message: FeatureMessage<K>) => {
    if (!handlers) throw new Error(`no handlers yet for ${message.type}`);
    const handler: AgentHandlers[K] = handlers[message.type];
    return handler(agent, message.body, message);
  };
  const receive = (agent: AgentConnection, message: AgentToServerMessage) => {
    // Any message means the device is there; the database sees it at the next presence flush.
    presence.touch(agent.deviceId);
    if (message.type === 'agent.hello') return events.emit('hello', agent, message.body);
    if (message.type === 'agent.heartbeat') {
      agent.send('heartbeat.ack', { sentAt: message.body.sentAt, serverTime: deps.now() });
      return;
    }
    return handOver(agent, message);
  };

  const hooks = {
    receive,
    log,
    rekeyBudget,
    onConfirmed(connection: AgentConnection) {
      if (pending.delete(connection)) admission.release();
      const previous = connections.get(connection.deviceId);
      connections.set(connection.deviceId, connection);
      previous?.close(CloseCode.Replaced, 'replaced by a newer session');
      presence.connected(connection.deviceId);
      log.info({ deviceId: connection.deviceId, sessionId: connection.sessionId }, 'agent connected');
    },
    onClosed(connection: AgentConnection) {
      if (pending.delete(connection)) admission.release();
      if (connections.get(connection.deviceId) !== connection) return;
      connections.delete(connection.deviceId);
      presence.disconnected(connection.deviceId);
      log.info({ deviceId: connection.deviceId, sessionId: connection.sessionId }, 'agent disconnected');
      events.emit('disconnected', connection.deviceId);
    },
  };

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (!admission.tryAdmit()) {
      log.warn({ pending: admission.pending }, 'handshake refused: busy');
      return refuseUpgrade(socket, 'busy', 'server busy; retry later', config.busyRetryAfterSec);
    }
    let admitted = true;
    const refuse = (...args: Parameters<typeof refuseUpgrade> extends [unknown, ...infer Rest] ? Rest : never) => {
      if (admitted) admission.release();
      admitted = false;
      log.warn({ address: request.socket.remoteAddress, code: args[0], reason: args[1] }, 'agent handshake refused');
      refuseUpgrade(socket, ...args);
    };
    const header = request.headers[HANDSHAKE_HEADER];
    const initMessage =
      typeof header === 'string' && header.length <= MAX_HANDSHAKE_INIT_BYTES * 2 ? fromBase64Url(header) : null;
    if (!initMessage) return refuse('bad_handshake', `missing or malformed ${HANDSHAKE_HEADER} header`);
    const opened = openHandshakeInit(initMessage, deps.channelKeys, nativeX25519);
    if (!opened.ok) return refuse('bad_handshake', opened.reason);

    const agentKey = encodeKey(opened.agentPublicKey);
    const device = deps.devices.byPublicKey(agentKey);
    if (!device) return refuse('unknown_key', 'this agent key is not enrolled here');
    if (device.status === 'revoked') {
      deps.audit.record({
        actor: device.id,
        action: 'device.refused',
        target: device.id,
        detail: { reason: 'revoked' },
      });
      return refuse('device_revoked', 'this device was revoked; enroll it again to use it');
    }
    if (device.status === 'pending')
      return refuse('device_pending', 'waiting for an admin to approve this device', config.pendingRetryAfterSec);
    if (device.status === 'denied')
      return refuse(
        'device_denied',
        `denied until an admin decides: ${device.statusReason ?? ''}`,
        config.pendingRetryAfterSec,
      );

    let shared = staticShared.get(device.id);
    if (!shared) {
      shared = nativeX25519.before(opened.agentPublicKey, deps.channelKeys.secretKey);
      staticShared.set(device.id, shared);
    }
    const proof = verifyHandshakeProof(opened, shared);
    if (!proof.ok) return refuse('bad_handshake', proof.reason);
    if (proof.timestamp <= presence.lastHandshakeTs(device.id, device.lastHandshakeTs)) {
      deps.audit.record({
        actor: device.id,
        action: 'device.refused',
        target: device.id,
        detail: { reason: 'stale_handshake' },
      });
      return refuse('stale_handshake', 'handshake timestamp is not newer than the last one (replay?)');
    }
    presence.recordHandshake(device.id, proof.timestamp);

    const channel = acceptHandshake(opened, shared, { x25519: nativeX25519 });
    (request as IncomingMessage & { [RESPONSE]?: string })[RESPONSE] = toBase64Url(channel.responseMessage);
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new AgentConnection(
        device.id,
        device.name,
        ws,
        channel.session,
        channel.transcriptHash,
        hooks,
      );
      pending.add(connection);
      const confirmTimer = setTimeout(() => {
        if (!connection.confirmed) connection.close(CloseCode.HandshakeTimeout, 'no hello in time');
      }, config.handshakeConfirmTimeoutMs);
      confirmTimer.unref();
      ws.once('close', () => clearTimeout(confirmTimer));
      connection.send('server.welcome', {
        transcript: connection.transcript,
        deviceId: device.id,
        deviceName: device.name,
        heartbeatIntervalMs: config.heartbeatIntervalMs,
        serverTime: Date.now(),
        policy: deps.policyFor(device),
      });
    });
  }

  const pingTimer = setInterval(() => {
    for (const connection of [...connections.values(), ...pending]) {
      if (!connection.alive) {
        connection.terminate('missed pong');
        continue;
      }
      connection.alive = false;
      connection.ping();
    }
  }, config.pingIntervalMs);
  pingTimer.unref();

  const agents: Agents = {
    on: events.on,
    send: (deviceId, type, body) => connections.get(deviceId)?.send(type, body) ?? false,
    isOnline: (deviceId) => connections.has(deviceId),
    lastSeenAt: (deviceId) => presence.lastSeenAt(deviceId),
    onlineCount: () => connections.size,
    disconnect(deviceId, code, reason) {
      staticShared.delete(deviceId);
      connections.get(deviceId)?.close(code, reason);
      for (const connection of pending) if (connection.deviceId === deviceId) connection.close(code, reason);
    },
  };

  return {
    ...agents,
    handleUpgrade,
    /** Every feature message type's handler, once; the type makes a missing one a compile error. */
    takeHandlers(all: AgentHandlers): void {
      if (handlers) throw new Error('the agent message handlers were given already');
      handlers = all;
    },
    /** Whether takeHandlers was called (a server built without agentMessagesPlugin does not start). */
    hasHandlers: () => handlers !== null,
    /** Tells every agent the server is going away, and waits briefly for the sockets to close. */
    async close(): Promise<void> {
      clearInterval(pingTimer);
      const open = [...connections.values(), ...pending];
      await Promise.all(
        open.map((connection) => connection.closeAndWait(CloseCode.GoingAway, 'server shutting down', 1000)),
      );
      presence.stop();
    },
  };
}
export type AgentHub = ReturnType<typeof createAgentHub>;
