// The technician's end of a remote shell: the WebSocket API_SOCKETS.shell and its JSON
// frames. Output is acknowledged only once the caller has written it out, so a slow terminal
// slows the remote program down instead of piling bytes up here or on the server.
import type { ClientRequest, IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { apiErrorFrom, unreachable } from '../../protocol/api/client.js';
import { routePath, type QueryOf } from '../../protocol/api/route.js';
import { API_SOCKETS } from '../../protocol/api/routes/sockets.js';
import type { ShellClientFrame, ShellServerFrame } from '../../protocol/api/shell.js';
import { ShellCloseCode } from '../../protocol/api/shell.js';
import { SHELL_CHUNK_BYTES, SHELL_MAX_SIZE, SHELL_MIN_SIZE } from '../../protocol/messages/shell.js';
import { isApiErrorCode, isShellErrorCode } from '../../protocol/errors.js';
import { expiredLoginMessage as expiredLogin } from './context.js';
import { ApiRequestError } from './errors.js';

const codeOf = (code: string) => (isApiErrorCode(code) || isShellErrorCode(code) ? code : 'unexpected_response');

export interface ShellRequest {
  /** The server's base URL (http or https), as the CLI stores it. */
  server: string;
  token: string;
  deviceId: string;
  cols: number;
  rows: number;
  shell?: string;
  exec?: string;
  ticket?: number;
}

export interface ShellOpenedInfo {
  sessionId: string;
  shell: string;
  recordingId: string;
}

export interface ShellEnd {
  exitCode: number | null;
  signal: number | null;
  reason: string | null;
  /** False when it ended before it opened: refused by the PC or its employee. */
  opened: boolean;
}

export interface ShellHandlers {
  waiting?(message: string): void;
  opened?(info: ShellOpenedInfo): void;
  /** Writes terminal output out; the bytes are acknowledged once the returned promise settles. */
  output(bytes: Buffer): Promise<void> | void;
}

export interface ShellConnection {
  /** Keystrokes (or pasted text) for the remote terminal; dropped once the socket is not open. */
  input(bytes: Buffer): void;
  resize(cols: number, rows: number): void;
  /** Asks the server to end the session; `done` settles when it has. */
  close(): void;
  /** How the session ended; rejects when it was refused or the connection broke. */
  readonly done: Promise<ShellEnd>;
}

const HANDSHAKE_TIMEOUT_MS = 30_000;
/** Largest frame accepted from the server: an output chunk is about 44 KB of JSON. */
const MAX_FRAME_BYTES = 1024 * 1024;
/** Largest refusal body read before the upgrade; a Helpline error body is far smaller. */
const MAX_REFUSAL_BYTES = 64 * 1024;

/** A terminal size within what the agent accepts: a huge window is clamped, never refused. */
export function clampSize(cols: number, rows: number): { cols: number; rows: number } {
  const within = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value) || min));
  return {
    cols: within(cols, SHELL_MIN_SIZE.cols, SHELL_MAX_SIZE.cols),
    rows: within(rows, SHELL_MIN_SIZE.rows, SHELL_MAX_SIZE.rows),
  };
}

