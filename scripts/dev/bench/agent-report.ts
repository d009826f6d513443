// The figures of one `bench:agent` run: one object (printed as-is with --json) and a
// human-readable block that puts each figure next to its budget in DESIGN.md §5.
import type { CollectorCosts, Cost } from './agent-costs.js';
import { median } from './agent-costs.js';
import type { ByteCounts } from './agent-proxy.js';

export interface AgentBenchInput {
  machine: { cpus: number; node: string; loadAverageStart: number[]; loadAverageEnd: number[] };
  intervals: { heartbeatSec: number; healthSec: number; inventorySec: number; overridden: string[] };
  startup: { firstInventoryAfterMs: number; warmupMs: number; bytes: ByteCounts; rssKiB: number | null };
  window: {
    ms: number;
    rssKiB: { start: number | null; max: number | null; end: number | null; peakSinceStart: number | null };
    agentCpuMs: number;
    childrenCpuMs: number;
    bytes: ByteCounts;
    agentLogLines: number;
  };
  costs: CollectorCosts;
  agentStop: { ms: number; clean: boolean } | null;
}

export type AgentBenchResult = ReturnType<typeof buildAgentResult>;

export function buildAgentResult(input: AgentBenchInput) {
  const { window, costs, intervals } = input;
  const pct = (cpuMs: number, ms: number) => round((cpuMs / ms) * 100, 3);
  const perMinute = (bytes: number) => Math.round((bytes / window.ms) * 60_000);
  // The first run in a process pays for loading modules and filling caches (and si.currentLoad
  // waits 0.5 s for a first delta); the agent pays that once, so later runs give the steady cost.
  const later = (runs: Cost[]) => median(runs.length > 1 ? runs.slice(1) : runs);
  const health = later(costs.healthRuns);
  const inventory = later(costs.inventoryRuns);
  return {
    ...input,
    window: {
      ...window,
      seconds: round(window.ms / 1000, 1),
      cpuPctOfOneCore: {
        agentProcess: pct(window.agentCpuMs, window.ms),
        includingChildren: pct(window.agentCpuMs + window.childrenCpuMs, window.ms),
      },
      traffic: {
        upstreamBytesPerMinute: perMinute(window.bytes.upstream),
        downstreamBytesPerMinute: perMinute(window.bytes.downstream),
        upstreamBytesPerHour: perMinute(window.bytes.upstream) * 60,
        downstreamBytesPerHour: perMinute(window.bytes.downstream) * 60,
      },
    },
    /** What the collectors alone should cost at these intervals, from the timed runs. */
    expectedCollectorCpuPct: {
      health: pct(health.cpuMs, intervals.healthSec * 1000),
      inventory: pct(inventory.cpuMs, intervals.inventorySec * 1000),
    },
  };
}

export function formatAgentResult(result: AgentBenchResult): string {
  const { window: w, startup, costs, intervals, machine } = result;
  const mb = (kib: number | null) => (kib === null ? 'n/a' : `${(kib / 1024).toFixed(1)} MB`);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const cost = (c: Cost) => `${c.wallMs} ms wall, ${c.cpuMs} ms CPU (${c.ownCpuMs} own + ${c.childCpuMs} children)`;
  const overridden = intervals.overridden.length ? ` (set by flag: ${intervals.overridden.join(', ')})` : ' (defaults)';
  const lines = [
    `Helpline agent footprint (${machine.cpus} CPUs, Node ${machine.node}, load average ${machine.loadAverageStart.join(' ')} at start, ${machine.loadAverageEnd.join(' ')} at end)`,
    `  intervals: heartbeat ${intervals.heartbeatSec} s, health ${intervals.healthSec} s, inventory ${intervals.inventorySec} s${overridden}`,
    `  startup: first full inventory at the server ${(startup.firstInventoryAfterMs / 1000).toFixed(1)} s after the agent started; window opened after ${(startup.warmupMs / 1000).toFixed(1)} s`,
    `           traffic until then ${kb(startup.bytes.upstream)} up, ${kb(startup.bytes.downstream)} down; RSS ${mb(startup.rssKiB)}`,
    '',
    `Window of ${w.seconds} s`,
    `  RSS (VmRSS)        start ${mb(w.rssKiB.start)}, max ${mb(w.rssKiB.max)}, end ${mb(w.rssKiB.end)}; peak since start (VmHWM) ${mb(w.rssKiB.peakSinceStart)}   budget ≤ 60 MB idle`,
    `  CPU, % of a core   agent process ${w.cpuPctOfOneCore.agentProcess} % (${w.agentCpuMs} ms); including children ${w.cpuPctOfOneCore.includingChildren} % (+${w.childrenCpuMs} ms)   budget < 0.5 %`,
    `  traffic up         ${w.bytes.upstream} B in window = ${w.traffic.upstreamBytesPerMinute} B/min = ${kb(w.traffic.upstreamBytesPerHour)}/h`,
    `  traffic down       ${w.bytes.downstream} B in window = ${w.traffic.downstreamBytesPerMinute} B/min = ${kb(w.traffic.downstreamBytesPerHour)}/h   budget: low KB per minute`,
    `  connections        ${w.bytes.connections} opened in window, ${w.bytes.open} open at end; agent log lines (warn+) ${w.agentLogLines}`,
    '',
    `Collector costs, timed in the bench process (${costs.inventoryRuns.length} run${costs.inventoryRuns.length === 1 ? '' : 's'} of each)`,
    ...costs.inventoryRuns.map((c, i) => `  full inventory #${i + 1}  ${cost(c)}   budget < 3 s`),
    ...costs.healthRuns.map((c, i) => `  health sample #${i + 1}   ${cost(c)}`),
    `  expected CPU of the collectors at these intervals (median run, after the first): health ${result.expectedCollectorCpuPct.health} %, inventory ${result.expectedCollectorCpuPct.inventory} % of a core`,
    '',
    '  call (median of runs, by CPU)   used by     wall ms   CPU ms  own ms  children ms  max wall ms',
    ...costs.calls.map(
      (c) =>
        `  ${c.call.padEnd(30)}  ${c.usedBy.padEnd(9)} ${fmt(c.median.wallMs, 9)} ${fmt(c.median.cpuMs, 8)} ${fmt(c.median.ownCpuMs, 7)} ${fmt(c.median.childCpuMs, 12)} ${fmt(c.maxWallMs, 12)}`,
    ),
    '',
    `agent stop: ${result.agentStop ? `${result.agentStop.ms} ms, ${result.agentStop.clean ? 'clean' : 'not clean'}` : 'n/a'}`,
  ];
  return lines.join('\n');
}

function fmt(value: number, width: number): string {
  return value.toFixed(1).padStart(width);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
