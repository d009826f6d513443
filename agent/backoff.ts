// Reconnect delays: exponential backoff with full jitter applied after the cap, so that a
// thousand agents dropped at once come back spread over the whole window, never in lockstep.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Delay before attempt number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * Delay when the server said "retry after N seconds": never earlier than N, and spread over
 * up to N more so that the agents it turned away do not return together.
 */
export function retryAfterDelay(retryAfterSec: number, random: () => number = Math.random): number {
  const ms = retryAfterSec * 1000;
  return Math.floor(ms + random() * ms);
}
