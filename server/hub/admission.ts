// Admission control for handshakes: a cap on handshakes that are accepted but not yet confirmed,
// and a token bucket on new ones. Over either limit the agent is told "busy, retry after N"
// instead of the server spending its CPU on a flood.
export function createAdmission(options: { maxPending: number; perSecond: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  let pending = 0;
  let tokens = options.perSecond;
  let refilledAt = now();

  const refill = () => {
    const at = now();
    tokens = Math.min(options.perSecond, tokens + ((at - refilledAt) / 1000) * options.perSecond);
    refilledAt = at;
  };

  return {
    /** Takes a slot for one handshake; false means refuse it as busy. */
    tryAdmit(): boolean {
      refill();
      if (pending >= options.maxPending || tokens < 1) return false;
      tokens -= 1;
      pending += 1;
      return true;
    },
    /** The handshake finished (confirmed, refused or dropped). */
    release(): void {
      pending = Math.max(0, pending - 1);
    },
    get pending() {
      return pending;
    },
  };
}
export type Admission = ReturnType<typeof createAdmission>;
