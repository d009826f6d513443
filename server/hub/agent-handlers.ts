// What the server does with each message an agent sends, in one typed map: adding a message
// type to the protocol without a handler here is a compile error.
import type { AgentToServerBody, AgentToServerType, ServerToAgentBody, ServerToAgentType } from '../../protocol/envelope.js';
import type { DeviceStore } from '../features/devices/store.js';
import type { Presence } from './presence.js';

export interface AgentContext {
  deviceId: string;
  send<K extends ServerToAgentType>(type: K, body: ServerToAgentBody<K>): boolean;
  /** Refuses one message with an error back to the agent; the connection stays up. */
  reject(inReplyTo: string, code: string, message: string): void;
}

export interface HandlerServices {
  devices: DeviceStore;
  presence: Presence;
}

export type AgentHandler<K extends AgentToServerType> = (
  context: AgentContext,
  body: AgentToServerBody<K>,
  envelope: { id: string },
) => void | Promise<void>;

export type AgentHandlers = { [K in AgentToServerType]: AgentHandler<K> };

export function createAgentHandlers(services: HandlerServices): AgentHandlers {
  return {
    'agent.hello': (context, body) => {
      services.devices.setAgentInfo(context.deviceId, body);
    },
    'agent.heartbeat': (context, body) => {
      services.presence.touch(context.deviceId);
      context.send('heartbeat.ack', { sentAt: body.sentAt, serverTime: Date.now() });
    },
  };
}
