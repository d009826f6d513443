// Whether this agent runs with the rights a script that "needs elevation" asks for. On Unix-like
// systems that is root. On Windows the agent runs as a service (LocalSystem) by design and there
// is no cheap, reliable check from Node, so it is taken as elevated.
export function isElevated(): boolean {
  if (process.platform === 'win32') return true;
  return process.getuid?.() === 0;
}
