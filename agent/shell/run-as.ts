// The account remote shells run as when the agent's config names one (Unix-like systems only):
// its user and group ids, looked up once at start so a typo stops the agent with a clear error
// instead of failing each session later.
import { execFileSync } from 'node:child_process';

export function resolveRunAs(
  account: string | undefined,
  platform: NodeJS.Platform = process.platform,
): { uid: number; gid: number } | undefined {
  if (account === undefined) return undefined;
  if (platform === 'win32')
    throw new Error('shellRunAs is for Unix-like systems; on Windows remote shells run as the agent service');
  const id = (flag: '-u' | '-g') => {
    try {
      return Number(execFileSync('id', [flag, account], { encoding: 'utf8' }).trim());
    } catch {
      throw new Error(`shellRunAs names "${account}", which is not a local account on this PC`);
    }
  };
  return { uid: id('-u'), gid: id('-g') };
}
