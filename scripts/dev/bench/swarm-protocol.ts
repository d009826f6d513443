// Messages between the orchestrator (bench-agents.ts) and the swarm process (agent-swarm.ts),
// over the IPC channel of child_process.fork. The swarm moves phase by phase only when told, so
// that the orchestrator can sample the server between phases.
import type { LatencySummary } from './percentiles.js';

export interface EventLoopLag {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface SwarmSettings {
  /** Enrollment token text (carries the server URL and pinned keys). */
  token: string;
  agents: number;
  enrollConcurrency: number;
  connectConcurrency: number;
  connectTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Distinguishes this run's machine ids from any other's. */
  runId: string;
}

export type ToSwarm =
  | { type: 'enroll'; settings: SwarmSettings }
  | { type: 'connect' }
  /** Stop heartbeats, report, close every channel and exit. */
  | { type: 'finish' };

export interface EnrollmentOutcome {
  enrolled: number;
  elapsedMs: number;
  failures: Record<string, number>;
}

export interface ConnectPhaseOutcome {
  /** Agents that completed a handshake at least once. */
  everConnected: number;
  /** From the first connection attempt until the last agent first connected; null if some never did. */
  timeToConnectAllMs: number | null;
  elapsedMs: number;
  /** Handshakes the swarm completed in the phase (successful ones). */
  handshakes: number;
  /** Connection attempts made in the phase, successful or not. */
  attempts: number;
  swarmCpuMs: number;
  /** The swarm's own event-loop lag (ms) in the phase: where the connect queue was not waiting. */
  swarmEventLoopLag: EventLoopLag;
  /** The swarm hit EMFILE (too many open files) while connecting. */
  emfile: boolean;
}

export interface SwarmReport {
  connectedAtEnd: number;
  everConnected: number;
  attempts: number;
  handshakeFailures: Record<string, number>;
  /** Channels that closed after being established, by close code. */
  disconnects: Record<string, number>;
  serverErrors: Record<string, number>;
  heartbeatsSent: number;
  /** Round trips measured after the connect phase: the steady state. */
  steadyRoundTrip: LatencySummary;
  /** Round trips measured while other agents were still handshaking. */
  connectPhaseRoundTrip: LatencySummary;
  /** The swarm's own event-loop lag (ms) after the connect phase; it inflates the round trips it measures. */
  swarmEventLoopLag: EventLoopLag;
  emfile: boolean;
}

export type FromSwarm =
  | { type: 'enrolled'; outcome: EnrollmentOutcome }
  | { type: 'progress'; connected: number; target: number; failures: number }
  | { type: 'connect-phase-done'; outcome: ConnectPhaseOutcome }
  | { type: 'report'; report: SwarmReport }
  | { type: 'fatal'; message: string };
