// Bodies of every message an agent may send. The map is the single source of truth: the
// decoder, the server's handler map and the TypeScript types all come from it.
import { Type } from 'typebox';
import { Base64Url, ShortText } from './common.js';

export const AgentHello = Type.Object(
  {
    /** Key confirmation: base64url of this session's transcript hash. */
    transcript: Base64Url(100),
    agentVersion: ShortText(64),
    hostname: ShortText(255),
    platform: ShortText(32),
    osRelease: ShortText(128),
    arch: ShortText(32),
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
} as const;
