// What the agent does with each message the server sends, in one typed map: a new server
// message type without a handler here is a compile error.
import type { Logger } from 'pino';
import type { ServerToAgentBody, ServerToAgentType } from '../protocol/envelope.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { ShellManager } from './shell/manager.js';
import type { AgentWork } from './work.js';

export interface AgentHandlerContext {
  log: Logger;
  work: AgentWork;
  jobs: JobRunner;
  shells: ShellManager;
  onHeartbeatAck(rttMs: number): void;
}

export type ServerHandlers = {
  [K in ServerToAgentType]: (context: AgentHandlerContext, body: ServerToAgentBody<K>) => void;
};

export const serverHandlers: ServerHandlers = {
  'server.welcome': (context) => context.log.warn('unexpected second welcome; ignored'),
  'heartbeat.ack': (context, body) => context.onHeartbeatAck(Math.max(0, Date.now() - body.sentAt)),
  'server.error': (context, body) => {
    const seq = context.work.onRefused(body.inReplyTo, body.code);
    const what = seq === null ? 'a message' : `outbox item ${seq}`;
    context.log.warn({ inReplyTo: body.inReplyTo, code: body.code }, `server refused ${what}: ${body.message}`);
  },
  'outbox.ack': (context, body) => context.work.onAck(body.seqs),
  'inventory.resync': (context) => {
    context.work.reporter
      .resync()
      .catch((error: unknown) => context.log.warn({ err: error }, 'inventory resync failed'));
  },
  'policy.update': (context, body) => context.work.applyPolicy(body),
  'job.run': (context, body) => context.jobs.onRun(body),
  'shell.open': (context, body) => context.shells.open(body),
  'shell.input': (context, body) => context.shells.input(body),
  'shell.resize': (context, body) => context.shells.resize(body),
  'shell.ack': (context, body) => context.shells.ack(body),
  'shell.close': (context, body) => context.shells.close(body),
  'employee.tickets': (context, body) => {
    try {
      context.work.employeeTickets.replace(body);
    } catch (error) {
      context.log.warn({ err: error }, 'could not store the employee ticket list');
    }
  },
};
