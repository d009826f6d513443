// Times the liveness route (GET /api/health) from the orchestrator, which is otherwise idle: unlike the swarm's
// heartbeat round trips, this latency is the server's own queueing (plus loopback), so the two
// together tell whose event loop was behind. The answer also says how many agents the server
// counts as online.
import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { routePath } from '../../../protocol/api/route.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { Liveness } from '../../../protocol/api/routes/health.js';
import { LatencySamples, type LatencySummary } from './percentiles.js';

const PROBE_TIMEOUT_MS = 10_000;

export interface ServerProbe {
  /** Summary of the probes since the last call, and starts a new window. */
  takeWindow(): LatencySummary & { failures: number };
  lastAgentsOnline: number | null;
  stop(): void;
}

export function startServerProbe(serverUrl: string, everyMs: number): ServerProbe {
  const url = new URL(routePath(API.health.liveness), serverUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let samples = new LatencySamples();
  let failures = 0;
  let inFlight = false;
  const probe: ServerProbe = {
    lastAgentsOnline: null,
    takeWindow() {
      const summary = { ...samples.summary(), failures };
      samples = new LatencySamples();
      failures = 0;
      return summary;
    },
    stop() {
      clearInterval(timer);
      agent.destroy();
    },
  };
  const timer = setInterval(() => {
    // A probe still waiting is itself the measurement of a stall; stacking more would add nothing.
    if (inFlight) return;
    inFlight = true;
    const startedAt = performance.now();
    const request = get(url, { agent, timeout: PROBE_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        inFlight = false;
        if (response.statusCode !== 200) return void failures++;
        samples.add(performance.now() - startedAt);
        try {
          probe.lastAgentsOnline = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Liveness).agentsOnline;
        } catch {
          // the latency still counts; the count stays as it was
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('health probe timed out')));
    request.on('error', () => {
      inFlight = false;
      failures++;
    });
  }, everyMs);
  timer.unref();
  return probe;
}
