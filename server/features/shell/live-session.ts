// One live remote shell on the server: the technician's WebSocket on one side, the device's
// channel on the other, the recording in between. It ends once, whichever side ends it, and
// then writes the session's record, the audit entry and (with a ticket) the ticket note.
import type { RawData, WebSocket } from 'ws';
import { Compile } from 'typebox/compile';
import { ShellClientFrame, ShellCloseCode, type ShellServerFrame } from '../../../protocol/api/shell.js';
import type { ServerToAgentBody, ServerToAgentType } from '../../../protocol/envelope.js';
import {
  SHELL_CHUNK_BYTES,
  SHELL_MAX_SIZE,
  SHELL_MIN_SIZE,
  SHELL_OUTPUT_WINDOW,
  type ShellExit,
} from '../../../protocol/messages/shell.js';
import type { Recording } from './recording.js';

const frameValidator = Compile(ShellClientFrame);
/** A technician socket this far behind (acknowledging without reading) is cut off. */
const MAX_SOCKET_BACKLOG = 8 * 1024 * 1024;

export interface LiveSessionEnd {
  exitCode: number | null;
  reason: string | null;
  bytesIn: number;
  bytesOut: number;
  recording: { bytes: number; truncated: boolean };
}

export interface LiveSessionDeps {
  sessionId: string;
  deviceId: string;
  socket: WebSocket;
  recording: Recording;
  /** Sends to the device; false when it is not connected. */
  toAgent: <K extends ServerToAgentType>(type: K, body: ServerToAgentBody<K>) => boolean;
  now: () => number;
  onEnd: (end: LiveSessionEnd) => void;
}

export function createLiveSession(deps: LiveSessionDeps) {
  const { sessionId, socket } = deps;
  let bytesIn = 0;
  let bytesOut = 0;
  let ended = false;
  let agentEnded = false;
  const send = (frame: ShellServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };

  const finish = async (exit: Pick<ShellExit, 'exitCode' | 'signal' | 'reason'>, closeCode: number) => {
    if (ended) return;
    ended = true;
    send({ type: 'exit', exitCode: exit.exitCode, signal: exit.signal, reason: exit.reason });
    if (socket.readyState === socket.OPEN) socket.close(closeCode, (exit.reason ?? 'ended').slice(0, 120));
    const recording = await deps.recording.close();
    deps.onEnd({ exitCode: exit.exitCode, reason: exit.reason, bytesIn, bytesOut, recording });
  };

  /** The server ends it (technician gone, device gone, bad frame): tell the agent, then finish. */
  const end = (reason: string, closeCode: number = ShellCloseCode.Gone) => {
    if (!agentEnded) deps.toAgent('shell.close', { sessionId, reason });
    void finish({ exitCode: null, signal: null, reason }, closeCode);
  };

  socket.on('message', (raw, isBinary) => {
    if (ended) return;
    let frame: unknown;
    try {
      frame = isBinary ? null : JSON.parse(frameText(raw));
    } catch {
      frame = null;
    }
    if (!frameValidator.Check(frame))
      return end('the technician sent a frame the server could not read', ShellCloseCode.BadFrame);
    switch (frame.type) {
      case 'input': {
        const data = Buffer.from(frame.data, 'base64url');
        if (data.length === 0 || data.length > SHELL_CHUNK_BYTES)
          return end(`input chunks must be 1 to ${SHELL_CHUNK_BYTES} bytes`, ShellCloseCode.BadFrame);
        bytesIn += data.length;
        deps.recording.input(data, deps.now());
        deps.toAgent('shell.input', { sessionId, data: frame.data });
        return;
      }
      case 'resize': {
        const { cols, rows } = frame;
        if (
          cols < SHELL_MIN_SIZE.cols ||
          rows < SHELL_MIN_SIZE.rows ||
          cols > SHELL_MAX_SIZE.cols ||
          rows > SHELL_MAX_SIZE.rows
        ) {
          return send({
            type: 'error',
            code: 'bad_size',
            message: `terminal size ${cols}×${rows} is out of bounds (${SHELL_MIN_SIZE.cols}×${SHELL_MIN_SIZE.rows} to ${SHELL_MAX_SIZE.cols}×${SHELL_MAX_SIZE.rows}); ignored`,
          });
        }
        deps.recording.resize(cols, rows, deps.now());
        deps.toAgent('shell.resize', { sessionId, cols, rows });
        return;
      }
      case 'ack':
        deps.toAgent('shell.ack', { sessionId, bytes: Math.min(frame.bytes, SHELL_OUTPUT_WINDOW) });
        return;
      case 'close':
        return end('closed by the technician', 1000);
    }
  });
  socket.on('close', () => {
    if (!ended) end('the technician disconnected');
  });
  socket.on('error', () => socket.terminate());

  return {
    waiting: (message: string) => send({ type: 'waiting', message }),
    opened: (shell: string, recordingId: string) => send({ type: 'opened', sessionId, shell, recordingId }),
    output(data: string): void {
      if (ended) return;
      const bytes = Buffer.from(data, 'base64url');
      bytesOut += bytes.length;
      deps.recording.output(bytes, deps.now());
      if (socket.bufferedAmount > MAX_SOCKET_BACKLOG) return end('the technician is not reading the output');
      send({ type: 'output', data });
    },
    /** The shell ended on the PC (or the agent refused it). */
    agentExit(exit: ShellExit): void {
      agentEnded = true;
      void finish(exit, exit.reason && bytesOut === 0 && exit.exitCode === null ? ShellCloseCode.Refused : 1000);
    },
    end,
    get ended() {
      return ended;
    },
  };
}
export type LiveSession = ReturnType<typeof createLiveSession>;

/** A text frame as text: ws hands over a Buffer, or an ArrayBuffer or the fragments when asked to. */
function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString();
}
