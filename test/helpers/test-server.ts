// Starts a real Helpline server on port 0 with a fresh data directory in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buildServer, type HelplineServer } from '../../server/build-server.js';
import { serverConfig, type ServerConfig } from '../../server/config.js';
import { initDataDir } from '../../server/data-dir.js';
import { createApiClient, type ApiClient } from '../../protocol/api/client.js';
import { API } from '../../protocol/api/routes/index.js';
import { routePath, type RouteSpec } from '../../protocol/api/route.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** What a raw request sends: any params, query and body, valid or not. */
export interface RawRequest {
  params?: object;
  query?: object;
  body?: unknown;
  /** Default: the admin's; null: signed out. */
  token?: string | null;
  headers?: Record<string, string>;
}

/** A raw answer as the server gave it; `body` is the parsed JSON (undefined when empty), as the test expects it. */
export interface RawAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  server: HelplineServer;
  url: string;
  dataDir: string;
  /** Every log line the server wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  adminToken: string;
  /**
   * One request to a route of the table with whatever input a test wants to send, valid or not
   * (the typed client only sends what the schemas allow): for bad-input and access tests.
   */
  raw<T = unknown>(spec: RouteSpec, options?: RawRequest): Promise<RawAnswer<T>>;
  /** The typed API client with a user's token (default: the admin's; null: signed out). */
  client(token?: string | null): ApiClient;
  /** Adds a user with the password `${name}-password-123` and returns a fresh API token for them. */
  addUser(name: string, role: 'admin' | 'technician' | 'viewer'): Promise<string>;
  /** Stops the server but keeps the data directory (for restart tests). */
  stop(): Promise<void>;
  /** Starts a new server on the same data directory and port. */
  restart(overrides?: Partial<ServerConfig>): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  options: { now?: () => number } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'helpline-server-'));
  await initDataDir(dataDir, { adminPassword: ADMIN_PASSWORD });
  const logs: Array<Record<string, unknown>> = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  const base = { logLevel: 'info' as const, port: 0, presenceFlushMs: 100, ...overrides, dataDir };
  let server = await buildServer(serverConfig(base), { logStream, ...options });
  let url = await server.listen();
  const port = Number(new URL(url).port);

  const raw = async <T>(spec: RouteSpec, options: RawRequest = {}): Promise<RawAnswer<T>> => {
    const token = options.token === undefined ? context.adminToken : options.token;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const path = routePath(spec, options.params, options.query);
    const response = await fetch(url + path, { method: spec.method, headers, body });
    const text = await response.text();
    // The test names the shape it expects: a raw request is the one place the table's types do not hold.
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };

  const context: TestServer = {
    get server() {
      return server;
    },
    get url() {
      return url;
    },
    dataDir,
    logs,
    adminToken: '',
    raw,
    client: (token) => createApiClient({ server: url, token: token === undefined ? context.adminToken : token }),
    async addUser(name, role) {
      const password = `${name}-password-123`;
      // A setup step that fails throws here, with the server's reason, not as a puzzling 401 later.
      await context.client().call(API.users.add, { body: { name, role, password } });
      return (await context.client(null).call(API.auth.login, { body: { user: name, password } })).token;
    },
    async stop() {
      await server.close();
    },
    async restart(more = {}) {
      server = await buildServer(serverConfig({ ...base, ...more, port }), { logStream, ...options });
      url = await server.listen();
    },
    async cleanup() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const login = await context.client(null).call(API.auth.login, { body: { user: 'admin', password: ADMIN_PASSWORD } });
  context.adminToken = login.token;
  return context;
}

/** The staff most tests work with: tom, a line-1 technician, and vera, a viewer. */
export interface StaffedTestServer {
  server: TestServer;
  /** tom's token (technician). */
  tom: string;
  /** vera's token (viewer). */
  vera: string;
}

/** A test server with tom (technician) and vera (viewer) signed in. */
export async function startStaffedServer(
  overrides: Partial<ServerConfig> = {},
  options: { now?: () => number } = {},
): Promise<StaffedTestServer> {
  const server = await startTestServer(overrides, options);
  const tom = await server.addUser('tom', 'technician');
  const vera = await server.addUser('vera', 'viewer');
  return { server, tom, vera };
}
