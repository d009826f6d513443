import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterDelay } from '../../agent/backoff.js';
import { envNameFor, resolveConfig } from '../../protocol/config-layers.js';
import { parseDuration } from '../../protocol/duration.js';
import { HELPLINE_VERSION } from '../../protocol/version.js';
import { ServerConfigSchema, type ServerConfig } from '../../server/config.js';

describe('reconnect backoff', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };
  it('doubles the ceiling per attempt and applies full jitter after the cap', () => {
    expect(backoffDelay(0, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, policy, () => 0.999)).toBe(59_940);
    expect(backoffDelay(20, policy, () => 0)).toBe(0);
    expect(backoffDelay(1000, policy, () => 0.5)).toBe(30_000);
  });
  it('never retries before the server said, and spreads the returns', () => {
    expect(retryAfterDelay(5, () => 0)).toBe(5000);
    expect(retryAfterDelay(5, () => 0.999)).toBe(9995);
  });
});

describe('configuration layers', () => {
  it('takes flag over environment over file over default', () => {
    const result = resolveConfig<ServerConfig>(ServerConfigSchema, {
      file: { dataDir: '/d', port: 1, host: 'file-host', heartbeatIntervalMs: 5000 },
      env: { HELPLINE_PORT: '2', HELPLINE_HOST: 'env-host' },
      flags: { port: 3 },
    });
    expect(result.ok && result.config).toMatchObject({
      port: 3,
      host: 'env-host',
      heartbeatIntervalMs: 5000,
      pingIntervalMs: 45_000,
    });
  });
  it('names every problem of a bad config and accepts nothing', () => {
    const result = resolveConfig(ServerConfigSchema, { file: { dataDir: '/d', port: 'eighty', colour: 'blue' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join('\n')).toContain('port');
      expect(result.errors.join('\n')).toContain('additional properties');
    }
  });
  it('names the choices of a bad log level once', () => {
    const result = resolveConfig(ServerConfigSchema, { file: { dataDir: '/d' }, env: { HELPLINE_LOG_LEVEL: 'loud' } });
    expect(result.ok ? [] : result.errors).toEqual([
      'logLevel: must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  it('maps camelCase keys to HELPLINE_ environment names', () => {
    expect(envNameFor('heartbeatIntervalMs')).toBe('HELPLINE_HEARTBEAT_INTERVAL_MS');
  });
});

describe('small shared facts', () => {
  it('parses durations people type, and refuses the rest', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('500ms')).toBe(500);
    for (const bad of ['', '30', 'm', '-5m', '0s', '5 minutes']) expect(parseDuration(bad)).toBeNull();
  });
  it('keeps the protocol version constant equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(HELPLINE_VERSION).toBe(pkg.version);
  });
});
