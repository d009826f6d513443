// The agent end of one channel session: handshake in the upgrade, key confirmation, then sealed
// frames both ways. One call of openChannel is one connection attempt; reconnecting is the
// caller's business (see build-agent.ts).
import WebSocket from 'ws';
import { fromBase64Url, toBase64Url } from '../protocol/bytes.js';
import { completeHandshake, createHandshakeInit } from '../protocol/channel/handshake.js';
import { CounterExhaustedError, type SecureSession } from '../protocol/channel/session.js';
import { CloseCode, HANDSHAKE_HEADER } from '../protocol/close-codes.js';
import {
  decodeServerToAgent,
  encodeAgentToServer,
  type AgentToServerBody,
  type AgentToServerType,
  type ServerToAgentMessage,
} from '../protocol/envelope.js';
import { MAX_FRAME_BYTES } from '../protocol/limits.js';

export type ConnectFailure =
  | { kind: 'refused'; status: number; code: string; message: string; retryAfterSec?: number }
  | { kind: 'network'; message: string }
  | { kind: 'handshake'; message: string };

export interface ChannelOptions {
  serverUrl: string;
  keyPair: { publicKey: Uint8Array; secretKey: Uint8Array };
  serverPublicKey: Uint8Array;
  timestamp: number;
  agentVersion: string;
  hello: Omit<AgentToServerBody<'agent.hello'>, 'transcript'>;
  ca?: Buffer;
  timeoutMs: number;
  maxCounter?: number;
}

export interface AgentChannel {
  readonly sessionId: string;
  readonly welcome: Extract<ServerToAgentMessage, { type: 'server.welcome' }>['body'];
  send<K extends AgentToServerType>(type: K, body: AgentToServerBody<K>, id?: string): boolean;
  close(code: number, reason: string): void;
  /** Messages after the welcome. */
  onMessage(listener: (message: ServerToAgentMessage) => void): void;
  onClose(listener: (code: number, reason: string) => void): void;
  readonly framesSent: number;
  readonly session: SecureSession;
}

export function agentEndpoint(serverUrl: string): string {
  const url = new URL('/agent', serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function openChannel(
  options: ChannelOptions,
): Promise<{ ok: true; channel: AgentChannel } | { ok: false; failure: ConnectFailure }> {
  const init = createHandshakeInit({
    agentKeyPair: options.keyPair,
    serverPublicKey: options.serverPublicKey,
    timestamp: options.timestamp,
    agentVersion: options.agentVersion,
  });
  const ws = new WebSocket(agentEndpoint(options.serverUrl), {
    headers: { [HANDSHAKE_HEADER]: toBase64Url(init.initMessage) },
    perMessageDeflate: false,
    maxPayload: MAX_FRAME_BYTES,
    handshakeTimeout: options.timeoutMs,
    ...(options.ca ? { ca: options.ca } : {}),
  });

  return new Promise((resolve) => {
    let settled = false;
    let session: SecureSession | null = null;
    let transcript = '';
    const settle = (result: { ok: true; channel: AgentChannel } | { ok: false; failure: ConnectFailure }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) ws.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => settle({ ok: false, failure: { kind: 'network', message: 'connection attempt timed out' } }),
      options.timeoutMs,
    );

    ws.on('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        let body: { code?: string; message?: string } = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          // not our JSON: a proxy or another service; the status says enough
        }
        const retryAfter = Number(response.headers['retry-after']);
        settle({
          ok: false,
          failure: {
            kind: 'refused',
            status: response.statusCode ?? 0,
            code: body.code ?? `http_${response.statusCode}`,
            message: body.message ?? `server answered ${response.statusCode}`,
            ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSec: retryAfter } : {}),
          },
        });
      });
    });
    ws.on('upgrade', (response) => {
      const header = response.headers[HANDSHAKE_HEADER];
      const message = typeof header === 'string' ? fromBase64Url(header) : null;
      const completed = message ? completeHandshake(init, message, options.maxCounter) : null;
      if (!completed || !completed.ok) {
        settle({
          ok: false,
          failure: {
            kind: 'handshake',
            message: completed ? completed.reason : 'no handshake response from the server',
          },
        });
        return;
      }
      session = completed.session;
      transcript = toBase64Url(completed.transcriptHash);
    });
    ws.on('open', () => {
      if (!session) return;
      ws.send(session.seal(encodeAgentToServer('agent.hello', { transcript, ...options.hello })));
    });
    ws.on('error', (error) => settle({ ok: false, failure: { kind: 'network', message: error.message } }));
    ws.on('close', (code, reason) =>
      settle({
        ok: false,
        failure: { kind: 'handshake', message: `closed during handshake (${code} ${reason.toString()})` },
      }),
    );

    // The first frame must be the welcome carrying our transcript hash (key confirmation).
    ws.once('message', (data, isBinary) => {
      if (!session) return;
      const opened = isBinary ? session.open(data as Buffer) : null;
      const decoded = opened?.ok ? decodeServerToAgent(opened.plaintext) : null;
      if (!decoded?.ok || decoded.message.type !== 'server.welcome' || decoded.message.body.transcript !== transcript) {
        ws.close(CloseCode.KeyConfirmationFailed, 'key confirmation failed');
        settle({ ok: false, failure: { kind: 'handshake', message: 'the server did not confirm the session keys' } });
        return;
      }
      settle({ ok: true, channel: establish(ws, session, decoded.message.body) });
    });
  });
}

function establish(ws: WebSocket, session: SecureSession, welcome: AgentChannel['welcome']): AgentChannel {
  const messageListeners: Array<(message: ServerToAgentMessage) => void> = [];
  const closeListeners: Array<(code: number, reason: string) => void> = [];
  ws.removeAllListeners('close');
  ws.removeAllListeners('error');
  ws.on('error', () => undefined);
  ws.on('close', (code, reason) => closeListeners.forEach((listener) => listener(code, reason.toString())));
  const fail = (code: number, reason: string) => ws.close(code, reason);
  ws.on('message', (data, isBinary) => {
    if (!isBinary) return fail(CloseCode.MalformedFrame, 'text frames are not allowed');
    const opened = session.open(data as Buffer);
    if (!opened.ok) return fail(opened.closeCode, opened.reason);
    const decoded = decodeServerToAgent(opened.plaintext);
    if (!decoded.ok) {
      if (decoded.kind === 'malformed') return fail(CloseCode.MalformedMessage, decoded.error);
      return; // a server message we cannot read is skipped, not fatal
    }
    messageListeners.forEach((listener) => listener(decoded.message));
  });
  return {
    sessionId: session.sessionId,
    welcome,
    session,
    get framesSent() {
      return session.framesSent;
    },
    send(type, body, id) {
      if (ws.readyState !== WebSocket.OPEN) return false;
      try {
        ws.send(session.seal(encodeAgentToServer(type, body, id)));
        return true;
      } catch (error) {
        if (!(error instanceof CounterExhaustedError)) throw error;
        fail(CloseCode.Rekey, 'session budget spent');
        return false;
      }
    },
    close: (code, reason) => ws.close(code, reason),
    onMessage: (listener) => void messageListeners.push(listener),
    onClose: (listener) => void closeListeners.push(listener),
  };
}
