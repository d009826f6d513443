// Transitions as the message bodies the agent puts in its outbox (the outbox adds `seq`).
import type { FaultCleared, FaultRaised } from '../../protocol/messages/checks.js';
import type { CheckTransition } from './evaluator.js';
import { printable } from './observe.js';

export type FaultMessage =
  { type: 'fault.raised'; body: Omit<FaultRaised, 'seq'> } | { type: 'fault.cleared'; body: Omit<FaultCleared, 'seq'> };

export function toFaultMessage(transition: CheckTransition): FaultMessage {
  const { check, faultKey, values, at } = transition;
  const detail = printable(transition.detail, 2000);
  if (transition.type === 'cleared') {
    return { type: 'fault.cleared', body: { checkId: check.id, faultKey, observedAt: at, detail, values } };
  }
  return {
    type: 'fault.raised',
    body: {
      checkId: check.id,
      faultKey,
      checkName: check.name,
      kind: check.kind,
      subject: printable(transition.subject, 300),
      detail,
      observedAt: at,
      values,
    },
  };
}
