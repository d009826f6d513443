// Command-line flags of `npm run bench:agents`: parsed and checked once, with an error that says
// which flag was wrong and why.
import { parseFlags, positiveInteger, UsageError } from './flags.js';

export interface BenchOptions {
  agents: number;
  durationSec: number;
  heartbeatIntervalSec: number;
  enrollConcurrency: number;
  connectConcurrency: number;
  connectTimeoutSec: number;
  json: boolean;
}

export const USAGE = `Usage: npm run bench:agents -- --agents N --duration S [options]

Starts a Helpline server in a temp data directory, enrolls N simulated agents (real keys, real
sealed enrollment), connects them all with the real channel handshake, keeps them sending
heartbeats for S seconds once the connect phase is over, and prints the figures.

  --agents N                 simulated agents to enroll and connect (positive integer; default 1000)
  --duration S               seconds to hold them connected after the connect phase (default 60)
  --heartbeat-interval S     seconds between heartbeats, ±20 % jitter (default 30, like the agent)
  --enroll-concurrency K     enrollments in flight at once (default 50)
  --connect-concurrency K    connection attempts in flight at once (default 100)
  --connect-timeout S        give up waiting for every agent to connect after S seconds (default 300)
  --json                     print one JSON object instead of the human-readable block
  --help                     show this text

Server settings come from HELPLINE_* variables (e.g. HELPLINE_HANDSHAKES_PER_SECOND,
HELPLINE_MAX_PENDING_HANDSHAKES); HELPLINE_LOG_LEVEL defaults to warn.`;

export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
  const values = parseFlags(argv, {
    agents: { type: 'string' },
    duration: { type: 'string' },
    'heartbeat-interval': { type: 'string' },
    'enroll-concurrency': { type: 'string' },
    'connect-concurrency': { type: 'string' },
    'connect-timeout': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values === 'help') return 'help';
  return {
    agents: positiveInteger('--agents', values.agents, 1000),
    durationSec: positiveSeconds('--duration', values.duration, 60),
    heartbeatIntervalSec: positiveSeconds('--heartbeat-interval', values['heartbeat-interval'], 30),
    enrollConcurrency: positiveInteger('--enroll-concurrency', values['enroll-concurrency'], 50),
    connectConcurrency: positiveInteger('--connect-concurrency', values['connect-concurrency'], 100),
    connectTimeoutSec: positiveSeconds('--connect-timeout', values['connect-timeout'], 300),
    json: values.json ?? false,
  };
}

function positiveSeconds(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} must be a positive number of seconds, got "${text}"`);
  }
  return value;
}
