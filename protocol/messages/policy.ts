// What the server asks an agent to do and how often, and which checks it runs. Sent in the
// welcome and whenever it changes (the device's group policy, or the device's group).
import { Type, type Static } from 'typebox';
import { CheckPolicy, DEFAULT_CHECK_POLICY } from './checks.js';

export const AgentPolicy = Type.Object(
  {
    healthIntervalMs: Type.Integer({ minimum: 1000, maximum: 24 * 3_600_000 }),
    inventoryIntervalMs: Type.Integer({ minimum: 1000, maximum: 7 * 24 * 3_600_000 }),
    checks: CheckPolicy,
  },
  { additionalProperties: false },
);
export type AgentPolicy = Static<typeof AgentPolicy>;

export const DEFAULT_AGENT_POLICY: AgentPolicy = {
  healthIntervalMs: 60_000,
  inventoryIntervalMs: 3_600_000,
  checks: DEFAULT_CHECK_POLICY,
};
