// The figures of one bench run: gathered into one object (printed as-is with --json) and laid out
// as a human-readable block.
import type { LatencySummary } from './percentiles.js';
import type { ConnectPhaseOutcome, EnrollmentOutcome, SwarmReport } from './swarm-protocol.js';

export interface ServerSamples {
  rssBaselineKiB: number | null;
  rssAfterEnrollmentKiB: number | null;
  rssEndKiB: number | null;
  /** Server CPU time spent between the first connection attempt and the end of the connect phase. */
  connectPhaseCpuMs: number | null;
  logCounts: Record<string, number>;
  stop: { ms: number; clean: boolean } | null;
}

export interface BenchResult {
  agents: number;
  durationSec: number;
  heartbeatIntervalSec: number;
  fdLimit: number | null;
  enrollment: EnrollmentOutcome & { perSecond: number };
  connect: ConnectPhaseOutcome & { handshakesPerSecond: number | null; serverCpuMsPerHandshake: number | null; swarmCpuMsPerHandshake: number | null };
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
    from !== null && server.rssEndKiB !== null && swarm.connectedAtEnd > 0 ? round((server.rssEndKiB - from) / swarm.connectedAtEnd) : null;
  const perHandshake = (cpuMs: number | null) => (cpuMs !== null && connect.attempts > 0 ? round(cpuMs / connect.attempts) : null);
  return {
    agents: input.agents,
    durationSec: input.durationSec,
    heartbeatIntervalSec: input.heartbeatIntervalSec,
    fdLimit: input.fdLimit,
    enrollment: { ...input.enrollment, elapsedMs: Math.round(input.enrollment.elapsedMs), perSecond: round(input.enrollment.enrolled / (input.enrollment.elapsedMs / 1000)) },
    connect: {
      ...connect,
      timeToConnectAllMs: connect.timeToConnectAllMs === null ? null : Math.round(connect.timeToConnectAllMs),
      elapsedMs: Math.round(connect.elapsedMs),
      swarmCpuMs: Math.round(connect.swarmCpuMs),
      handshakesPerSecond: connect.elapsedMs > 0 ? round(connect.handshakes / (Math.min(connect.elapsedMs, connect.timeToConnectAllMs ?? Infinity) / 1000)) : null,
      serverCpuMsPerHandshake: perHandshake(server.connectPhaseCpuMs),
      swarmCpuMsPerHandshake: perHandshake(connect.swarmCpuMs),
    },
    swarm: { ...swarm, rssEndKiB: input.swarmRssEndKiB, swarmEventLoopDelay: mapValues(swarm.swarmEventLoopDelay, round) },
    server: { ...server, rssPerAgentKiB: perAgent(server.rssBaselineKiB), rssPerAgentSinceEnrollmentKiB: perAgent(server.rssAfterEnrollmentKiB) },
  };
}

export function formatResult(result: BenchResult): string {
  const { enrollment, connect, swarm, server } = result;
  const lines = [
    `Helpline agent bench: ${result.agents} agents, ${result.durationSec} s after the connect phase, heartbeat every ${result.heartbeatIntervalSec} s ±20 %`,
    '',
    `Enrollment        ${enrollment.enrolled} of ${result.agents} in ${seconds(enrollment.elapsedMs)} (${enrollment.perSecond}/s)${failures(enrollment.failures)}`,
    `Connected         ${connect.everConnected} of ${enrollment.enrolled} during the connect phase; ${swarm.connectedAtEnd} still connected at the end`,
    `Time to connect   ${connect.timeToConnectAllMs === null ? `not all connected within ${seconds(connect.elapsedMs)}` : `${seconds(connect.timeToConnectAllMs)} (${connect.handshakesPerSecond} handshakes/s)`}`,
    `  attempts        ${connect.attempts}; CPU per attempt: server ${ms(connect.serverCpuMsPerHandshake)}, swarm ${ms(connect.swarmCpuMsPerHandshake)}`,
    `Handshake failures${failures(swarm.handshakeFailures, '\n                  ') || ' none'}`,
    `Disconnects       ${failures(swarm.disconnects, '\n                  ').trim() || 'none'}`,
    '',
    `Server RSS        ${kib(server.rssBaselineKiB)} before agents, ${kib(server.rssAfterEnrollmentKiB)} after enrollment, ${kib(server.rssEndKiB)} at the end`,
    `  per agent       ${server.rssPerAgentKiB ?? '?'} KiB (from before agents), ${server.rssPerAgentSinceEnrollmentKiB ?? '?'} KiB (from after enrollment)`,
    `Heartbeat RTT     ${latency(swarm.steadyRoundTrip)}`,
    `  during connect  ${latency(swarm.connectPhaseRoundTrip)}`,
    `  heartbeats sent ${swarm.heartbeatsSent}${failures(swarm.serverErrors) ? `; server errors:${failures(swarm.serverErrors)}` : ''}`,
    '',
    `Swarm RSS         ${kib(swarm.rssEndKiB)} at the end; its event-loop lag after the connect phase p50 ${swarm.swarmEventLoopDelay.p50Ms} ms, p99 ${swarm.swarmEventLoopDelay.p99Ms} ms, max ${swarm.swarmEventLoopDelay.maxMs} ms`,
    `Server log        ${failures(server.logCounts, '\n                  ').trim() || 'nothing at warn or above'}`,
    `Server stop       ${server.stop ? `${server.stop.clean ? 'clean' : 'NOT clean'} in ${server.stop.ms} ms` : 'not stopped'}`,
  ];
  if (swarm.emfile || connect.emfile) {
    lines.push('', `EMFILE: the swarm ran out of file descriptors (ulimit -n is ${result.fdLimit ?? 'unknown'}); each agent holds one socket in the swarm and one in the server.`);
  }
  return lines.join('\n');
}

function latency(summary: LatencySummary): string {
  if (summary.samples === 0) return 'no samples (raise --duration or lower --heartbeat-interval)';
  return `p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, max ${summary.maxMs} ms (${summary.samples} samples)`;
}

function failures(counts: Record<string, number>, separator = ' '): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? '' : `${separator}${entries.map(([reason, count]) => `${count} × ${reason}`).join(separator)}`;
}

const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(2)} s`;
const ms = (value: number | null) => (value === null ? '?' : `${value} ms`);
const kib = (value: number | null) => (value === null ? '?' : `${(value / 1024).toFixed(1)} MiB`);
const round = (value: number) => Math.round(value * 100) / 100;
const mapValues = <T extends Record<string, number>>(values: T, map: (value: number) => number) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, map(value)])) as T;
