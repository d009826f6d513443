// The help desk's settings, changed by admins at run time: SLA policy, priority matrix,
// escalation rules, and when resolved tickets close by themselves.
import { Type, type Static } from 'typebox';
import { Name } from './common.js';
import { DEFAULT_PRIORITY_MATRIX, DEFAULT_SLA_POLICY, PriorityMatrix, SlaPolicy } from './sla.js';

export const EscalationRule = Type.Object(
  {
    on: Type.Union([Type.Literal('sla.warning'), Type.Literal('sla.breach')]),
    /** Which SLA clock; both when absent. */
    timer: Type.Optional(Type.Union([Type.Literal('first_response'), Type.Literal('resolution')])),
    nextLine: Type.Boolean(),
    raisePriority: Type.Boolean(),
    assignTo: Type.Optional(Name),
  },
  { additionalProperties: false },
);
export type EscalationRule = Static<typeof EscalationRule>;

export const HelpDeskSettings = Type.Object(
  {
    slaPolicy: SlaPolicy,
    priorityMatrix: PriorityMatrix,
    escalationRules: Type.Array(EscalationRule, { maxItems: 20 }),
    autoCloseResolvedAfterDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type HelpDeskSettings = Static<typeof HelpDeskSettings>;

export const DEFAULT_HELP_DESK_SETTINGS: HelpDeskSettings = {
  slaPolicy: DEFAULT_SLA_POLICY,
  priorityMatrix: DEFAULT_PRIORITY_MATRIX,
  escalationRules: [{ on: 'sla.breach', timer: 'resolution', nextLine: true, raisePriority: false }],
  autoCloseResolvedAfterDays: 7,
};
