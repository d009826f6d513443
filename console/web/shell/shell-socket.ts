// The browser's end of a remote shell: the WebSocket API_SOCKETS.shell with the session cookie
// (same origin, so the browser sends it and the server checks the Origin). Frames as in
// protocol/api/shell.ts. Output is acknowledged once the terminal has drawn it, so a busy tab
// slows the remote program down instead of piling bytes up here or on the server.
import { routePath, type QueryOf } from '../../../protocol/api/route.js';
import { API_SOCKETS } from '../../../protocol/api/routes/sockets.js';
import { ShellCloseCode, type ShellClientFrame, type ShellServerFrame } from '../../../protocol/api/shell.js';
import { fromBase64Url, toBase64Url } from '../../../protocol/bytes.js';
import { SHELL_CHUNK_BYTES, SHELL_MAX_SIZE, SHELL_MIN_SIZE } from '../../../protocol/messages/shell.js';

export interface ShellSize {
  cols: number;
  rows: number;
}

/** What the page shows; `refused` carries the server's own words. */
export type ShellPhase =
  | { kind: 'connecting' }
  | { kind: 'waiting'; message: string }
  | { kind: 'open'; sessionId: string; shell: string }
  | { kind: 'ended'; exitCode: number | null; signal: number | null; reason: string | null; sessionId: string | null }
  | { kind: 'refused'; message: string }
  /** The connection failed or broke without a word from the server (close code kept for the message). */
  | { kind: 'lost'; code: number; sessionId: string | null };

export interface ShellHandlers {
  phase(phase: ShellPhase): void;
  /** Draws output; calls `written` once it is on screen (then it is acknowledged). */
  output(bytes: Uint8Array, written: () => void): void;
}

export interface ShellSocket {
  /** Keystrokes or pasted text, as the terminal gives them (UTF-8 is sent). */
  input(text: string): void;
  /** Bytes the terminal gives as binary (some mouse reports): one byte per character. */
  inputBinary(text: string): void;
  resize(size: ShellSize): void;
  /** Ends the session: the server closes the shell on the PC. */
  close(): void;
}

/** A size within what the agent accepts: a huge window is clamped, never refused. */
export function clampSize(size: ShellSize): ShellSize {
  const within = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value) || min));
  return {
    cols: within(size.cols, SHELL_MIN_SIZE.cols, SHELL_MAX_SIZE.cols),
    rows: within(size.rows, SHELL_MIN_SIZE.rows, SHELL_MAX_SIZE.rows),
  };
}

export function shellSocketUrl(deviceId: string, size: ShellSize, ticket?: number): string {
  const query: QueryOf<typeof API_SOCKETS.shell> = { ...clampSize(size), ticket };
  const url = new URL(routePath(API_SOCKETS.shell, { id: deviceId }, query), location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

const encoder = new TextEncoder();

export function openShellSocket(
  request: { deviceId: string; size: ShellSize; ticket?: number },
  handlers: ShellHandlers,
): ShellSocket {
  const ws = new WebSocket(shellSocketUrl(request.deviceId, request.size, request.ticket));
  let lastSize = clampSize(request.size);
  let sessionId: string | null = null;
  // The first outcome is the one shown: an exit or a refusal beats the close that follows it.
  let finished = false;
  const finish = (phase: ShellPhase) => {
    if (finished) return;
    finished = true;
    handlers.phase(phase);
  };
  const send = (frame: ShellClientFrame) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
  };
  const sendBytes = (bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length; at += SHELL_CHUNK_BYTES)
      send({ type: 'input', data: toBase64Url(bytes.subarray(at, at + SHELL_CHUNK_BYTES)) });
  };

  handlers.phase({ kind: 'connecting' });
  ws.addEventListener('message', (event: MessageEvent<unknown>) => {
    const frame = typeof event.data === 'string' ? parseFrame(event.data) : null;
    if (frame === null) return ws.close(1000);
    switch (frame.type) {
      case 'waiting':
        return handlers.phase({ kind: 'waiting', message: frame.message });
      case 'opened':
        sessionId = frame.sessionId;
        return handlers.phase({ kind: 'open', sessionId: frame.sessionId, shell: frame.shell });
      case 'output': {
        const bytes = fromBase64Url(frame.data);
        if (bytes === null || bytes.length === 0) return;
        return handlers.output(bytes, () => send({ type: 'ack', bytes: bytes.length }));
      }
      case 'exit':
        return finish({
          kind: 'ended',
          exitCode: frame.exitCode,
          signal: frame.signal,
          reason: frame.reason,
          sessionId,
        });
      case 'refused':
        return finish({ kind: 'refused', message: frame.message });
      case 'error':
        // A resize out of bounds, ignored by the server; the clamp keeps this from happening.
        return;
    }
  });
  ws.addEventListener('close', (event: CloseEvent) => {
    if (event.code === ShellCloseCode.Refused && event.reason && sessionId === null)
      return finish({ kind: 'refused', message: event.reason });
    finish({ kind: 'lost', code: event.code, sessionId });
  });

  return {
    input: (text) => sendBytes(encoder.encode(text)),
    inputBinary: (text) => sendBytes(Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff)),
    resize(size) {
      const next = clampSize(size);
      if (next.cols === lastSize.cols && next.rows === lastSize.rows) return;
      lastSize = next;
      send({ type: 'resize', ...next });
    },
    close() {
      if (ws.readyState === WebSocket.OPEN) send({ type: 'close' });
      else if (ws.readyState === WebSocket.CONNECTING) ws.close();
    },
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
