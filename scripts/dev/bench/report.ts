// The figures of one bench run: gathered into one object (printed as-is with --json) and laid out
// as a human-readable block.
import type { LatencySummary } from './percentiles.js';
import type { ConnectPhaseOutcome, EnrollmentOutcome, EventLoopLag, SwarmReport } from './swarm-protocol.js';

type HealthWindow = LatencySummary & { failures: number };

export interface ServerSamples {
  rssBaselineKiB: number | null;
  rssAfterEnrollmentKiB: number | null;
  rssAfterConnectKiB: number | null;
  rssEndKiB: number | null;
  rssPeakKiB: number | null;
  /** Server CPU time spent between the first connection attempt and the end of the connect phase. */
  connectPhaseCpuMs: number | null;
  /** GET /api/health latency from the idle orchestrator, and the server's own count of agents online. */
  health: { duringConnect: HealthWindow; steady: HealthWindow; agentsOnlineAtEnd: number | null };
  logCounts: Record<string, number>;
  stop: { ms: number; clean: boolean } | null;
}

export interface BenchResult {
  agents: number;
  durationSec: number;
  heartbeatIntervalSec: number;
  fdLimit: number | null;
  enrollment: EnrollmentOutcome & { perSecond: number };
  connect: ConnectPhaseOutcome & {
    handshakesPerSecond: number | null;
    serverCpuMsPerAttempt: number | null;
    swarmCpuMsPerAttempt: number | null;
  };
  swarm: SwarmReport & { rssEndKiB: number | null };
  server: ServerSamples & { rssPerAgentKiB: number | null; rssPerAgentSinceEnrollmentKiB: number | null };
}

export function buildResult(input: {
  agents: number;
  durationSec: number;
  heartbeatIntervalSec: number;
  fdLimit: number | null;
  enrollment: EnrollmentOutcome;
  connect: ConnectPhaseOutcome;
  swarm: SwarmReport;
  swarmRssEndKiB: number | null;
  server: ServerSamples;
}): BenchResult {
  const { connect, server, swarm } = input;
  const perAgent = (from: number | null) =>
    from !== null && server.rssEndKiB !== null && swarm.connectedAtEnd > 0
      ? round((server.rssEndKiB - from) / swarm.connectedAtEnd)
      : null;
  const perAttempt = (cpuMs: number | null) =>
    cpuMs !== null && connect.attempts > 0 ? round(cpuMs / connect.attempts) : null;
  const connectWindowMs = connect.timeToConnectAllMs ?? connect.elapsedMs;
  return {
    agents: input.agents,
    durationSec: input.durationSec,
    heartbeatIntervalSec: input.heartbeatIntervalSec,
    fdLimit: input.fdLimit,
    enrollment: {
      ...input.enrollment,
      elapsedMs: Math.round(input.enrollment.elapsedMs),
      perSecond: round(input.enrollment.enrolled / (input.enrollment.elapsedMs / 1000)),
    },
    connect: {
      ...connect,
      timeToConnectAllMs: connect.timeToConnectAllMs === null ? null : Math.round(connect.timeToConnectAllMs),
      elapsedMs: Math.round(connect.elapsedMs),
      swarmCpuMs: Math.round(connect.swarmCpuMs),
      handshakesPerSecond: connectWindowMs > 0 ? round(connect.handshakes / (connectWindowMs / 1000)) : null,
      serverCpuMsPerAttempt: perAttempt(server.connectPhaseCpuMs),
      swarmCpuMsPerAttempt: perAttempt(connect.swarmCpuMs),
    },
    swarm: { ...swarm, rssEndKiB: input.swarmRssEndKiB },
    server: {
      ...server,
      rssPerAgentKiB: perAgent(server.rssBaselineKiB),
      rssPerAgentSinceEnrollmentKiB: perAgent(server.rssAfterEnrollmentKiB),
    },
  };
}

const INDENT = '\n                   ';

