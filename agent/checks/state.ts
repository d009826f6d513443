// What the check evaluator remembers between samples, as plain JSON, so the agent can persist it
// and after a restart neither raises an already raised fault again nor forgets a clear it owes.
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { CheckDefinition } from '../../protocol/messages/checks.js';

export const CHECK_STATE_VERSION = 1;

/** One fault key (a check, or a check and one mount or disk). */
export const FaultTrack = Type.Object(
  {
    raised: Type.Boolean(),
    /**
     * Start of the unbroken run of samples that argue for the other state (failing while clear,
     * recovered while raised); null when the last sample did not. Only duration checks wait on it.
     */
    runSince: Type.Union([Type.Number(), Type.Null()]),
    /** Time of the last observation, to notice gaps (agent stopped, PC asleep) and clock jumps. */
    lastAt: Type.Number(),
    /** The subject of the last observation (what was raised, for a clear that has no sample). */
    subject: Type.String(),
  },
  { additionalProperties: false },
);
export type FaultTrack = Static<typeof FaultTrack>;

export const CheckTracks = Type.Object(
  {
    /** The check's kind and target (mount, service): a check whose scope changed starts afresh. */
    scope: Type.String(),
    faults: Type.Record(Type.String(), FaultTrack),
  },
  { additionalProperties: false },
);
export type CheckTracks = Static<typeof CheckTracks>;

export const CheckEvaluatorState = Type.Object(
  { version: Type.Literal(CHECK_STATE_VERSION), checks: Type.Record(Type.String(), CheckTracks) },
  { additionalProperties: false },
);
export type CheckEvaluatorState = Static<typeof CheckEvaluatorState>;

const stateValidator = Compile(CheckEvaluatorState);

/** The persisted state if it is valid, else null (start afresh: at worst a fault is raised again). */
export function parseCheckEvaluatorState(value: unknown): CheckEvaluatorState | null {
  return stateValidator.Check(value) ? structuredClone(value) : null;
}

export const emptyCheckState = (): CheckEvaluatorState => ({ version: CHECK_STATE_VERSION, checks: {} });

/** What a check watches; thresholds are not part of it, so tuning them keeps raised faults. */
export function scopeOf(check: CheckDefinition): string {
  switch (check.kind) {
    case 'disk_usage':
      return JSON.stringify([check.kind, check.mount ?? null]);
    case 'service_running':
      return JSON.stringify([check.kind, check.service]);
    default:
      return JSON.stringify([check.kind]);
  }
}
