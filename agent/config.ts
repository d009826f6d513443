// The agent's configuration: one schema with defaults; flag > HELPLINE_* environment > file > default.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static } from 'typebox';
import { LogLevel, parseConfigFile, resolveConfigOrThrow } from '../protocol/config-layers.js';

export const AgentConfigSchema = Type.Object(
  {
    stateDir: Type.String({ minLength: 1 }),
    logLevel: LogLevel,
    /** Overrides the heartbeat interval the server asks for (trials and tests). */
    heartbeatIntervalMs: Type.Optional(Type.Integer({ minimum: 100 })),
    /** Reconnect backoff: the delay doubles from this base... */
    reconnectBaseMs: Type.Integer({ minimum: 10, default: 1000 }),
    /** ...up to this cap, and a random share of it is used (full jitter, after the cap). */
    reconnectCapMs: Type.Integer({ minimum: 100, default: 60_000 }),
    /** Upper bound of the random wait before the first reconnect after a drop. */
    firstReconnectMaxMs: Type.Integer({ minimum: 0, default: 5_000 }),
    /** Override the server's policy: how often to sample health / re-check inventory (trials, tests). */
    healthIntervalMs: Type.Optional(Type.Integer({ minimum: 100 })),
    inventoryIntervalMs: Type.Optional(Type.Integer({ minimum: 100 })),
    /** The outbox keeps at most this much unsent data... */
    outboxMaxBytes: Type.Integer({ minimum: 1024, default: 50 * 1024 * 1024 }),
    /** ...for at most this long; health samples are dropped first. */
    outboxMaxAgeMs: Type.Integer({ minimum: 60_000, default: 7 * 24 * 3_600_000 }),
    /** Outbox items sent but not yet acknowledged, at most. */
    outboxWindow: Type.Integer({ minimum: 1, maximum: 1000, default: 32 }),
    /** Whether this PC runs maintenance scripts at all; off refuses every job (and says so). */
    scriptsEnabled: Type.Boolean({ default: true }),
    /** Remote shells open at once on this PC, at most. */
    shellMaxSessions: Type.Integer({ minimum: 1, maximum: 20, default: 3 }),
    /** Unix: the local account remote shells run as, instead of the agent's own (e.g. "helpdesk"). */
    shellRunAs: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z_][a-z0-9_.-]*$' })),
    /** Give up on a connection attempt after this long. */
    connectTimeoutMs: Type.Integer({ minimum: 100, default: 15_000 }),
  },
  { additionalProperties: false },
);
export type AgentConfig = Static<typeof AgentConfigSchema>;

export const AGENT_CONFIG_FILE = 'agent-config.json';

export function loadAgentConfig(
  flags: Partial<AgentConfig> & { stateDir: string },
  env: Record<string, string | undefined>,
): AgentConfig {
  const file = join(flags.stateDir, AGENT_CONFIG_FILE);
  const fileValues = parseConfigFile(existsSync(file) ? readFileSync(file, 'utf8') : null, file);
  return resolveConfigOrThrow<AgentConfig>(AgentConfigSchema, 'agent', { file: fileValues, env, flags });
}

/** Defaults plus the given values, for tests and the quick start. */
export function agentConfig(values: Partial<AgentConfig> & { stateDir: string }): AgentConfig {
  return resolveConfigOrThrow<AgentConfig>(AgentConfigSchema, 'agent', { flags: values });
}