export function formatResult(result: BenchResult): string {
  const { enrollment, connect, swarm, server } = result;
  const lines = [
    `Helpline agent bench: ${result.agents} agents, held ${result.durationSec} s after the connect phase, heartbeat every ${result.heartbeatIntervalSec} s ±20 %`,
    '',
    `Enrollment         ${enrollment.enrolled} of ${result.agents} in ${seconds(enrollment.elapsedMs)} (${enrollment.perSecond}/s)${counts(enrollment.failures, '; failed: ')}`,
    `Connected          ${connect.everConnected} of ${enrollment.enrolled} in the connect phase; ${swarm.connectedAtEnd} still connected at the end`,
    `Time to connect    ${connect.timeToConnectAllMs === null ? `not all within ${seconds(connect.elapsedMs)}` : seconds(connect.timeToConnectAllMs)} from the first attempt (${connect.handshakesPerSecond} handshakes/s)`,
    `  attempts         ${connect.attempts}; CPU per attempt: server ${ms(connect.serverCpuMsPerAttempt)}, swarm ${ms(connect.swarmCpuMsPerAttempt)}`,
    `  swarm loop lag   ${lag(connect.swarmEventLoopLag)}`,
    `Handshake failures ${counts(swarm.handshakeFailures, '', INDENT) || 'none'}`,
    `Disconnects        ${counts(swarm.disconnects, '', INDENT) || 'none'}`,
    '',
    `Server RSS         ${kib(server.rssBaselineKiB)} before agents, ${kib(server.rssAfterEnrollmentKiB)} after enrollment, ${kib(server.rssAfterConnectKiB)} after connecting, ${kib(server.rssEndKiB)} at the end (peak ${kib(server.rssPeakKiB)})`,
    `  per agent        ${server.rssPerAgentKiB ?? '?'} KiB from before agents, ${server.rssPerAgentSinceEnrollmentKiB ?? '?'} KiB from after enrollment`,
    `Server /api/health ${health(server.health.steady)} after the connect phase; server counts ${server.health.agentsOnlineAtEnd ?? '?'} agents online`,
    `  during connect   ${health(server.health.duringConnect)}`,
    `Heartbeat RTT      ${latency(swarm.steadyRoundTrip, 'no samples (raise --duration or lower --heartbeat-interval)')}`,
    `  during connect   ${latency(swarm.connectPhaseRoundTrip)}`,
    `  heartbeats sent  ${swarm.heartbeatsSent}${counts(swarm.serverErrors, '; server errors: ')}`,
    '',
    `Swarm RSS          ${kib(swarm.rssEndKiB)} at the end; event-loop lag after the connect phase ${lag(swarm.swarmEventLoopLag)}`,
    `Server log         ${counts(server.logCounts, '', INDENT) || 'nothing at warn or above'}`,
    `Server stop        ${server.stop ? `${server.stop.clean ? 'clean' : 'NOT clean'} in ${server.stop.ms} ms` : 'not stopped'}`,
  ];
  if (swarm.emfile || connect.emfile) {
    lines.push(
      '',
      `EMFILE: the swarm ran out of file descriptors (ulimit -n is ${result.fdLimit ?? 'unknown'}). Each agent holds one socket in the swarm and one in`,
      'the server, which has the same limit: "socket hang up" and ECONNRESET failures mean the server ran out as well.',
    );
  }
  return lines.join('\n');
}

function latency(summary: LatencySummary, whenEmpty = 'no samples'): string {
  if (summary.samples === 0) return whenEmpty;
  return `p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, max ${summary.maxMs} ms (${summary.samples} samples)`;
}

function counts(tally: Record<string, number>, prefix = '', separator = ', '): string {
  const entries = Object.entries(tally);
  return entries.length === 0 ? '' : prefix + entries.map(([reason, count]) => `${count} × ${reason}`).join(separator);
}

const health = (window: HealthWindow) =>
  `${latency(window)}${window.failures > 0 ? `; ${window.failures} probes failed` : ''}`;
const lag = (value: EventLoopLag) => `p50 ${value.p50Ms} ms, p99 ${value.p99Ms} ms, max ${value.maxMs} ms`;
const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(2)} s`;
const ms = (value: number | null) => (value === null ? '?' : `${value} ms`);
const kib = (value: number | null) => (value === null ? '?' : `${(value / 1024).toFixed(1)} MiB`);
const round = (value: number) => Math.round(value * 100) / 100;
