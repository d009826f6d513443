import { createHash } from 'node:crypto';

/** Hashes a raw machine identifier: stable per PC, but the raw value never leaves it. */
export function hashMachineId(raw: string): string {
  return createHash('sha256').update(`helpline-machine:${raw.trim().toLowerCase()}`).digest('hex');
}
