// The simulated agents once enrolled: connect them with the real handshake (openChannel), at most
// `connectConcurrency` attempts in flight, obeying the server's "busy, retry after N" the way the
// real agent does; then keep each one beating and time every heartbeat.ack.
import { release } from 'node:os';
import { performance } from 'node:perf_hooks';
import { backoffDelay, retryAfterDelay } from '../../../agent/backoff.js';
import { openChannel, type AgentChannel, type ConnectFailure } from '../../../agent/channel-client.js';
import { CloseCode, describeCloseCode } from '../../../protocol/close-codes.js';
import { HELPLINE_VERSION } from '../../../protocol/version.js';
import { LatencySamples, Tally } from './percentiles.js';
import { networkReason, type SimulatedIdentity } from './swarm-enroll.js';

/** Same defaults as the real agent (agent/config.ts). */
const ATTEMPT_TIMEOUT_MS = 15_000;
const BACKOFF = { baseMs: 1000, capMs: 60_000 };
const FIRST_RECONNECT_MAX_MS = 5000;
/** Refusals that retrying cannot cure; such an agent stops trying so the connect phase can end. */
const HOPELESS = new Set(['unknown_key', 'device_revoked', 'device_denied', 'device_pending', 'bad_handshake']);

interface SimulatedAgent {
  identity: SimulatedIdentity;
  /** Handshake timestamps must grow per identity; Date.now() alone repeats within a millisecond. */
  lastHandshakeTs: number;
  failedAttempts: number;
  channel: AgentChannel | null;
  everConnected: boolean;
  heartbeatTimer: NodeJS.Timeout | null;
}

export interface FleetSettings {
  serverUrl: string;
  serverPublicKey: Uint8Array;
  connectConcurrency: number;
  heartbeatIntervalMs: number;
}

/** Wall-clock ms with sub-millisecond resolution, so that short round trips are not rounded to 0 or 1. */
const preciseNow = () => performance.timeOrigin + performance.now();

export class AgentFleet {
  readonly failures = new Tally();
  readonly disconnects = new Tally();
  readonly serverErrors = new Tally();
  readonly steadyRoundTrip = new LatencySamples();
  readonly connectPhaseRoundTrip = new LatencySamples();
  connected = 0;
  everConnected = 0;
  gaveUp = 0;
  attempts = 0;
  handshakes = 0;
  heartbeatsSent = 0;
  emfile = false;
  firstAttemptAt: number | null = null;
  lastFirstConnectAt: number | null = null;
  /** Set by the swarm once the connect phase is over; splits the round-trip samples. */
  connectPhaseOver = false;

  private readonly agents: SimulatedAgent[];
  private readonly queue: SimulatedAgent[] = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private stopped = false;
  private settledListeners: Array<() => void> = [];

  constructor(
    identities: SimulatedIdentity[],
    private readonly settings: FleetSettings,
  ) {
    this.agents = identities.map((identity) => ({
      identity,
      lastHandshakeTs: 0,
      failedAttempts: 0,
      channel: null,
      everConnected: false,
      heartbeatTimer: null,
    }));
  }

  get size(): number {
    return this.agents.length;
  }

  /** Starts connecting everyone; resolves once every agent connected once or gave up. */
  connectAll(): Promise<void> {
    this.firstAttemptAt = performance.now();
    this.queue.push(...this.agents);
    const settled = new Promise<void>((resolve) => this.settledListeners.push(resolve));
    this.checkSettled();
    this.pump();
    return settled;
  }

