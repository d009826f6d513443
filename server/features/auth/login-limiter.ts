// Counts failed logins per (user name, client address) in a sliding window. In memory on
// purpose: it protects against guessing, and a restart that forgets it costs an attacker nothing
// they could not get by waiting out the window.
export function createLoginLimiter(options: { maxFailures: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const keyOf = (user: string, address: string) => `${user.toLowerCase()}|${address}`;
  const recent = (key: string) => (failures.get(key) ?? []).filter((at) => now() - at < options.windowMs);

  return {
    /** Seconds to wait when blocked, or 0 when a login may be tried. */
    retryAfterSec(user: string, address: string): number {
      const times = recent(keyOf(user, address));
      if (times.length < options.maxFailures) return 0;
      return Math.max(1, Math.ceil((times[0]! + options.windowMs - now()) / 1000));
    },
    fail(user: string, address: string): void {
      const key = keyOf(user, address);
      failures.set(key, [...recent(key), now()]);
    },
    succeed(user: string, address: string): void {
      failures.delete(keyOf(user, address));
    },
  };
}
