// The agent hub: the /agent WebSocket endpoint, one channel per connected device, and the durable
// intake of what agents send. Features reach agents through the hub's face (hub/agents.ts); the
// server refuses to start while a message type has no feature handling it.
import type { AgentPolicy } from '../../protocol/messages/policy.js';
import type { ServerConfig } from '../config.js';
import type { ServerKeys } from '../data-dir.js';
import type { Db } from '../db/database.js';
import { createAgentHub, type AuditLog, type DeviceDirectory } from '../hub/agent-hub.js';
import { createIngestQueue } from '../ingest/ingest-queue.js';
import { sharedPlugin, type Shutdown } from './assembly.js';
import type { UpgradeRoutes } from './upgrades.js';

interface HubNeeds {
  config: ServerConfig;
  keys: ServerKeys;
  db: Db;
  deviceStore: DeviceDirectory;
  audit: AuditLog;
  /** The policy of a device group: sent in each agent's welcome. */
  agentPolicy: (group: string) => AgentPolicy;
  now: () => number;
  upgrades: UpgradeRoutes;
  shutdown: Shutdown;
}

export const hubPlugin = sharedPlugin('agent-hub', (app, parts: HubNeeds) => {
  const { config, keys, db, deviceStore, audit, agentPolicy, now, upgrades, shutdown } = parts;
  const ingest = createIngestQueue({
    db,
    log: app.log,
    flushMs: config.ingestFlushMs,
    maxBatch: config.ingestMaxBatch,
  });
  const hub = createAgentHub({
    config,
    channelKeys: keys.channel,
    devices: deviceStore,
    audit,
    policyFor: (device) => agentPolicy(device.group),
    log: app.log,
    now,
  });
  upgrades.add('/agent', hub.handleUpgrade);
  app.addHook('onReady', async () => {
    const unhandled = hub.unhandledTypes();
    if (unhandled.length) throw new Error(`agent messages with no handler: ${unhandled.join(', ')}`);
  });
  // Agents are told the server is going away; then what they sent is written before the database closes.
  shutdown.add(async () => {
    await hub.close();
    ingest.flush();
  });
  return { hub, ingest };
});
