// One agent's live channel: opens frames, checks key confirmation, dispatches messages to the
// hub and seals what the server sends. Any broken frame closes this connection only.
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { toBase64Url } from '../../protocol/bytes.js';
import { CloseCode } from '../../protocol/close-codes.js';
import { CounterExhaustedError, type SecureSession } from '../../protocol/channel/session.js';
import { CHANNEL_ERRORS, type ChannelErrorCode } from '../../protocol/errors.js';
import {
  decodeAgentToServer,
  encodeServerToAgent,
  type AgentToServerMessage,
  type ServerToAgentBody,
  type ServerToAgentType,
} from '../../protocol/envelope.js';
import type { AgentContext } from './agents.js';

export interface ConnectionHooks {
  /** Handles one message; an error it throws or rejects with is answered as internal_error. */
  receive(connection: AgentConnection, message: AgentToServerMessage): void | Promise<void>;
  log: FastifyBaseLogger;
  rekeyBudget: { maxMessages: number; maxAgeMs: number };
  /** Called once the agent proved it derived the same keys (first message). */
  onConfirmed(connection: AgentConnection): void;
  onClosed(connection: AgentConnection): void;
}

export class AgentConnection implements AgentContext {
  confirmed = false;
  /** Cleared at each ping, set by each pong; still false at the next ping means dead. */
  alive = true;
  private closed = false;

  constructor(
    readonly deviceId: string,
    readonly deviceName: string,
    private readonly ws: WebSocket,
    private readonly session: SecureSession,
    private readonly transcriptHash: Uint8Array,
    private readonly hooks: ConnectionHooks,
  ) {
    ws.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    ws.on('pong', () => (this.alive = true));
    ws.on('close', () => this.onSocketClosed());
    ws.on('error', (error) => this.hooks.log.info({ deviceId, err: error }, 'agent socket error'));
  }

  get sessionId(): string {
    return this.session.sessionId;
  }

  get transcript(): string {
    return toBase64Url(this.transcriptHash);
  }

  send<K extends ServerToAgentType>(type: K, body: ServerToAgentBody<K>): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
    try {
      this.ws.send(this.session.seal(encodeServerToAgent(type, body)));
      return true;
    } catch (error) {
      if (error instanceof CounterExhaustedError) this.close(CloseCode.Rekey, 'session budget spent');
      else throw error;
      return false;
    }
  }

  reject(inReplyTo: string, code: ChannelErrorCode, message: string): void {
    this.hooks.log.warn({ deviceId: this.deviceId, inReplyTo, code, msg: message }, 'agent message refused');
    this.send('server.error', { inReplyTo, code, message: message.slice(0, 1000) });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason.slice(0, 120));
    // A peer that does not answer the close handshake is cut off shortly after.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }

  /** Closes, then resolves once the socket is closed (terminated after `graceMs`). */
  closeAndWait(code: number, reason: string, graceMs: number): Promise<void> {
    if (this.ws.readyState === this.ws.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.ws.terminate(), graceMs);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.close(code, reason);
    });
  }

  ping(): void {
    if (!this.closed) this.ws.ping();
  }

  terminate(reason: string): void {
    this.hooks.log.info({ deviceId: this.deviceId, reason }, 'agent connection terminated');
    this.closed = true;
    this.ws.terminate();
  }

  private fail(code: number, reason: string): void {
    this.hooks.log.warn({ deviceId: this.deviceId, closeCode: code, reason }, 'closing agent channel');
    this.close(code, reason);
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.fail(CloseCode.MalformedFrame, 'text frames are not allowed');
    const opened = this.session.open(data);
    if (!opened.ok) return this.fail(opened.closeCode, opened.reason);
    const decoded = decodeAgentToServer(opened.plaintext);
    if (!decoded.ok && decoded.kind === 'malformed') return this.fail(CloseCode.MalformedMessage, decoded.error);
    if (!this.confirmed) return this.confirm(decoded);
    if (!decoded.ok) return this.reject(decoded.id, 'invalid_message', `${decoded.type}: ${decoded.error}`);
    if (decoded.message.type === 'agent.hello')
      return this.reject(decoded.message.id, 'duplicate_hello', 'hello was already received');
    this.dispatch(decoded.message);
    if (this.session.budgetSpent(this.hooks.rekeyBudget)) this.close(CloseCode.Rekey, 'session budget spent');
  }

  private confirm(decoded: ReturnType<typeof decodeAgentToServer>): void {
    if (!decoded.ok || decoded.message.type !== 'agent.hello' || decoded.message.body.transcript !== this.transcript) {
      return this.fail(CloseCode.KeyConfirmationFailed, 'first message must be agent.hello with the transcript hash');
    }
    this.confirmed = true;
    this.hooks.onConfirmed(this);
    this.dispatch(decoded.message);
  }

  private dispatch(message: AgentToServerMessage): void {
    const onError = (error: unknown) => {
      this.hooks.log.error({ deviceId: this.deviceId, type: message.type, err: error }, 'agent message handler failed');
      this.send('server.error', {
        inReplyTo: message.id,
        code: CHANNEL_ERRORS.internal_error,
        message: 'the server could not process this message',
      });
    };
    try {
      const result = this.hooks.receive(this, message);
      if (result instanceof Promise) result.catch(onError);
    } catch (error) {
      onError(error);
    }
  }

  private onSocketClosed(): void {
    this.closed = true;
    this.hooks.onClosed(this);
  }
}
