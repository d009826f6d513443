// Command-line flags of `npm run bench:agent`: parsed and checked once, with an error that says
// which flag was wrong and why.
import { parseFlags, seconds, UsageError } from './flags.js';

export interface AgentBenchOptions {
  durationSec: number;
  warmupSec: number;
  /** Overrides of the agent's intervals; null keeps the defaults the server hands out. */
  heartbeatIntervalSec: number | null;
  healthIntervalSec: number | null;
  inventoryIntervalSec: number | null;
  costRuns: number;
  json: boolean;
}

export const AGENT_USAGE = `Usage: npm run bench:agent -- [--duration S] [--warmup S] [options]

Starts a Helpline server in a temp data directory, enrolls a real agent, runs it as a child
process (helpline-agent run) behind a byte-counting TCP proxy, waits out the warm-up (startup
inventory, first health sample), then measures the agent's RSS, CPU time (its own and its
children's) and traffic over the window. Afterwards it times a full inventory, one health
sample and each systeminformation call they make, in this process.

  --duration S               seconds of the measuring window (default 300)
  --warmup S                 seconds after the agent's start before the window opens (default 30;
                             the window also waits until the server holds the first inventory)
  --heartbeat-interval S     agent heartbeat every S seconds (default: the server's, 30)
  --health-interval S        health sample every S seconds (default: the server's policy, 60)
  --inventory-interval S     inventory check every S seconds (default: the server's policy, 3600)
  --cost-runs N              runs of each timed call and of the full inventory (default 3)
  --json                     print one JSON object instead of the human-readable block
  --help                     show this text`;

export function parseAgentBenchOptions(argv: string[]): AgentBenchOptions | 'help' {
  const values = parseFlags(argv, {
    duration: { type: 'string' },
    warmup: { type: 'string' },
    'heartbeat-interval': { type: 'string' },
    'health-interval': { type: 'string' },
    'inventory-interval': { type: 'string' },
    'cost-runs': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values === 'help') return 'help';
  const runs = values['cost-runs'] ?? '3';
  if (!/^\d+$/.test(runs) || Number(runs) < 1 || Number(runs) > 100)
    throw new UsageError(`--cost-runs must be an integer from 1 to 100, got "${runs}"`);
  return {
    durationSec: seconds('--duration', values.duration, 1) ?? 300,
    warmupSec: seconds('--warmup', values.warmup, 0) ?? 30,
    // The agent and the server refuse intervals under a second (health, inventory) or 100 ms.
    heartbeatIntervalSec: seconds('--heartbeat-interval', values['heartbeat-interval'], 1),
    healthIntervalSec: seconds('--health-interval', values['health-interval'], 1),
    inventoryIntervalSec: seconds('--inventory-interval', values['inventory-interval'], 1),
    costRuns: Number(runs),
    json: values.json ?? false,
  };
}
