// What the agent's collectors cost, timed in this process: a full inventory, one health sample,
// and each call they make, one by one (DESIGN.md §5: "measure before sampling one often").
// CPU is this process's own (process.cpuUsage, every thread) plus that of the helper processes
// the call spawned and reaped (cutime + cstime, 10 ms resolution).
import { setTimeout as sleep } from 'node:timers/promises';
import si from 'systeminformation';
import { sampleHealth } from '../../../agent/health/sampler.js';
import { currentPlatform } from '../../../agent/platform/index.js';
import { collectInventory } from '../../../agent/sources.js';
import { readChildrenCpuMs } from './agent-child.js';

export interface Cost {
  wallMs: number;
  /** This process's CPU time. */
  ownCpuMs: number;
  /** Of the helper processes it spawned. */
  childCpuMs: number;
  cpuMs: number;
}

export interface CallCost {
  call: string;
  usedBy: 'inventory' | 'health' | 'both';
  /** Median over the runs, figure by figure. */
  median: Cost;
  maxWallMs: number;
}

export interface CollectorCosts {
  inventoryRuns: Cost[];
  healthRuns: Cost[];
  calls: CallCost[];
}

/**
 * Pause before every timed run. systeminformation answers si.processes() from a cache when it
 * was called less than 500 ms before (the agent calls it once a minute), and the pause lets
 * stray helpers exit before the next reading of the children's CPU time.
 */
const SETTLE_MS = 600;

type Used = CallCost['usedBy'];
const platform = currentPlatform();
/** The calls of agent/inventory/hardware.ts, agent/health/sampler.ts and the platform's collectors. */
const CALLS: Array<[string, Used, () => unknown]> = [
  ['si.system', 'inventory', () => si.system()],
  ['si.bios', 'inventory', () => si.bios()],
  ['si.baseboard', 'inventory', () => si.baseboard()],
  ['si.cpu', 'inventory', () => si.cpu()],
  ['si.mem', 'both', () => si.mem()],
  ['si.memLayout', 'inventory', () => si.memLayout()],
  ['si.diskLayout', 'inventory', () => si.diskLayout()],
  ['si.fsSize', 'both', () => si.fsSize()],
  ['si.networkInterfaces', 'inventory', () => si.networkInterfaces()],
  ['si.graphics', 'inventory', () => si.graphics()],
  ['si.battery', 'both', () => si.battery()],
  ['si.osInfo', 'inventory', () => si.osInfo()],
  ['si.users', 'inventory', () => si.users()],
  ['si.currentLoad', 'health', () => si.currentLoad()],
  ['si.cpuTemperature', 'health', () => si.cpuTemperature()],
  ['si.processes', 'health', () => si.processes()],
  [`${platform.id}.listSoftware`, 'inventory', () => platform.listSoftware()],
  [`${platform.id}.listServices`, 'inventory', () => platform.listServices()],
  [`${platform.id}.localUsers`, 'inventory', () => platform.localUsers()],
];

export async function measure(work: () => unknown): Promise<Cost> {
  await sleep(SETTLE_MS);
  const childrenBefore = readChildrenCpuMs(process.pid) ?? 0;
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await work();
  const wallMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  const ownCpuMs = (cpu.user + cpu.system) / 1000;
  const childCpuMs = (readChildrenCpuMs(process.pid) ?? 0) - childrenBefore;
  return {
    wallMs: round(wallMs),
    ownCpuMs: round(ownCpuMs),
    childCpuMs: round(childCpuMs),
    cpuMs: round(ownCpuMs + childCpuMs),
  };
}

/** Runs one at a time, as the agent does: these spawn helpers and must not overlap. */
export async function measureCollectorCosts(runs: number, say: (message: string) => void): Promise<CollectorCosts> {
  const inventoryRuns: Cost[] = [];
  for (let run = 1; run <= runs; run++) {
    inventoryRuns.push(await measure(() => collectInventory(platform)));
    say(`  full inventory ${run}/${runs}: ${inventoryRuns.at(-1)!.wallMs} ms wall`);
  }
  const healthRuns: Cost[] = [];
  for (let run = 0; run < runs; run++) healthRuns.push(await measure(() => sampleHealth()));
  const calls: CallCost[] = [];
  for (const [call, usedBy, work] of CALLS) {
    const costs: Cost[] = [];
    for (let run = 0; run < runs; run++) costs.push(await measure(work));
    calls.push({ call, usedBy, median: median(costs), maxWallMs: Math.max(...costs.map((cost) => cost.wallMs)) });
  }
  calls.sort((a, b) => b.median.cpuMs - a.median.cpuMs || b.median.wallMs - a.median.wallMs);
  return { inventoryRuns, healthRuns, calls };
}

/** Median of each figure on its own (wall, own, children), over the runs. */
export function median(costs: Cost[]): Cost {
  const of = (key: keyof Cost) => {
    const sorted = costs.map((cost) => cost[key]).sort((a, b) => a - b);
    const middle = sorted.length / 2;
    return round(sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
  };
  return { wallMs: of('wallMs'), ownCpuMs: of('ownCpuMs'), childCpuMs: of('childCpuMs'), cpuMs: of('cpuMs') };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
