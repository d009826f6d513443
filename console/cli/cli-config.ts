// The CLI's own file: which server, which API token, which user. It holds a bearer token, so it is
// written owner-only (0600) in an owner-only directory (0700), atomically through a temp file.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from './errors.js';

export interface CliConfig {
  server: string;
  token: string | null;
  user: string | null;
}

/** HELPLINE_CONFIG, else $XDG_CONFIG_HOME/helpline/cli.json, else ~/.config/helpline/cli.json. */
export function cliConfigPath(env: Record<string, string | undefined>): string {
  if (env.HELPLINE_CONFIG) return env.HELPLINE_CONFIG;
  const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(configHome, 'helpline', 'cli.json');
}

/** The stored config, or null when there is none yet. A damaged file is an error, never ignored. */
export function readCliConfig(path: string): CliConfig | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON; fix it or delete it and log in again`, { cause: error });
  }
  const problem = describeProblem(parsed);
  if (problem) throw new Error(`${path}: ${problem}; fix it or delete it and log in again`);
  const config = parsed as CliConfig;
  return { server: config.server, token: config.token ?? null, user: config.user ?? null };
}

function describeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected an object {server, token, user}';
  const record = value as Record<string, unknown>;
  if (typeof record.server !== 'string') return '"server" must be a URL string';
  for (const key of ['token', 'user'] as const) {
    if (record[key] !== undefined && record[key] !== null && typeof record[key] !== 'string')
      return `"${key}" must be a string or null`;
  }
  return null;
}

export function writeCliConfig(path: string, config: CliConfig): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.cli.json.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Checks a server URL as typed and returns it without a trailing slash. */
export function normalizeServerUrl(text: string, where = '--server'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${where} must be a URL like https://helpline.example.com, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${where} must be an http:// or https:// URL, not "${text}"`);
  if (url.username || url.password || url.search || url.hash)
    throw new UsageError(`${where} must not contain credentials, a query or a fragment: "${text}"`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
