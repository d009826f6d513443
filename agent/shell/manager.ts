// The agent's remote shells: opens each on the server's request (after telling or asking the
// employee, as the policy says), relays input, output, resizes and acknowledgements, and ends
// every session when the channel to the server goes (nobody would see it any more).
import type { Logger } from 'pino';
import type { ServerToAgentBody } from '../../protocol/envelope.js';
import type { AgentToServerBody, AgentToServerType } from '../../protocol/envelope.js';
import type { ShellOpen } from '../../protocol/messages/shell.js';
import { askConsent, recordNotice } from './consent.js';
import type { ShellSession } from './pty-session.js';

// node-pty (a native module) is loaded with the first shell: most agents never open one, and it
// costs every agent memory from the start otherwise.
let ptySessions: Promise<typeof import('./pty-session.js')> | null = null;
const loadPtySessions = () => (ptySessions ??= import('./pty-session.js'));

export type ShellSend = <K extends AgentToServerType>(type: K, body: AgentToServerBody<K>) => boolean;

export function createShellManager(deps: {
  stateDir: string;
  maxSessions: number;
  log: Logger;
  runAs?: { uid: number; gid: number };
}) {
  const sessions = new Map<string, ShellSession>();
  const waiting = new Map<string, () => void>();
  let send: ShellSend | null = null;
  const end = (sessionId: string, reason: string) =>
    send?.('shell.exit', { sessionId, exitCode: null, signal: null, reason, bytesIn: 0, bytesOut: 0 });

  const starting = new Set<string>();
  const start = async (open: ShellOpen) => {
    starting.add(open.sessionId);
    const { startShellSession } = await loadPtySessions().finally(() => starting.delete(open.sessionId));
    if (!send) return;
    const started = startShellSession(
      open,
      {
        output: (chunk) =>
          void send?.('shell.output', { sessionId: open.sessionId, data: chunk.toString('base64url') }),
        exit: (info) => {
          sessions.delete(open.sessionId);
          deps.log.info({ sessionId: open.sessionId, ...info }, 'remote shell ended');
          send?.('shell.exit', { sessionId: open.sessionId, ...info });
        },
      },
      deps.runAs ? { runAs: deps.runAs } : {},
    );
    if ('refused' in started) {
      end(open.sessionId, started.refused);
      return;
    }
    sessions.set(open.sessionId, started);
    deps.log.info(
      { sessionId: open.sessionId, technician: open.technician, shell: started.shell, exec: open.exec !== undefined },
      'remote shell started',
    );
    send?.('shell.opened', { sessionId: open.sessionId, shell: started.shell, pid: started.pid });
  };

  return {
    attach(next: ShellSend) {
      send = next;
    },
    /** The channel closed: every session and every consent question ends. */
    detach() {
      send = null;
      for (const cancel of waiting.values()) cancel();
      for (const session of sessions.values()) session.close('the connection to the server was lost');
    },
    open(open: ServerToAgentBody<'shell.open'>): void {
      if (sessions.has(open.sessionId) || waiting.has(open.sessionId) || starting.has(open.sessionId)) return;
      if (sessions.size + waiting.size + starting.size >= deps.maxSessions)
        return void end(open.sessionId, `this PC already has ${deps.maxSessions} remote shells open`);
      const what =
        open.exec === undefined
          ? `a remote shell${open.shell ? ` (${open.shell})` : ''}`
          : `the command: ${open.exec.slice(0, 200)}`;
      if (open.notice === 'notify')
        recordNotice(deps.stateDir, { technician: open.technician, what, sessionId: open.sessionId });
      if (open.notice !== 'consent') {
        void start(open);
        return;
      }
      const question = askConsent(deps.stateDir, {
        sessionId: open.sessionId,
        technician: open.technician,
        what,
        requestedAt: Date.now(),
      });
      waiting.set(open.sessionId, question.cancel);
      send?.('shell.waiting', {
        sessionId: open.sessionId,
        message: `waiting for the employee to accept (helpline-agent consent accept ${open.sessionId})`,
      });
      void question.answer.then((accepted) => {
        waiting.delete(open.sessionId);
        if (!send) return;
        if (accepted) void start(open);
        else end(open.sessionId, 'the employee did not accept the session');
      });
    },
    input: (body: ServerToAgentBody<'shell.input'>) =>
      void sessions.get(body.sessionId)?.input(Buffer.from(body.data, 'base64url')),
    resize: (body: ServerToAgentBody<'shell.resize'>) =>
      void sessions.get(body.sessionId)?.resize(body.cols, body.rows),
    ack: (body: ServerToAgentBody<'shell.ack'>) => sessions.get(body.sessionId)?.ack(body.bytes),
    close(body: ServerToAgentBody<'shell.close'>): void {
      waiting.get(body.sessionId)?.();
      sessions.get(body.sessionId)?.close(body.reason);
    },
    stop() {
      this.detach();
    },
  };
}
export type ShellManager = ReturnType<typeof createShellManager>;
