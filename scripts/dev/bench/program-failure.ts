// What a bench says when a program it ran (execFile) failed: the program's own words on stderr,
// or the spawn error, with the original error kept as the cause.

export function programFailed(what: string, error: unknown): Error {
  const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
  return new Error(`${what} failed: ${detail}`, { cause: error });
}
