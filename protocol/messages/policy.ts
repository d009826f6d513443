// What the server asks an agent to do and how often. Sent in the welcome and on change.
import { Type, type Static } from 'typebox';

export const AgentPolicy = Type.Object(
  {
    healthIntervalMs: Type.Integer({ minimum: 1000, maximum: 24 * 3_600_000 }),
    inventoryIntervalMs: Type.Integer({ minimum: 1000, maximum: 7 * 24 * 3_600_000 }),
  },
  { additionalProperties: false },
);
export type AgentPolicy = Static<typeof AgentPolicy>;

export const DEFAULT_AGENT_POLICY: AgentPolicy = { healthIntervalMs: 60_000, inventoryIntervalMs: 3_600_000 };
