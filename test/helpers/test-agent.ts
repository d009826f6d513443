// Enrolls and runs real agents (in-process, through buildAgent) against a test server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildAgent, type Agent, type BuildAgentOptions } from '../../agent/build-agent.js';
import { agentConfig, type AgentConfig } from '../../agent/config.js';
import { enrollAgent } from '../../agent/enroll.js';
import { createLinuxPlatform } from '../../agent/platform/linux.js';
import { hashMachineId } from '../../agent/platform/machine-id.js';
import type { Platform } from '../../agent/platform/platform.js';
import { sampleHealth } from '../../agent/health/sampler.js';
import { collectInventory } from '../../agent/sources.js';
import type { WorkSources } from '../../agent/work.js';
import type { BodyOf } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import type { InventoryData } from '../../protocol/messages/inventory.js';
import type { TestServer } from './test-server.js';

let realInventory: Promise<InventoryData> | null = null;

/**
 * Real inventory and health from this machine. The inventory is collected once per test file
 * and shared, so that dozens of test agents do not each spawn dpkg and friends.
 */
export function realSources(): WorkSources {
  realInventory ??= collectInventory(createLinuxPlatform());
  return {
    collectInventory: () => realInventory!.then((data) => structuredClone(data)),
    sampleHealth: () => sampleHealth(),
  };
}

/** A platform whose machine id is unique per test agent, so many agents can enroll from one PC. */
export function testPlatform(machineId = `test-${Math.random()}`): Platform {
  return { ...createLinuxPlatform(), machineId: () => hashMachineId(machineId) };
}

type TokenOptions = BodyOf<typeof API.enrollment.createToken>;

export async function createToken(server: TestServer, options: TokenOptions = {}): Promise<string> {
  return (await server.client().call(API.enrollment.createToken, { body: options })).token;
}

export interface TestAgent {
  agent: Agent;
  stateDir: string;
  deviceId: string;
  /** Resolves when the agent reaches the given status (or emits it next). */
  waitFor(status: Agent['status'], timeoutMs?: number): Promise<void>;
  cleanup(): Promise<void>;
}

export async function enrollTestAgent(
  server: TestServer,
  options: {
    token?: string;
    approval?: boolean;
    platform?: Platform;
    config?: Partial<AgentConfig>;
    build?: BuildAgentOptions;
    start?: boolean;
    /** The device name to enroll under (default: this machine's host name). */
    name?: string;
  } = {},
): Promise<TestAgent> {
  const stateDir = mkdtempSync(join(tmpdir(), 'helpline-agent-'));
  const token = options.token ?? (await createToken(server, { approval: options.approval ?? false }));
  const platform = options.platform ?? testPlatform();
  const enrolled = await enrollAgent({
    token,
    stateDir,
    platform,
    ...(options.name !== undefined ? { name: options.name } : {}),
  });
  const agent = buildAgent(
    agentConfig({ stateDir, reconnectBaseMs: 50, reconnectCapMs: 500, firstReconnectMaxMs: 50, ...options.config }),
    { logger: pino({ level: 'silent' }), sources: realSources(), ...options.build },
  );
  const waitFor: TestAgent['waitFor'] = (status, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      if (agent.status === status) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`agent did not reach ${status} (is ${agent.status})`)),
        timeoutMs,
      );
      const listener = (next: Agent['status']) => {
        if (next !== status) return;
        clearTimeout(timer);
        agent.off('status', listener);
        resolve();
      };
      agent.on('status', listener);
    });
  if (options.start !== false) agent.start();
  return {
    agent,
    stateDir,
    deviceId: enrolled.deviceId,
    waitFor,
    async cleanup() {
      await agent.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns true. Tests wait for conditions, never for fixed times. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
