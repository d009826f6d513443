// Bodies of every message an agent may send. The map is the single source of truth: the
// decoder, the server's handler map and the TypeScript types all come from it.
import { Type } from 'typebox';
import { FaultBodies } from './checks.js';
import { Base64Url, PrintableText } from './common.js';
import { EmployeeBodies } from './employee.js';
import { JobAgentBodies } from './jobs.js';
import { ShellAgentBodies } from './shell.js';
import { HealthBatch } from './health.js';
import { InventoryReport } from './inventory.js';

export const AgentHello = Type.Object(
  {
    /** Key confirmation: base64url of this session's transcript hash. */
    transcript: Base64Url(100),
    agentVersion: PrintableText(64),
    hostname: PrintableText(255),
    platform: PrintableText(32),
    osRelease: PrintableText(128),
    arch: PrintableText(32),
  },
  { additionalProperties: false },
);

export const AgentHeartbeat = Type.Object(
  {
    /** Agent clock in ms since the epoch; echoed back for round-trip measurement. */
    sentAt: Type.Number(),
  },
  { additionalProperties: false },
);

export const AgentToServerBodies = {
  'agent.hello': AgentHello,
  'agent.heartbeat': AgentHeartbeat,
  'inventory.report': InventoryReport,
  'health.batch': HealthBatch,
  ...FaultBodies,
  ...EmployeeBodies,
  ...JobAgentBodies,
  ...ShellAgentBodies,
} as const;

/** Message types that travel through the agent's durable outbox: each body carries `seq`. */
export const OUTBOX_MESSAGE_TYPES = [
  'inventory.report',
  'health.batch',
  'fault.raised',
  'fault.cleared',
  'help.request',
  'ticket.rating',
  'job.result',
] as const;
export type OutboxMessageType = (typeof OUTBOX_MESSAGE_TYPES)[number];
