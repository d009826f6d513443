// The check evaluator: a pure state machine from health samples and inventory to fault
// transitions. It reads no clock (every input carries its time) and does no I/O; the agent sends
// the transitions through its outbox and persists `state()` so that a restart neither raises a
// raised fault again nor forgets one.
//
// Per fault key (a check, or a check and one mount or disk):
// - clear → raised when the fault condition held in every sample for the check's duration
//   (`forMinutes`; 0 for checks without one). One sample without it resets the timer.
// - raised → clear when the recovery condition (the far side of the hysteresis band) held in
//   every sample for the same duration: a single quiet minute in a 15-minute CPU storm does not
//   close the ticket only to open it again 15 minutes later.
// - A value inside the band (e.g. 88 % between recovery 85 % and threshold 90 %) keeps the state
//   and breaks either run.
// - A gap between samples longer than `maxSampleGapMs` (agent stopped, PC asleep) or a clock that
//   went back restarts the run: nobody saw what happened in between.
import type { CheckDefinition, CheckPolicy, FaultValues } from '../../protocol/messages/checks.js';
import type { HealthSample } from '../../protocol/messages/health.js';
import type { InventoryData } from '../../protocol/messages/inventory.js';
import { type Observation, type Observed, observeHealth, observeInventory } from './observe.js';
import { type CheckEvaluatorState, type FaultTrack, emptyCheckState, scopeOf } from './state.js';

export interface CheckTransition {
  type: 'raised' | 'cleared';
  check: CheckDefinition;
  /** `check.id`, or `check.id:item` for per-mount and per-disk faults. */
  faultKey: string;
  subject: string;
  detail: string;
  values: FaultValues;
  /** The time of the observation that decided it (ms since the epoch, agent clock). */
  at: number;
}

export interface CheckEvaluatorOptions {
  /** Longest gap between samples still taken as continuous; use about 3 health intervals. */
  maxSampleGapMs?: number;
}

export const DEFAULT_MAX_SAMPLE_GAP_MS = 5 * 60_000;

/** The checks an agent runs, by id; the first of duplicate ids wins (the server refuses those). */
function agentChecks(policy: CheckPolicy): Map<string, CheckDefinition> {
  const checks = new Map<string, CheckDefinition>();
  for (const check of policy.checks) if (check.kind !== 'offline' && !checks.has(check.id)) checks.set(check.id, check);
  return checks;
}

const holdMs = (check: CheckDefinition) => ('forMinutes' in check ? check.forMinutes * 60_000 : 0);

interface Step {
  track: FaultTrack | null;
  flipped: boolean;
  heldMs: number;
}

function step(track: FaultTrack | undefined, observation: Observation, at: number, hold: number, maxGap: number): Step {
  const raised = track?.raised ?? false;
  const towardOther = raised ? observation.recovered : observation.failing;
  const continuous = track !== undefined && at >= track.lastAt && at - track.lastAt <= maxGap;
  const runSince = !towardOther ? null : continuous && track.runSince !== null ? track.runSince : at;
  if (runSince !== null && at - runSince >= hold) {
    const next = raised ? null : { raised: true, runSince: null, lastAt: at, subject: observation.subject };
    return { track: next, flipped: true, heldMs: at - runSince };
  }
  if (!raised && runSince === null) return { track: null, flipped: false, heldMs: 0 };
  return {
    track: { raised, runSince, lastAt: at, subject: track?.raised ? track.subject : observation.subject },
    flipped: false,
    heldMs: 0,
  };
}

export function createCheckEvaluator(
  policy: CheckPolicy,
  initialState?: CheckEvaluatorState | null,
  options: CheckEvaluatorOptions = {},
) {
  const maxGap = options.maxSampleGapMs ?? DEFAULT_MAX_SAMPLE_GAP_MS;
  let checks = agentChecks(policy);
  const state = emptyCheckState();
  // State saved under another policy: keep what still applies, silently drop the rest.
  for (const [id, entry] of Object.entries(initialState?.checks ?? {})) {
    const check = checks.get(id);
    if (check && scopeOf(check) === entry.scope) state.checks[id] = structuredClone(entry);
  }

  function evaluate(check: CheckDefinition, observed: Observed, at: number): CheckTransition[] {
    const entry = state.checks[check.id] ?? { scope: scopeOf(check), faults: {} };
    const transitions: CheckTransition[] = [];
    const seen = new Set<string>();
    for (const observation of observed.items) {
      seen.add(observation.key);
      const result = step(entry.faults[observation.key], observation, at, holdMs(check), maxGap);
      if (result.track) entry.faults[observation.key] = result.track;
      else delete entry.faults[observation.key];
      if (!result.flipped) continue;
      const type = result.track?.raised ? 'raised' : 'cleared';
      const detail = (type === 'raised' ? observation.raisedDetail : observation.clearedDetail)(result.heldMs / 60_000);
      transitions.push({
        type,
        check,
        faultKey: observation.key,
        subject: observation.subject,
        detail,
        values: observation.values,
        at,
      });
    }
    if (observed.missingDetail) {
      for (const [key, track] of Object.entries(entry.faults)) {
        if (seen.has(key)) continue;
        delete entry.faults[key];
        if (track.raised) {
          transitions.push({
            type: 'cleared',
            check,
            faultKey: key,
            subject: track.subject,
            detail: observed.missingDetail(key, track.subject),
            values: { reason: 'not_observed' },
            at,
          });
        }
      }
    }
    if (Object.keys(entry.faults).length > 0) state.checks[check.id] = entry;
    else delete state.checks[check.id];
    return transitions;
  }

  function run(observe: (check: CheckDefinition) => Observed | null, at: number): CheckTransition[] {
    return [...checks.values()].flatMap((check) => {
      const observed = observe(check);
      return observed ? evaluate(check, observed, at) : [];
    });
  }

  return {
    /** Disk, memory and CPU checks; `sample.at` is the time of every transition it returns. */
    onHealthSample: (sample: HealthSample): CheckTransition[] =>
      run((check) => observeHealth(check, sample), sample.at),

    /** SMART, battery and service checks, for the sections given (absent ones: no news). */
    onInventory: (sections: Partial<InventoryData>, at: number): CheckTransition[] =>
      run((check) => observeInventory(check, sections), at),

    /**
     * Takes a new policy. Checks with the same id and scope keep their state (new thresholds
     * apply from the next sample); removed checks, and checks that now watch something else,
     * are dropped, and each fault they had raised is cleared so its ticket is not left waiting.
     */
    applyPolicy(next: CheckPolicy, at: number): CheckTransition[] {
      const nextChecks = agentChecks(next);
      const transitions: CheckTransition[] = [];
      for (const [id, entry] of Object.entries(state.checks)) {
        const kept = nextChecks.get(id);
        if (kept && scopeOf(kept) === entry.scope) continue;
        delete state.checks[id];
        const check = checks.get(id);
        if (!check) continue;
        for (const [key, track] of Object.entries(entry.faults)) {
          if (!track.raised) continue;
          const detail = `The check "${check.name}" was removed from this device's policy or now watches something else, so this fault is no longer watched; cleared.`;
          transitions.push({
            type: 'cleared',
            check,
            faultKey: key,
            subject: track.subject,
            detail,
            values: { reason: 'check_removed' },
            at,
          });
        }
      }
      checks = nextChecks;
      return transitions;
    },

    /** A JSON-safe copy to persist; give it back to `createCheckEvaluator` after a restart. */
    state: (): CheckEvaluatorState => structuredClone(state),
  };
}
export type CheckEvaluator = ReturnType<typeof createCheckEvaluator>;
