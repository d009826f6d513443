// The measuring window: the agent's RSS sampled every second, its CPU time (own, and its reaped
// children's) and the proxy's byte counts read at both ends.
import { setTimeout as sleep } from 'node:timers/promises';
import { readChildrenCpuMs, type AgentProcess } from './agent-child.js';
import type { ByteCounts } from './agent-proxy.js';
import { readCpuMs, readPeakRssKiB, readRssKiB } from './proc-stats.js';

const RSS_SAMPLE_MS = 1000;

export interface WindowFigures {
  /** performance.now() when the window opened. */
  openedAt: number;
  ms: number;
  bytesAtOpen: ByteCounts;
  bytes: ByteCounts;
  rssKiB: { start: number | null; max: number | null; end: number | null; peakSinceStart: number | null };
  agentCpuMs: number;
  childrenCpuMs: number;
  logLines: number;
}

export async function measureWindow(
  agent: AgentProcess,
  counts: () => ByteCounts,
  durationMs: number,
): Promise<WindowFigures> {
  const read = () => ({
    own: readCpuMs(agent.pid),
    children: readChildrenCpuMs(agent.pid),
    at: performance.now(),
    bytes: counts(),
  });
  const logLinesBefore = agent.logLines();
  const start = read();
  const rssStart = readRssKiB(agent.pid);
  let rssMax = rssStart;
  const sampler = setInterval(() => {
    const rss = readRssKiB(agent.pid);
    if (rss !== null && (rssMax === null || rss > rssMax)) rssMax = rss;
  }, RSS_SAMPLE_MS);
  try {
    await sleep(durationMs);
  } finally {
    clearInterval(sampler);
  }
  const end = read();
  const rssEnd = readRssKiB(agent.pid);
  if (rssEnd !== null && (rssMax === null || rssEnd > rssMax)) rssMax = rssEnd;
  if (start.own === null || end.own === null || start.children === null || end.children === null)
    throw new Error("could not read the agent's CPU time from /proc");
  return {
    openedAt: start.at,
    ms: Math.round(end.at - start.at),
    bytesAtOpen: start.bytes,
    bytes: byteDiff(end.bytes, start.bytes),
    rssKiB: { start: rssStart, max: rssMax, end: rssEnd, peakSinceStart: readPeakRssKiB(agent.pid) },
    agentCpuMs: end.own - start.own,
    childrenCpuMs: end.children - start.children,
    logLines: agent.logLines() - logLinesBefore,
  };
}

/** Bytes and connections between two readings; `open` is the later reading's. */
export function byteDiff(after: ByteCounts, before: ByteCounts): ByteCounts {
  return {
    upstream: after.upstream - before.upstream,
    downstream: after.downstream - before.downstream,
    connections: after.connections - before.connections,
    open: after.open,
  };
}
