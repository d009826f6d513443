// The agent hub: the /agent WebSocket endpoint, one channel per connected device, and the durable
// intake of what agents send. Features reach agents through the hub's face (hub/agents.ts) and give
// their message handlers to agentMessagesPlugin, whose needs make a missing one a compile error.
import type { AgentPolicy } from '../../protocol/messages/policy.js';
import type { ServerConfig } from '../config.js';
import type { ServerKeys } from '../data-dir.js';
import type { Db } from '../db/database.js';
import { createAgentHub, type AgentHub, type AuditLog, type DeviceDirectory } from '../hub/agent-hub.js';
import type { AgentHandlers, HandlersOf } from '../hub/agents.js';
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
    if (!hub.hasHandlers()) throw new Error('no agent message handlers: add agentMessagesPlugin to the server');
  });
  // Agents are told the server is going away; then what they sent is written before the database closes.
  shutdown.add(async () => {
    await hub.close();
    ingest.flush();
  });
  return { hub, ingest };
});

/** The handlers each feature gives for the agent messages it owns. */
interface FeatureMessages {
  healthMessages: HandlersOf<'health.batch'>;
  inventoryMessages: HandlersOf<'inventory.report'>;
  ticketMessages: HandlersOf<'help.request' | 'ticket.rating'>;
  jobMessages: HandlersOf<'job.started' | 'job.result'>;
  faultMessages: HandlersOf<'fault.raised' | 'fault.cleared'>;
  shellMessages: HandlersOf<'shell.waiting' | 'shell.opened' | 'shell.output' | 'shell.exit'>;
}

/**
 * Hands the hub one handler per agent message type, after the features that own them. The object
 * is typed as every feature message type's handler, so a message type that no feature handles (a
 * new message, a feature left out of the list) does not compile.
 */
export const agentMessagesPlugin = sharedPlugin(
  'agent-messages',
  (_app, parts: FeatureMessages & { hub: AgentHub }) => {
    const handlers: AgentHandlers = {
      ...parts.healthMessages,
      ...parts.inventoryMessages,
      ...parts.ticketMessages,
      ...parts.jobMessages,
      ...parts.faultMessages,
      ...parts.shellMessages,
    };
    parts.hub.takeHandlers(handlers);
    return {};
  },
);
