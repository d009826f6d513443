// Instants are kept as epoch milliseconds and shown in the API as ISO 8601 text.

/** An instant as ISO 8601 text; null stays null (not yet, never). */
export function iso(ms: number): string;
export function iso(ms: number | null | undefined): string | null;
export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