export function shellUrl(request: ShellRequest): string {
  const query: QueryOf<typeof API_SOCKETS.shell> = {
    ...clampSize(request.cols, request.rows),
    shell: request.shell,
    exec: request.exec,
    ticket: request.ticket,
  };
  const url = new URL(request.server + routePath(API_SOCKETS.shell, { id: request.deviceId }, query));
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

const CLOSE_WORDS: Record<number, string> = {
  [ShellCloseCode.Refused]: 'the shell was refused',
  [ShellCloseCode.Gone]: 'the device went offline or was revoked, or your account was disabled',
  [ShellCloseCode.BadFrame]: 'the server could not read a frame from this CLI',
  1001: 'the server is shutting down',
  1006: 'the connection to the server was lost',
};

export function openShell(request: ShellRequest, handlers: ShellHandlers): ShellConnection {
  const ws = new WebSocket(shellUrl(request), {
    headers: { authorization: `Bearer ${request.token}` },
    handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });
  let resolveDone!: (end: ShellEnd) => void;
  let rejectDone!: (error: Error) => void;
  const done = new Promise<ShellEnd>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  // The first outcome wins: a refusal read from the HTTP answer beats the socket error after it.
  let settled = false;
  const settle = (outcome: ShellEnd | Error) => {
    if (settled) return;
    settled = true;
    if (outcome instanceof Error) rejectDone(outcome);
    else resolveDone(outcome);
    if (ws.readyState === WebSocket.OPEN) ws.close(1000);
    else if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
  };
  const send = (frame: ShellClientFrame) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
  };
  // Every write handed to the caller, in order, so the end waits until all of it is out.
  let written: Promise<unknown> = Promise.resolve();
  let lastError: { code: string; message: string } | null = null;
  let lastSize = clampSize(request.cols, request.rows);
  let opened = false;

  ws.on('unexpected-response', (req: ClientRequest, res: IncomingMessage) => {
    void readRefusal(request.server, res).then((error) => {
      settle(error);
      req.destroy();
    });
  });
  ws.on('error', (error) => settle(unreachable(request.server, error, HANDSHAKE_TIMEOUT_MS)));
  // ws hands a text frame over as one Buffer: binaryType is left at its default, nodebuffer.
  ws.on('message', (data: Buffer, isBinary) => {
    const frame = isBinary ? null : parseFrame(data.toString());
    if (frame === null)
      return settle(new Error('the server sent a frame this CLI cannot read; is the CLI older than the server?'));
    switch (frame.type) {
      case 'waiting':
        return handlers.waiting?.(frame.message);
      case 'opened':
        opened = true;
        return handlers.opened?.({ sessionId: frame.sessionId, shell: frame.shell, recordingId: frame.recordingId });
      case 'output': {
        const bytes = Buffer.from(frame.data, 'base64url');
        if (bytes.length === 0) return;
        const out = Promise.resolve()
          .then(() => handlers.output(bytes))
          .then(
            () => send({ type: 'ack', bytes: bytes.length }),
            (error: Error) => settle(error),
          );
        written = written.then(() => out);
        return;
      }
      case 'exit': {
        const end = { exitCode: frame.exitCode, signal: frame.signal, reason: frame.reason, opened };
        return void written.then(() => settle(end));
      }
      case 'error':
        lastError = { code: frame.code, message: frame.message };
        return;
      // Only browsers are told in-band (the CLI's upgrades are refused over HTTP); read it the same way.
      case 'refused':
        return settle(new ApiRequestError(frame.message, codeOf(frame.code), frame.status));
    }
  });
  ws.on('close', (code: number, reason: Buffer) => {
    void written.then(() => {
      if (lastError) return settle(new ApiRequestError(lastError.message, codeOf(lastError.code), code));
      const why = reason.toString() || CLOSE_WORDS[code] || `the server closed the connection (code ${code})`;
      settle(new Error(`${why}; the shell ended without an exit status`));
    });
  });

  return {
    done,
    input(bytes) {
      for (let at = 0; at < bytes.length; at += SHELL_CHUNK_BYTES)
        send({ type: 'input', data: bytes.subarray(at, at + SHELL_CHUNK_BYTES).toString('base64url') });
    },
    resize(cols, rows) {
      const size = clampSize(cols, rows);
      if (size.cols === lastSize.cols && size.rows === lastSize.rows) return;
      lastSize = size;
      send({ type: 'resize', ...size });
    },
    close: () => send({ type: 'close' }),
  };
}

function parseFrame(text: string): ShellServerFrame | null {
  try {
    const frame = JSON.parse(text) as ShellServerFrame | null;
    return typeof frame === 'object' && frame !== null && typeof frame.type === 'string' ? frame : null;
  } catch {
    return null;
  }
}

/** The server's refusal before the upgrade ({code, message} with 401/403/404/409), as an error. */
async function readRefusal(server: string, res: IncomingMessage): Promise<Error> {
  let text = '';
  try {
    for await (const chunk of res) {
      text += (chunk as Buffer).toString('utf8');
      if (text.length > MAX_REFUSAL_BYTES) break;
    }
  } catch {
    // A refusal cut short still has its status.
  }
  const retryAfter = res.headers['retry-after'] ?? null;
  // The socket always carries the token, so a 401 means the login is no longer valid.
  return apiErrorFrom(server, { status: res.statusCode ?? 0, text, retryAfter }, { sentToken: true, expiredLogin });
}
