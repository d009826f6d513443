// Wires the agent: loads its state, keeps one channel to the server open (reconnecting with
// backoff), sends heartbeats. `main.ts` only calls this; tests run real agents through it.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { hostname, release } from 'node:os';
import pino, { type Logger } from 'pino';
import { CloseCode, describeCloseCode } from '../protocol/close-codes.js';
import { DEFAULT_REKEY_AFTER_MESSAGES, DEFAULT_REKEY_AFTER_MS } from '../protocol/limits.js';
import { HELPLINE_VERSION } from '../protocol/version.js';
import { backoffDelay, retryAfterDelay } from './backoff.js';
import { openChannel, type AgentChannel, type ConnectFailure } from './channel-client.js';
import type { AgentConfig } from './config.js';
import { serverHandlers } from './handlers.js';
import { createJobRunner } from './jobs/job-runner.js';
import { createShellManager } from './shell/manager.js';
import { resolveRunAs } from './shell/run-as.js';
import type { Outbox } from './outbox/outbox-store.js';
import { currentPlatform } from './platform/index.js';
import { defaultSources } from './sources.js';
import { createAgentWork, type WorkSources } from './work.js';
import { createAgentState } from './state.js';

const REKEY_BUDGET = { maxMessages: DEFAULT_REKEY_AFTER_MESSAGES, maxAgeMs: DEFAULT_REKEY_AFTER_MS };

export type AgentStatus = 'stopped' | 'connecting' | 'online' | 'waiting' | 'revoked';

export interface AgentEvents {
  status: [AgentStatus, string];
  online: [{ sessionId: string; deviceId: string }];
  offline: [{ code: number; reason: string }];
  heartbeat: [{ rttMs: number }];
  revoked: [];
}

export interface Agent extends EventEmitter<AgentEvents> {
  readonly deviceId: string;
  readonly status: AgentStatus;
  /** Sessions established since start (reconnects and re-handshakes count). */
  readonly sessions: number;
  /** The durable outbox (for status and tests). */
  readonly outbox: Outbox;
  /** Collects inventory now and queues what changed. */
  checkInventory(): Promise<string[]>;
  start(): void;
  /** Stops for good: closes the channel and the outbox. */
  stop(): Promise<void>;
}

export interface BuildAgentOptions {
  logger?: Logger;
  /** Where inventory and health come from (default: this PC, through systeminformation). */
  sources?: WorkSources;
  random?: () => number;
  /** Tests lower this to reach the per-session frame limit. */
  maxCounter?: number;
}

