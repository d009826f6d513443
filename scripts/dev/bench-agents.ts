// `npm run bench:agents -- --agents N --duration S`: how the server holds N connected agents.
// The server and the simulated agents (the swarm) run as two child processes, so that the RSS and
// CPU time read from /proc belong to one side each; this process only drives and measures.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBenchEnrollmentToken } from './bench/admin-api.js';
import { Cleanup, runBenchCommand } from './bench/cleanup.js';
import { parseBenchOptions, USAGE, type BenchOptions } from './bench/options.js';
import { readCpuMs, readPeakRssKiB, readRssKiB } from './bench/proc-stats.js';
import { buildResult, formatResult } from './bench/report.js';
import { initServerData, startServer } from './bench/server-process.js';
import { startServerProbe } from './bench/server-probe.js';
import { startSwarm } from './bench/swarm-process.js';

const PROBE_EVERY_MS = 250;
/** Sockets besides the agents' that each process may hold (listening socket, SQLite, stdio, IPC). */
const FD_HEADROOM = 100;

const say = (message: string) => console.error(`bench:agents: ${message}`);

async function run(options: BenchOptions, cleanup: Cleanup): Promise<number> {
  const fdLimit = readFdLimit();
  if (fdLimit !== null && options.agents + FD_HEADROOM > fdLimit) {
    say(
      `warning: ${options.agents} agents need about ${options.agents + FD_HEADROOM} file descriptors in the swarm and in the server, but ulimit -n is ${fdLimit}; expect EMFILE`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'helpline-bench-'));
  cleanup.add(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const adminPassword = randomBytes(18).toString('base64url');
  await initServerData(dataDir, adminPassword);

  const server = await startServer(dataDir);
  let serverStopping = false;
  cleanup.add('stop the server', () => {
    serverStopping = true;
    return server.stop();
  });
  // Every later wait fails at once if the server dies under load, with what it said on stderr.
  const serverDied = server.exited.then(({ code, signal }): never => {
    throw new Error(
      serverStopping
        ? 'server stopped'
        : `the server exited during the bench (code ${code}, signal ${signal})${server.stderrTail() ? `\n${server.stderrTail()}` : ''}`,
    );
  });
  serverDied.catch(() => undefined);
  const guard = <T>(work: Promise<T>) => Promise.race([work, serverDied]);
  say(`server ${server.pid} listening on ${server.url}`);

  const token = await guard(createBenchEnrollmentToken(server.url, adminPassword, options.agents));
  const rssBaselineKiB = readRssKiB(server.pid);

  const swarm = startSwarm();
  cleanup.add('stop the swarm', () => {
    swarm.kill();
    return swarm.waitForExit();
  });
  say(`enrolling ${options.agents} agents (${options.enrollConcurrency} at a time)`);
  const settings = {
    token,
    agents: options.agents,
    enrollConcurrency: options.enrollConcurrency,
    connectConcurrency: options.connectConcurrency,
    connectTimeoutMs: options.connectTimeoutSec * 1000,
    heartbeatIntervalMs: options.heartbeatIntervalSec * 1000,
    runId: randomBytes(4).toString('hex'),
  };
  const { outcome: enrollment } = await guard(swarm.request({ type: 'enroll', settings }, 'enrolled'));
  if (enrollment.enrolled === 0) throw new Error(`no agent could enroll: ${JSON.stringify(enrollment.failures)}`);
  const rssAfterEnrollmentKiB = readRssKiB(server.pid);

  say(`connecting ${enrollment.enrolled} agents (${options.connectConcurrency} attempts in flight)`);
  swarm.onProgress((progress) =>
    say(`  ${progress.connected}/${progress.target} connected, ${progress.failures} failed attempts so far`),
  );
  const probe = startServerProbe(server.url, PROBE_EVERY_MS);
  cleanup.add('stop the health probe', () => probe.stop());
  const cpuBeforeMs = readCpuMs(server.pid);
  const { outcome: connect } = await guard(swarm.request({ type: 'connect' }, 'connect-phase-done'));
  const cpuAfterMs = readCpuMs(server.pid);
  const rssAfterConnectKiB = readRssKiB(server.pid);
  const healthDuringConnect = probe.takeWindow();

  say(`${connect.everConnected} connected; holding for ${options.durationSec} s`);
  await guard(sleep(options.durationSec * 1000));
  const rssEndKiB = readRssKiB(server.pid);
  const rssPeakKiB = readPeakRssKiB(server.pid);
  const swarmRssEndKiB = readRssKiB(swarm.pid);
  const healthSteady = probe.takeWindow();
  const agentsOnlineAtEnd = probe.lastAgentsOnline;
  probe.stop();
  const { report } = await guard(swarm.request({ type: 'finish' }, 'report'));
  await swarm.waitForExit();
  serverStopping = true;
  const stop = await server.stop();

  const result = buildResult({
    agents: options.agents,
    durationSec: options.durationSec,
    heartbeatIntervalSec: options.heartbeatIntervalSec,
    fdLimit,
    enrollment,
    connect,
    swarm: report,
    swarmRssEndKiB,
    server: {
      rssBaselineKiB,
      rssAfterEnrollmentKiB,
      rssAfterConnectKiB,
      rssEndKiB,
      rssPeakKiB,
      connectPhaseCpuMs: cpuBeforeMs !== null && cpuAfterMs !== null ? cpuAfterMs - cpuBeforeMs : null,
      health: { duringConnect: healthDuringConnect, steady: healthSteady, agentsOnlineAtEnd },
      logCounts: server.logCounts.toJSON(),
      stop,
    },
  });
  console.log(options.json ? JSON.stringify(result) : formatResult(result));
  if (report.everConnected === 0) {
    say('no agent connected; see the handshake failures above');
    return 1;
  }
  return 0;
}

/** The soft limit on open files, as the shell reports it; Node has no API for it. */
function readFdLimit(): number | null {
  const result = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' });
  const value = Number(result.stdout?.trim());
  return Number.isSafeInteger(value) ? value : null;
}

await runBenchCommand({ name: 'bench:agents', usage: USAGE, parse: parseBenchOptions, run });
