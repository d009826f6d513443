// Bodies of every message the server may send to an agent. See agent-to-server.ts.
import { Type } from 'typebox';
import { Base64Url, DeviceId, ShortText } from './common.js';
import { EmployeeTickets } from './employee.js';
import { JobRun } from './jobs.js';
import { AgentPolicy } from './policy.js';
import { ShellServerBodies } from './shell.js';

export const ServerWelcome = Type.Object(
  {
    /** Key confirmation: base64url of this session's transcript hash. */
    transcript: Base64Url(100),
    deviceId: DeviceId,
    deviceName: ShortText(255),
    heartbeatIntervalMs: Type.Integer({ minimum: 1000, maximum: 3_600_000 }),
    serverTime: Type.Number(),
    policy: AgentPolicy,
  },
  { additionalProperties: false },
);

export const HeartbeatAck = Type.Object(
  {
    /** The agent's `sentAt`, unchanged. */
    sentAt: Type.Number(),
    serverTime: Type.Number(),
  },
  { additionalProperties: false },
);

/** The server refused one message; the connection stays up. */
export const ServerError = Type.Object(
  {
    inReplyTo: ShortText(64),
    code: ShortText(64),
    message: ShortText(1000),
  },
  { additionalProperties: false },
);

/** These outbox items are stored (or refused for good); the agent may delete them. */
export const OutboxAck = Type.Object(
  { seqs: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 10_000 }) },
  { additionalProperties: false },
);

/** The server has no inventory for this device: send every section again. */
export const InventoryResync = Type.Object({}, { additionalProperties: false });

export const ServerToAgentBodies = {
  'server.welcome': ServerWelcome,
  'heartbeat.ack': HeartbeatAck,
  'server.error': ServerError,
  'outbox.ack': OutboxAck,
  'inventory.resync': InventoryResync,
  'policy.update': AgentPolicy,
  'employee.tickets': EmployeeTickets,
  'job.run': JobRun,
  ...ShellServerBodies,
} as const;