export function buildAgent(config: AgentConfig, options: BuildAgentOptions = {}): Agent {
  const log = options.logger ?? pino({ level: config.logLevel, base: { component: 'agent' } });
  const random = options.random ?? Math.random;
  const state = createAgentState(config.stateDir);
  const loaded = state.load();
  const { identity } = loaded;
  const ca = identity.caFile ? readFileSync(identity.caFile) : undefined;
  const emitter = new EventEmitter<AgentEvents>();
  const work = createAgentWork(config, options.sources ?? defaultSources(currentPlatform()), log, random);

  let channel: AgentChannel | null = null;
  const jobs = createJobRunner({
    stateDir: config.stateDir,
    scriptsEnabled: config.scriptsEnabled,
    deviceId: identity.deviceId,
    signingPublicKey: loaded.jobSigningPublicKey,
    outbox: work.outbox,
    onEnqueued: work.notify,
    sendStarted: (jobId, startedAt) => void channel?.send('job.started', { jobId, startedAt }),
    afterJob: () => work.recheck(),
    log,
  });

  const runAs = resolveRunAs(config.shellRunAs);
  const shells = createShellManager({
    stateDir: config.stateDir,
    maxSessions: config.shellMaxSessions,
    log,
    ...(runAs ? { runAs } : {}),
  });

  let status: AgentStatus = 'stopped';
  let stoppedForGood = false;
  let attempt = 0;
  let sessions = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let silenceTimer: NodeJS.Timeout | null = null;

  const isStopped = () => status === 'stopped';
  const setStatus = (next: AgentStatus, detail: string) => {
    status = next;
    emitter.emit('status', next, detail);
  };

  const schedule = (delayMs: number, why: string) => {
    if (status === 'stopped' || status === 'revoked') return;
    log.info({ delayMs, why }, 'reconnecting later');
    retryTimer = setTimeout(() => void connect(), delayMs);
  };

  const onFailure = (failure: ConnectFailure) => {
    if (failure.kind === 'refused' && failure.code === 'device_revoked') return revoked(failure.message);
    if (failure.kind === 'refused' && failure.retryAfterSec !== undefined) {
      const waiting = failure.code === 'device_pending' || failure.code === 'device_denied';
      if (waiting)
        log.warn({ fingerprint: identity.fingerprint }, `${failure.message}; key fingerprint ${identity.fingerprint}`);
      else log.warn({ code: failure.code }, failure.message);
      setStatus('waiting', failure.code);
      return schedule(retryAfterDelay(failure.retryAfterSec, random), failure.code);
    }
    log.warn({ failure }, 'connection attempt failed');
    setStatus('waiting', failure.kind === 'refused' ? failure.code : failure.kind);
    schedule(
      backoffDelay(attempt++, { baseMs: config.reconnectBaseMs, capMs: config.reconnectCapMs }, random),
      failure.kind,
    );
  };

  const revoked = (message: string) => {
    log.error(`${message}; this agent will not reconnect`);
    setStatus('revoked', message);
    emitter.emit('revoked');
  };

  const clearTimers = () => {
    for (const timer of [retryTimer, heartbeatTimer, silenceTimer]) if (timer) clearTimeout(timer);
    retryTimer = heartbeatTimer = silenceTimer = null;
  };

  async function connect(): Promise<void> {
    retryTimer = null;
    if (status === 'stopped' || status === 'revoked') return;
    setStatus('connecting', identity.serverUrl);
    const result = await openChannel({
      serverUrl: identity.serverUrl,
      keyPair: loaded.keyPair,
      serverPublicKey: loaded.serverPublicKey,
      timestamp: state.nextHandshakeTimestamp(),
      agentVersion: HELPLINE_VERSION,
      hello: {
        agentVersion: HELPLINE_VERSION,
        hostname: hostname().slice(0, 255),
        platform: process.platform,
        osRelease: release().slice(0, 128),
        arch: process.arch,
      },
      timeoutMs: config.connectTimeoutMs,
      ...(ca ? { ca } : {}),
      ...(options.maxCounter !== undefined ? { maxCounter: options.maxCounter } : {}),
    });
    if (isStopped()) {
      if (result.ok) result.channel.close(CloseCode.GoingAway, 'agent stopping');
      return;
    }
    if (!result.ok) return onFailure(result.failure);
    attach(result.channel);
  }

  function attach(opened: AgentChannel) {
    channel = opened;
    attempt = 0;
    sessions++;
    const heartbeatMs = config.heartbeatIntervalMs ?? opened.welcome.heartbeatIntervalMs;
    const context = {
      log,
      work,
      jobs,
      shells,
      onHeartbeatAck: (rttMs: number) => emitter.emit('heartbeat', { rttMs }),
    };
    // A server that stays silent for 2.5 heartbeats is gone even if TCP has not noticed.
    const armSilence = () => {
      if (silenceTimer) clearTimeout(silenceTimer);
      silenceTimer = setTimeout(() => opened.close(CloseCode.HeartbeatTimeout, 'server silent'), heartbeatMs * 2.5);
    };
    const beat = () => {
      // ±20 % jitter keeps a fleet that started together from beating together.
      heartbeatTimer = setTimeout(
        () => {
          if (opened.session.budgetSpent(REKEY_BUDGET)) return opened.close(CloseCode.Rekey, 'session budget spent');
          opened.send('agent.heartbeat', { sentAt: Date.now() });
          beat();
        },
        heartbeatMs * (0.8 + 0.4 * random()),
      );
    };
    opened.onMessage((message) => {
      armSilence();
      (serverHandlers[message.type] as (c: typeof context, b: unknown) => void)(context, message.body);
    });
    opened.onClose((code, reason) => {
      channel = null;
      work.detach();
      shells.detach();
      clearTimers();
      log.info({ code, reason: reason || describeCloseCode(code) }, 'channel closed');
      emitter.emit('offline', { code, reason });
      if (status === 'stopped') return;
      if (code === CloseCode.DeviceRevoked) return revoked('the server revoked this device');
      setStatus('waiting', describeCloseCode(code));
      // A re-handshake is due now; after any other drop, wait a random moment first.
      if (code === CloseCode.Rekey) return schedule(0, 'rekey');
      schedule(Math.floor(random() * config.firstReconnectMaxMs), describeCloseCode(code));
    });
    armSilence();
    beat();
    work.applyPolicy(opened.welcome.policy);
    work.attach({ send: (type, body, id) => opened.send(type, body, id) });
    shells.attach((type, body) => opened.send(type, body));
    setStatus('online', opened.sessionId);
    log.info({ deviceId: identity.deviceId, sessionId: opened.sessionId }, 'connected');
    emitter.emit('online', { sessionId: opened.sessionId, deviceId: identity.deviceId });
  }

  // defineProperties, not Object.assign: assign would copy the getters' values once.
  return Object.defineProperties(emitter, {
    deviceId: { get: () => identity.deviceId },
    status: { get: () => status },
    sessions: { get: () => sessions },
    start: {
      value() {
        if (status !== 'stopped' || stoppedForGood) return;
        work.start();
        setStatus('connecting', identity.serverUrl);
        void connect();
      },
    },
    outbox: { get: () => work.outbox },
    checkInventory: { value: () => work.reporter.check() },
    stop: {
      async value() {
        if (status === 'stopped' && stoppedForGood) return;
        stoppedForGood = true;
        setStatus('stopped', 'stopped');
        clearTimers();
        const open = channel;
        channel = null;
        if (open) {
          await new Promise<void>((resolve) => {
            open.onClose(() => resolve());
            open.close(CloseCode.GoingAway, 'agent stopping');
            setTimeout(resolve, 1000).unref();
          });
        }
        shells.stop();
        await jobs.stop();
        await work.stop();
      },
    },
  }) as Agent;
}
