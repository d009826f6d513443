// What features see of the agent hub: a channel to each connected agent, what happens on those
// channels as typed events, and one handler per message type. Features import this file only;
// the hub's handshake, connections and presence stay inside the hub.
import type {
  AgentToServerBody,
  AgentToServerType,
  ServerToAgentBody,
  ServerToAgentType,
} from '../../protocol/envelope.js';
import type { ChannelErrorCode } from '../../protocol/errors.js';
import type { Listen } from '../events.js';

/** One connected agent, as a message handler sees it. */
export interface AgentContext {
  deviceId: string;
  send<K extends ServerToAgentType>(type: K, body: ServerToAgentBody<K>): boolean;
  /** Refuses one message with an error back to the agent; the connection stays up. */
  reject(inReplyTo: string, code: ChannelErrorCode, message: string): void;
  close(code: number, reason: string): void;
}

export type AgentHandler<K extends AgentToServerType> = (
  agent: AgentContext,
  body: AgentToServerBody<K>,
  envelope: { id: string },
) => void | Promise<void>;

/** The hub answers these itself: the hello becomes the `hello` event, the heartbeat an ack. */
export type HubMessageType = 'agent.hello' | 'agent.heartbeat';
/** Every other message type has exactly one feature handling it. */
export type FeatureMessageType = Exclude<AgentToServerType, HubMessageType>;

/** One handler per feature message type: a type without one is a compile error (agent-messages plugin). */
export type AgentHandlers = { [K in FeatureMessageType]: AgentHandler<K> };

/** The handlers of some message types, as a feature plugin gives them. */
export type HandlersOf<K extends FeatureMessageType> = Pick<AgentHandlers, K>;

export type AgentEvents = {
  /** An agent proved its keys and said hello: its channel is up. */
  hello: [agent: AgentContext, hello: AgentToServerBody<'agent.hello'>];
  /** A device's channel closed (dropped, revoked, the server going away). */
  disconnected: [deviceId: string];
};

export interface Agents extends Listen<AgentEvents> {
  /** Sends to a connected device; false when it is not connected. */
  send<K extends ServerToAgentType>(deviceId: string, type: K, body: ServerToAgentBody<K>): boolean;
  isOnline(deviceId: string): boolean;
  /** When the device was last heard from, kept in memory between database flushes. */
  lastSeenAt(deviceId: string): number | undefined;
  onlineCount(): number;
  /** Ends a device's channel at once (revocation); the agent is refused from then on by status. */
  disconnect(deviceId: string, code: number, reason: string): void;
}
