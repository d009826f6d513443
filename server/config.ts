// The server's configuration: one schema with defaults. Resolved once at start by loadServerConfig.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { LogLevel, parseConfigFile, resolveConfigOrThrow } from '../protocol/config-layers.js';
import { DEFAULT_REKEY_AFTER_MESSAGES, DEFAULT_REKEY_AFTER_MS } from '../protocol/limits.js';
import { DEFAULT_AGENT_POLICY } from '../protocol/messages/policy.js';
import { AttachmentConfigSchema } from './features/attachments/config.js';
import { NotificationConfigSchema } from './features/notifications/config.js';

/** The package's dist/web, whether this file runs compiled (dist/server/) or from source (server/). */
function defaultWebDir(): string {
  const serverDir = dirname(fileURLToPath(import.meta.url));
  const packageDir = basename(dirname(serverDir)) === 'dist' ? dirname(dirname(serverDir)) : dirname(serverDir);
  return join(packageDir, 'dist', 'web');
}

export const ServerConfigSchema = Type.Object(
  {
    dataDir: Type.String({ minLength: 1 }),
    host: Type.String({ default: '127.0.0.1' }),
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
    /** URL agents and the console use to reach the server; put into enrollment tokens. */
    publicUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
    tlsCert: Type.Optional(Type.String()),
    tlsKey: Type.Optional(Type.String()),
    logLevel: LogLevel,
    /** How often agents send a heartbeat (told to them in the welcome). */
    heartbeatIntervalMs: Type.Integer({ minimum: 1000, default: 30_000 }),
    /** How often the server pings each agent socket; a missing pong by the next ping ends it. */
    pingIntervalMs: Type.Integer({ minimum: 100, default: 45_000 }),
    /** How often in-memory presence (last seen, handshake timestamps) is written in one batch. */
    presenceFlushMs: Type.Integer({ minimum: 50, default: 5_000 }),
    /** Handshakes accepted but not yet confirmed by the agent's first message. */
    maxPendingHandshakes: Type.Integer({ minimum: 1, default: 512 }),
    /** New handshakes admitted per second (token bucket); beyond it agents are told to retry. */
    handshakesPerSecond: Type.Integer({ minimum: 1, default: 400 }),
    /** Retry-After (seconds) sent with a "busy" refusal; agents add their own jitter. */
    busyRetryAfterSec: Type.Integer({ minimum: 1, default: 5 }),
    /** Retry-After (seconds) for devices waiting for approval. */
    pendingRetryAfterSec: Type.Integer({ minimum: 1, default: 30 }),
    /** How long an agent has to send its first (key confirmation) message. */
    handshakeConfirmTimeoutMs: Type.Integer({ minimum: 100, default: 10_000 }),
    rekeyAfterMessages: Type.Integer({ minimum: 2, default: DEFAULT_REKEY_AFTER_MESSAGES }),
    rekeyAfterMs: Type.Integer({ minimum: 1000, default: DEFAULT_REKEY_AFTER_MS }),
    /** Agent policy defaults: how often agents sample health and re-check inventory. */
    healthIntervalMs: Type.Integer({ minimum: 1000, default: DEFAULT_AGENT_POLICY.healthIntervalMs }),
    inventoryIntervalMs: Type.Integer({ minimum: 1000, default: DEFAULT_AGENT_POLICY.inventoryIntervalMs }),
    /** Raw health samples are kept this long; hourly roll-ups for healthHourlyRetentionMs. */
    healthRawRetentionMs: Type.Integer({ minimum: 3_600_000, default: 7 * 24 * 3_600_000 }),
    healthHourlyRetentionMs: Type.Integer({ minimum: 3_600_000, default: 365 * 24 * 3_600_000 }),
    /** Agent items are written in one transaction per this many ms, or per ingestMaxBatch items. */
    ingestFlushMs: Type.Integer({ minimum: 1, default: 50 }),
    ingestMaxBatch: Type.Integer({ minimum: 1, default: 2000 }),
    /** How often open tickets' SLA clocks are checked for warnings and breaches. */
    slaCheckIntervalMs: Type.Integer({ minimum: 1000, default: 60_000 }),
    /** How often queued jobs whose start time came are sent, and expired ones marked. */
    jobDispatchIntervalMs: Type.Integer({ minimum: 100, default: 5_000 }),
    /** A shell recording stops (with a marker) at this size. */
    recordingMaxBytes: Type.Integer({ minimum: 1024, default: 50 * 1024 * 1024 }),
    /** Recordings (and their session records) are kept this many days. */
    recordingRetentionDays: Type.Integer({ minimum: 1, default: 90 }),
    /** How often schedules are checked for due firings. */
    scheduleCheckIntervalMs: Type.Integer({ minimum: 100, default: 15_000 }),
    /** How often devices are checked against their group's offline check. */
    offlineCheckIntervalMs: Type.Integer({ minimum: 1000, default: 60_000 }),
    /** Failed logins per user name and address within loginWindowMs before 429. */
    loginMaxFailures: Type.Integer({ minimum: 1, default: 5 }),
    loginWindowMs: Type.Integer({ minimum: 1000, default: 15 * 60 * 1000 }),
    apiTokenTtlMs: Type.Integer({ minimum: 60_000, default: 30 * 24 * 60 * 60 * 1000 }),
    /** A web console sign-in lasts this long (a working day), whatever is done in it. */
    browserSessionTtlMs: Type.Integer({ minimum: 60_000, default: 12 * 60 * 60 * 1000 }),
    /** The built web console (index.html and assets/), served at `/`. */
    webDir: Type.String({ minLength: 1, default: defaultWebDir() }),
    /** SMTP relay and delivery worker settings (smtpHost, smtpPort, notifyMaxAttempts, ...). */
    ...NotificationConfigSchema.properties,
    /** The largest ticket attachment accepted, in bytes (default 10 MiB). */
    ...AttachmentConfigSchema.properties,
  },
  { additionalProperties: false },
);
export type ServerConfig = Static<typeof ServerConfigSchema>;

export const SERVER_CONFIG_FILE = 'server.json';

/** flag > HELPLINE_* environment > DIR/server.json > default. Throws one error listing every problem. */
/**
 * Values from the command line. The schema checks them as it checks the file and the environment,
 * so the log level is still the text as typed; a wrong one gets the schema's error.
 */
export type ServerFlags = Partial<Omit<ServerConfig, 'logLevel'>> & { dataDir: string; logLevel?: string };

export function loadServerConfig(flags: ServerFlags, env: Record<string, string | undefined>): ServerConfig {
  const file = join(flags.dataDir, SERVER_CONFIG_FILE);
  const fileValues = parseConfigFile(existsSync(file) ? readFileSync(file, 'utf8') : null, file);
  return resolveConfigOrThrow<ServerConfig>(ServerConfigSchema, 'server', { file: fileValues, env, flags });
}

/** Defaults plus the given values, for tests and the quick start. */
export function serverConfig(values: Partial<ServerConfig> & { dataDir: string }): ServerConfig {
  return resolveConfigOrThrow<ServerConfig>(ServerConfigSchema, 'server', { flags: values });
}
