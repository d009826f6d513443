// `npm run bench:agent -- [--duration S] [--warmup S]`: what one real agent costs its PC and the
// network at default intervals. The server and the agent run as child processes; the agent talks
// to the server through a byte-counting proxy in this process, which also times the collectors.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_AGENT_POLICY } from '../../protocol/messages/policy.js';
import { formatEnrollmentToken, parseEnrollmentToken } from '../../protocol/enrollment.js';
import { waitForFullInventory } from './bench/agent-admin.js';
import { enrollAgent, startAgent } from './bench/agent-child.js';
import { measureCollectorCosts } from './bench/agent-costs.js';
import { AGENT_USAGE, parseAgentBenchOptions, type AgentBenchOptions } from './bench/agent-options.js';
import { startCountingProxy } from './bench/agent-proxy.js';
import { buildAgentResult, formatAgentResult } from './bench/agent-report.js';
import { byteDiff, measureWindow } from './bench/agent-window.js';
import { createBenchEnrollmentToken } from './bench/admin-api.js';
import { Cleanup, runBenchCommand } from './bench/cleanup.js';
import { initServerData, startServer } from './bench/server-process.js';

/** How long the startup inventory may take to reach the server beyond the warm-up. */
const FIRST_INVENTORY_TIMEOUT_MS = 300_000;
const DEFAULT_HEARTBEAT_SEC = 30;

const say = (message: string) => console.error(`bench:agent: ${message}`);
const loadAverage = () => loadavg().map((value) => Math.round(value * 100) / 100);

async function run(options: AgentBenchOptions, cleanup: Cleanup): Promise<number> {
  const loadAverageStart = loadAverage();
  const root = mkdtempSync(join(tmpdir(), 'helpline-bench-agent-'));
  cleanup.add(`remove ${root}`, () => rmSync(root, { recursive: true, force: true }));
  const dataDir = join(root, 'server');
  const stateDir = join(root, 'agent');
  mkdirSync(stateDir);
  const adminPassword = randomBytes(18).toString('base64url');
  await initServerData(dataDir, adminPassword);
  const server = await startServer(dataDir);
  let stopping = false;
  cleanup.add('stop the server', () => {
    stopping = true;
    return server.stop();
  });
  const serverDied = server.exited.then(({ code, signal }): never => {
    throw new Error(
      stopping
        ? 'server stopped'
        : `the server exited during the bench (code ${code}, signal ${signal})\n${server.stderrTail()}`,
    );
  });
  serverDied.catch(() => undefined);
  const proxy = await startCountingProxy(server.url);
  cleanup.add('close the proxy', () => proxy.close());
  say(`server ${server.pid} on ${server.url}; agent traffic counted by the proxy on ${proxy.url}`);

  // The token names the server the agent will talk to: point it at the proxy.
  const parsed = parseEnrollmentToken(await createBenchEnrollmentToken(server.url, adminPassword, 1));
  if (!parsed.ok) throw new Error(`the server made an unreadable token: ${parsed.error}`);
  const enrolled = await enrollAgent(formatEnrollmentToken({ ...parsed.token, serverUrl: proxy.url }), stateDir);
  if (enrolled.status !== 'active') throw new Error(`the agent enrolled as ${enrolled.status}, not active`);

  const { args, env, overridden } = agentSettings(options);
  const bytesAtStart = proxy.counts();
  const agentStartedAt = performance.now();
  const agent = startAgent(stateDir, args, env);
  cleanup.add('stop the agent', () => {
    stopping = true;
    return agent.stop();
  });
  const agentDied = agent.exited.then(({ code, signal }): never => {
    throw new Error(
      stopping
        ? 'agent stopped'
        : `the agent exited during the bench (code ${code}, signal ${signal})\n${agent.outputTail()}`,
    );
  });
  agentDied.catch(() => undefined);
  const guard = <T>(work: Promise<T>) => Promise.race([work, serverDied, agentDied]);
  say(
    `agent ${agent.pid} (device ${enrolled.deviceId}) started; warming up for ${options.warmupSec} s and until the server holds its first inventory`,
  );

  const [firstInventoryAfterMs] = await guard(
    Promise.all([
      waitForFullInventory(server.url, adminPassword, enrolled.deviceId, FIRST_INVENTORY_TIMEOUT_MS).then(
        () => performance.now() - agentStartedAt,
      ),
      sleep(options.warmupSec * 1000),
    ]),
  );
  say(`window open: measuring for ${options.durationSec} s`);
  const window = await guard(measureWindow(agent, () => proxy.counts(), options.durationSec * 1000));
  const startup = {
    firstInventoryAfterMs: Math.round(firstInventoryAfterMs),
    warmupMs: Math.round(window.openedAt - agentStartedAt),
    bytes: byteDiff(window.bytesAtOpen, bytesAtStart),
    rssKiB: window.rssKiB.start,
  };

  const loadAverageEnd = loadAverage();
  stopping = true;
  const agentStop = await agent.stop();
  await server.stop();
  await proxy.close();
  say(`timing the collectors in this process (${options.costRuns} run${options.costRuns === 1 ? '' : 's'} of each)`);
  const costs = await measureCollectorCosts(options.costRuns, say);

  const result = buildAgentResult({
    machine: { cpus: cpus().length, node: process.versions.node, loadAverageStart, loadAverageEnd },
    intervals: {
      heartbeatSec: options.heartbeatIntervalSec ?? DEFAULT_HEARTBEAT_SEC,
      healthSec: options.healthIntervalSec ?? DEFAULT_AGENT_POLICY.healthIntervalMs / 1000,
      inventorySec: options.inventoryIntervalSec ?? DEFAULT_AGENT_POLICY.inventoryIntervalMs / 1000,
      overridden,
    },
    startup,
    window: {
      ms: window.ms,
      rssKiB: window.rssKiB,
      agentCpuMs: window.agentCpuMs,
      childrenCpuMs: window.childrenCpuMs,
      bytes: window.bytes,
      agentLogLines: window.logLines,
    },
    costs,
    agentStop,
  });
  console.log(options.json ? JSON.stringify(result) : formatAgentResult(result));
  return 0;
}

/** Flags and environment for `helpline-agent run`: only the intervals the bench was told to shorten. */
function agentSettings(options: AgentBenchOptions) {
  const args: string[] = [];
  const env: Record<string, string> = {};
  const overridden: string[] = [];
  const ms = (sec: number) => String(Math.round(sec * 1000));
  if (options.heartbeatIntervalSec !== null) {
    args.push('--heartbeat-interval', `${ms(options.heartbeatIntervalSec)}ms`);
    overridden.push('heartbeat');
  }
  if (options.healthIntervalSec !== null) {
    env.HELPLINE_HEALTH_INTERVAL_MS = ms(options.healthIntervalSec);
    overridden.push('health');
  }
  if (options.inventoryIntervalSec !== null) {
    env.HELPLINE_INVENTORY_INTERVAL_MS = ms(options.inventoryIntervalSec);
    overridden.push('inventory');
  }
  return { args, env, overridden };
}

await runBenchCommand({ name: 'bench:agent', usage: AGENT_USAGE, parse: parseAgentBenchOptions, run });
