// What the agent does with each message the server sends, in one typed map: a new server
// message type without a handler here is a compile error.
import type { Logger } from 'pino';
import type { ServerToAgentBody, ServerToAgentType } from '../protocol/envelope.js';

export interface AgentHandlerContext {
  log: Logger;
  onHeartbeatAck(rttMs: number): void;
}

export type ServerHandlers = {
  [K in ServerToAgentType]: (context: AgentHandlerContext, body: ServerToAgentBody<K>) => void;
};

export const serverHandlers: ServerHandlers = {
  'server.welcome': (context) => context.log.warn('unexpected second welcome; ignored'),
  'heartbeat.ack': (context, body) => context.onHeartbeatAck(Math.max(0, Date.now() - body.sentAt)),
  'server.error': (context, body) => context.log.warn({ inReplyTo: body.inReplyTo, code: body.code }, `server refused a message: ${body.message}`),
};
