// What every command needs: where to print, the config file, and an API client for the right
// server. Server: --server > HELPLINE_SERVER > config file. Token: HELPLINE_TOKEN > config file.
import { createApiClient, type ApiClient } from '../../protocol/api/client.js';
import { cliConfigPath, normalizeServerUrl, readCliConfig, writeCliConfig, type CliConfig } from './cli-config.js';
import { LOGIN_HINT, NOT_LOGGED_IN } from './errors.js';
import type { CliIo } from './output.js';

/** Options every command accepts. */
export interface GlobalArgs {
  server: string | undefined;
}

export interface CliContext {
  io: CliIo;
  env: Record<string, string | undefined>;
  configPath: string;
  readConfig(): CliConfig | null;
  writeConfig(config: CliConfig): void;
  /** The server to talk to, or null when none is configured anywhere. */
  serverUrl(args: GlobalArgs): string | null;
  /** An API client with the given token (none for login). */
  apiFor(server: string, token: string | null): ApiClient;
  /**
   * The API client for the signed-in user; throws "not logged in" when there is no token.
   * `timeoutMs` overrides the usual deadline (file transfers, which may take long on a slow link).
   */
  api(args: GlobalArgs, options?: { timeoutMs?: number }): ApiClient;
}

/** What a refused token means for the person at the CLI, and what to do about it. */
export const expiredLoginMessage = (server: string) =>
  `your login on ${server} is no longer valid (expired, revoked or logged out); ${LOGIN_HINT}`;
const typedClient = (server: string, token: string | null, timeoutMs?: number) =>
  createApiClient({ server, token, expiredLoginMessage, timeoutMs });

export function createCliContext(env: Record<string, string | undefined>, io: CliIo): CliContext {
  const configPath = cliConfigPath(env);
  const readConfig = () => readCliConfig(configPath);

  const serverUrl = (args: GlobalArgs): string | null => {
    if (args.server !== undefined) return normalizeServerUrl(args.server);
    if (env.HELPLINE_SERVER) return normalizeServerUrl(env.HELPLINE_SERVER, 'HELPLINE_SERVER');
    const stored = readConfig();
    return stored ? normalizeServerUrl(stored.server, `"server" in ${configPath}`) : null;
  };

  return {
    io,
    env,
    configPath,
    readConfig,
    writeConfig: (config) => writeCliConfig(configPath, config),
    serverUrl,
    apiFor: typedClient,
    api(args, options = {}) {
      const server = serverUrl(args);
      const token = env.HELPLINE_TOKEN || readConfig()?.token;
      if (!server || !token) throw new Error(NOT_LOGGED_IN);
      return typedClient(server, token, options.timeoutMs);
    },
  };
}
