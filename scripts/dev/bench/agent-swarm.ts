// The swarm: one process that plays N agents, driven phase by phase by bench-agents.ts over IPC
// (enroll → connect → finish). It runs apart from the orchestrator so that its own memory and
// CPU can be told apart from the server's and from the orchestrator's.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseEnrollmentToken } from '../../../protocol/enrollment.js';
import { AgentFleet } from './agent-fleet.js';
import { enrollIdentities } from './swarm-enroll.js';
import type { EventLoopLag, FromSwarm, SwarmReport, SwarmSettings, ToSwarm } from './swarm-protocol.js';

const PROGRESS_EVERY_MS = 2000;
const CLOSE_GRACE_MS = 3000;
const EVENT_LOOP_RESOLUTION_MS = 10;

if (!process.send) {
  console.error('agent-swarm is started by bench-agents (npm run bench:agents), not by hand');
  process.exit(2);
}

const tell = (message: FromSwarm) => process.send!(message);
const eventLoopDelay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
let settings: SwarmSettings | null = null;
let fleet: AgentFleet | null = null;

// Without its orchestrator the swarm has no one to report to: stop rather than linger.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: ToSwarm) => {
  const handle = async () => {
    if (message.type === 'enroll') await enroll(message.settings);
    else if (message.type === 'connect') await connect();
    else if (message.type === 'finish') await finish();
  };
  handle().catch((error: unknown) => {
    tell({ type: 'fatal', message: (error as Error).stack ?? String(error) });
    process.exitCode = 1;
  });
});

async function enroll(given: SwarmSettings): Promise<void> {
  settings = given;
  const parsed = parseEnrollmentToken(given.token);
  if (!parsed.ok) throw new Error(`bad enrollment token: ${parsed.error}`);
  const startedAt = performance.now();
  const { identities, failures } = await enrollIdentities({
    token: parsed.token,
    agents: given.agents,
    concurrency: given.enrollConcurrency,
    runId: given.runId,
  });
  fleet = new AgentFleet(identities, {
    serverUrl: parsed.token.serverUrl,
    serverPublicKey: parsed.token.serverPublicKey,
    connectConcurrency: given.connectConcurrency,
    heartbeatIntervalMs: given.heartbeatIntervalMs,
  });
  tell({
    type: 'enrolled',
    outcome: { enrolled: identities.length, elapsedMs: performance.now() - startedAt, failures: failures.toJSON() },
  });
}

async function connect(): Promise<void> {
  if (!fleet || !settings) throw new Error('connect before enroll');
  const running = fleet;
  const cpuBefore = process.cpuUsage();
  const attemptsBefore = running.attempts;
  eventLoopDelay.enable();
  const progress = setInterval(
    () =>
      tell({ type: 'progress', connected: running.connected, target: running.size, failures: running.failures.total }),
    PROGRESS_EVERY_MS,
  );
  let timedOut: NodeJS.Timeout | undefined;
  await Promise.race([
    running.connectAll(),
    new Promise<void>((resolve) => (timedOut = setTimeout(resolve, settings!.connectTimeoutMs))),
  ]);
  clearTimeout(timedOut);
  clearInterval(progress);
  running.connectPhaseOver = true;
  const connectPhaseLag = eventLoopLag();
  // From here on the delay describes the steady state, the same window as the steady round trips.
  eventLoopDelay.reset();
  const cpu = process.cpuUsage(cpuBefore);
  const allConnected = running.everConnected === running.size;
  tell({
    type: 'connect-phase-done',
    outcome: {
      everConnected: running.everConnected,
      timeToConnectAllMs:
        allConnected && running.firstAttemptAt !== null && running.lastFirstConnectAt !== null
          ? running.lastFirstConnectAt - running.firstAttemptAt
          : null,
      elapsedMs: running.firstAttemptAt === null ? 0 : performance.now() - running.firstAttemptAt,
      handshakes: running.handshakes,
      attempts: running.attempts - attemptsBefore,
      swarmCpuMs: (cpu.user + cpu.system) / 1000,
      swarmEventLoopLag: connectPhaseLag,
      emfile: running.emfile,
    },
  });
}

async function finish(): Promise<void> {
  const running = fleet;
  if (running) {
    const report: SwarmReport = {
      connectedAtEnd: running.connected,
      everConnected: running.everConnected,
      attempts: running.attempts,
      handshakeFailures: running.failures.toJSON(),
      disconnects: running.disconnects.toJSON(),
      serverErrors: running.serverErrors.toJSON(),
      heartbeatsSent: running.heartbeatsSent,
      steadyRoundTrip: running.steadyRoundTrip.summary(),
      connectPhaseRoundTrip: running.connectPhaseRoundTrip.summary(),
      swarmEventLoopLag: eventLoopLag(),
      emfile: running.emfile,
    };
    // Wait until the report is handed to the IPC channel: exit() would drop it otherwise.
    await new Promise<void>((resolve) =>
      process.send!({ type: 'report', report } satisfies FromSwarm, () => resolve()),
    );
    await running.stop(CLOSE_GRACE_MS);
  }
  process.disconnect();
  process.exit(0);
}

function eventLoopLag(): EventLoopLag {
  // The histogram records whole sampling periods; the lag is what exceeds the period.
  const lag = (nanoseconds: number) =>
    Number.isFinite(nanoseconds)
      ? Math.round(Math.max(0, nanoseconds / 1e6 - EVENT_LOOP_RESOLUTION_MS) * 100) / 100
      : 0;
  return {
    p50Ms: lag(eventLoopDelay.percentile(50)),
    p99Ms: lag(eventLoopDelay.percentile(99)),
    maxMs: lag(eventLoopDelay.max),
  };
}