  /** Stops all attempts and heartbeats, then closes every channel; resolves when closed or after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    const closing: Array<Promise<void>> = [];
    for (const agent of this.agents) {
      if (agent.heartbeatTimer) clearTimeout(agent.heartbeatTimer);
      const channel = agent.channel;
      if (!channel) continue;
      closing.push(new Promise((resolve) => channel.onClose(() => resolve())));
      channel.close(CloseCode.GoingAway, 'bench finished');
    }
    await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  }

  private pump(): void {
    while (!this.stopped && this.inFlight < this.settings.connectConcurrency && this.queue.length > 0) {
      void this.attempt(this.queue.shift()!);
    }
  }

  private async attempt(agent: SimulatedAgent): Promise<void> {
    this.inFlight++;
    this.attempts++;
    agent.lastHandshakeTs = Math.max(Date.now(), agent.lastHandshakeTs + 1);
    const result = await openChannel({
      serverUrl: this.settings.serverUrl,
      keyPair: agent.identity.keyPair,
      serverPublicKey: this.settings.serverPublicKey,
      timestamp: agent.lastHandshakeTs,
      agentVersion: HELPLINE_VERSION,
      hello: {
        agentVersion: HELPLINE_VERSION,
        hostname: agent.identity.hostname,
        platform: process.platform,
        osRelease: release().slice(0, 128),
        arch: process.arch,
      },
      timeoutMs: ATTEMPT_TIMEOUT_MS,
    });
    this.inFlight--;
    if (this.stopped) {
      if (result.ok) result.channel.close(CloseCode.GoingAway, 'bench finished');
    } else if (result.ok) {
      this.attach(agent, result.channel);
    } else {
      this.onFailure(agent, result.failure);
    }
    this.pump();
  }

  private attach(agent: SimulatedAgent, channel: AgentChannel): void {
    this.handshakes++;
    this.connected++;
    agent.channel = channel;
    agent.failedAttempts = 0;
    if (!agent.everConnected) {
      agent.everConnected = true;
      this.everConnected++;
      this.lastFirstConnectAt = performance.now();
      this.checkSettled();
    }
    channel.onMessage((message) => {
      if (message.type === 'heartbeat.ack') {
        const samples = this.connectPhaseOver ? this.steadyRoundTrip : this.connectPhaseRoundTrip;
        samples.add(preciseNow() - message.body.sentAt);
      } else if (message.type === 'server.error') {
        this.serverErrors.add(message.body.code);
      }
    });
    channel.onClose((code, reason) => {
      agent.channel = null;
      this.connected--;
      if (agent.heartbeatTimer) clearTimeout(agent.heartbeatTimer);
      if (this.stopped) return;
      this.disconnects.add(`${code} ${reason || describeCloseCode(code)}`);
      this.retryLater(agent, code === CloseCode.Rekey ? 0 : Math.floor(Math.random() * FIRST_RECONNECT_MAX_MS));
    });
    // The first beat falls anywhere in one interval: a fleet in steady state has its phases spread
    // evenly, while beating exactly one interval after connecting would replay the connect burst.
    this.scheduleHeartbeat(agent, Math.random() * this.settings.heartbeatIntervalMs);
  }

  private scheduleHeartbeat(agent: SimulatedAgent, delayMs: number): void {
    agent.heartbeatTimer = setTimeout(() => {
      if (!agent.channel || this.stopped) return;
      if (agent.channel.send('agent.heartbeat', { sentAt: preciseNow() })) this.heartbeatsSent++;
      // ±20 % jitter, as the real agent does.
      this.scheduleHeartbeat(agent, this.settings.heartbeatIntervalMs * (0.8 + 0.4 * Math.random()));
    }, delayMs);
  }

  private onFailure(agent: SimulatedAgent, failure: ConnectFailure): void {
    this.failures.add(failureReason(failure));
    if (failure.kind === 'network' && /EMFILE/.test(failure.message)) this.emfile = true;
    if (failure.kind === 'refused' && HOPELESS.has(failure.code)) {
      this.gaveUp++;
      this.checkSettled();
      return;
    }
    const delay =
      failure.kind === 'refused' && failure.retryAfterSec !== undefined
        ? retryAfterDelay(failure.retryAfterSec)
        : backoffDelay(agent.failedAttempts++, BACKOFF);
    this.retryLater(agent, delay);
  }

  private retryLater(agent: SimulatedAgent, delayMs: number): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.queue.push(agent);
      this.pump();
    }, delayMs);
    this.retryTimers.add(timer);
  }

  private checkSettled(): void {
    if (this.everConnected + this.gaveUp < this.agents.length) return;
    for (const listener of this.settledListeners.splice(0)) listener();
  }
}

function failureReason(failure: ConnectFailure): string {
  if (failure.kind === 'refused') return `refused ${failure.code} (HTTP ${failure.status})`;
  if (failure.kind === 'network') return `network ${networkReason(new Error(failure.message))}`;
  return `handshake ${failure.message}`;
}
