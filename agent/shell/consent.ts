// What the employee is told about remote shells, through files in the state directory until
// the tray app exists: notices to show (policy `notify`) and requests to accept or deny (policy
// `consent`), answered with `helpline-agent consent accept|deny ID`. No answer in time is a no.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHELL_CONSENT_TIMEOUT_MS } from '../../protocol/messages/shell.js';

export interface ConsentRequest {
  sessionId: string;
  technician: string;
  what: string;
  requestedAt: number;
}

const dirOf = (stateDir: string) => join(stateDir, 'consent');
const POLL_MS = 200;

export function recordNotice(
  stateDir: string,
  notice: { technician: string; what: string; sessionId: string },
  now = Date.now(),
): void {
  appendFileSync(join(stateDir, 'notices.jsonl'), JSON.stringify({ at: now, kind: 'remote-shell', ...notice }) + '\n', {
    mode: 0o600,
  });
}

export function pendingConsents(stateDir: string): ConsentRequest[] {
  const dir = dirOf(stateDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.request.json'))
    .flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(dir, name), 'utf8')) as ConsentRequest];
      } catch {
        return [];
      }
    });
}

/** The employee's answer; false when there is no such pending request. */
export function answerConsent(stateDir: string, sessionId: string, accept: boolean): boolean {
  if (!/^sh_[a-z0-9]{16,40}$/.test(sessionId) || !existsSync(join(dirOf(stateDir), `${sessionId}.request.json`)))
    return false;
  writeFileSync(join(dirOf(stateDir), `${sessionId}.answer`), accept ? 'accept' : 'deny', { mode: 0o600 });
  return true;
}

/** Asks and waits; resolves true only on an explicit accept within the time limit. */
export function askConsent(
  stateDir: string,
  request: ConsentRequest,
  timeoutMs = SHELL_CONSENT_TIMEOUT_MS,
): { answer: Promise<boolean>; cancel: () => void } {
  const dir = dirOf(stateDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const requestFile = join(dir, `${request.sessionId}.request.json`);
  const answerFile = join(dir, `${request.sessionId}.answer`);
  writeFileSync(requestFile, JSON.stringify(request) + '\n', { mode: 0o600 });
  let finish: (accepted: boolean) => void = () => undefined;
  const answer = new Promise<boolean>((resolve) => {
    const deadline = setTimeout(() => finish(false), timeoutMs);
    const poll = setInterval(() => {
      if (existsSync(answerFile)) finish(readFileSync(answerFile, 'utf8').trim() === 'accept');
    }, POLL_MS);
    finish = (accepted) => {
      clearTimeout(deadline);
      clearInterval(poll);
      rmSync(requestFile, { force: true });
      rmSync(answerFile, { force: true });
      resolve(accepted);
    };
  });
  return { answer, cancel: () => finish(false) };
}
