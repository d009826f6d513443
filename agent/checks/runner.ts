// Runs the policy's checks on what the agent collects anyway (health samples, inventory) and puts
// each fault transition in the outbox in the same transaction as the evaluator's new state, so a
// crash can neither lose a transition nor send it twice. The last policy received is kept too:
// an agent that starts while the server is down still runs its group's checks. Until the server
// has sent a policy once, no checks run: the group may not want the default ones.
import { Compile } from 'typebox/compile';
import type { Logger } from 'pino';
import type { HealthSample } from '../../protocol/messages/health.js';
import type { InventoryData } from '../../protocol/messages/inventory.js';
import { AgentPolicy, DEFAULT_AGENT_POLICY } from '../../protocol/messages/policy.js';
import type { Outbox, OutboxEntry } from '../outbox/outbox-store.js';
import { createCheckEvaluator, type CheckEvaluator, type CheckTransition } from './evaluator.js';
import { toFaultMessage } from './messages.js';
import { parseCheckEvaluatorState, type CheckEvaluatorState } from './state.js';

const STATE_KEY = 'checks.state';
const POLICY_KEY = 'policy';
const policyValidator = Compile(AgentPolicy);

/** A sample gap longer than this many health intervals breaks a duration check's run. */
const GAP_INTERVALS = 3;

export function createCheckRunner(deps: {
  outbox: Outbox;
  log: Logger;
  onEnqueued: () => void;
  healthIntervalMs: (policy: AgentPolicy) => number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const stored = deps.outbox.getMeta(POLICY_KEY);
  const parsed: unknown = stored ? JSON.parse(stored) : null;
  let received: AgentPolicy | null = policyValidator.Check(parsed) ? parsed : null;
  let evaluator: CheckEvaluator | null = null;
  const create = (policy: AgentPolicy, state: CheckEvaluatorState | null) =>
    createCheckEvaluator(policy.checks, state, { maxSampleGapMs: GAP_INTERVALS * deps.healthIntervalMs(policy) });
  if (received) {
    const saved = deps.outbox.getMeta(STATE_KEY);
    evaluator = create(received, saved ? parseCheckEvaluatorState(JSON.parse(saved)) : null);
  }

  /** Queues `before` (e.g. the health sample), then the transitions, with the new state. */
  const record = (transitions: CheckTransition[], before: OutboxEntry[] = [], meta: Record<string, string> = {}) => {
    const faults = transitions.map(toFaultMessage);
    if (faults.length === 0 && before.length === 0 && Object.keys(meta).length === 0) return;
    const state: Record<string, string> = evaluator ? { [STATE_KEY]: JSON.stringify(evaluator.state()) } : {};
    deps.outbox.enqueueAll([...before, ...faults], { ...meta, ...state });
    for (const fault of faults)
      deps.log.info(
        { type: fault.type, faultKey: fault.body.faultKey },
        fault.type === 'fault.raised' ? `fault raised: ${fault.body.subject}` : 'fault cleared',
      );
    deps.onEnqueued();
  };

  return {
    /** The policy last received from the server (the default intervals until then). */
    policy: () => received ?? DEFAULT_AGENT_POLICY,
    /** Evaluates a health sample and queues it together with any fault it raised or cleared. */
    onHealthSample(sample: HealthSample) {
      record(evaluator?.onHealthSample(sample) ?? [], [{ type: 'health.batch', body: { samples: [sample] } }]);
    },
    onInventory(data: Partial<InventoryData>, at: number) {
      if (evaluator) record(evaluator.onInventory(data, at));
    },
    /** Takes a policy from the server; returns true when something changed. */
    applyPolicy(next: AgentPolicy): boolean {
      const text = JSON.stringify(next);
      if (received && text === JSON.stringify(received)) return false;
      const transitions = evaluator?.applyPolicy(next.checks, now()) ?? [];
      evaluator = create(next, evaluator?.state() ?? null);
      received = next;
      record(transitions, [], { [POLICY_KEY]: text });
      return true;
    },
  };
}
export type CheckRunner = ReturnType<typeof createCheckRunner>;
