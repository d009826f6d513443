// Remote shells through the server. A technician's WebSocket upgrade to API_SOCKETS.shell is
// checked before it is accepted — signed in, a role the device group's policy allows (viewers
// never), the device enrolled and online, the session limits, the ticket if one is named — and
// refused with a plain HTTP error otherwise. Accepted, it becomes a live session relayed to the
// agent and recorded. Revoking a device or disabling a technician ends their sessions at once.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { Compile } from 'typebox/compile';
import { WebSocketServer } from 'ws';
import { pathPattern } from '../../../protocol/api/route.js';
import { API_SOCKETS } from '../../../protocol/api/routes/sockets.js';
import {
  ShellCloseCode,
  type ShellPolicy,
  type ShellQuery,
  type ShellServerFrame,
} from '../../../protocol/api/shell.js';
import type { AgentToServerBody, ServerToAgentBody, ServerToAgentType } from '../../../protocol/envelope.js';
import { describeFirstError } from '../../../protocol/schema-errors.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import type { AuthService, AuthUser } from '../auth/service.js';
import type { DeviceStore } from '../devices/store.js';
import type { BrowserSessions } from '../session/browser-sessions.js';
import { allows, authenticateRequest, SIGN_IN_FIRST } from '../../plugins/access.js';
import type { GroupSettings } from '../settings/group-settings.js';
import { createLiveSession, type LiveSession, type LiveSessionEnd } from './live-session.js';
import { openRecording } from './recording.js';
import type { ShellSessionStore } from './store.js';

/** The path of API_SOCKETS.shell, with the device id as the group `id`. */
export const SHELL_PATH = pathPattern(API_SOCKETS.shell.path);
const queryValidator = Compile(API_SOCKETS.shell.query);

/** The device id in a shell path; a broken %-escape in it is bad input (it used to end the process). */
function deviceIdIn(url: string | undefined): string {
  const raw = SHELL_PATH.exec((url ?? '').split('?')[0] ?? '')?.groups?.id ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ApiError('validation_failed', `the device id in the path is not valid percent-encoding: ${raw}`);
  }
}

interface Entry {
  live: LiveSession;
  deviceId: string;
  userId: number;
}

export function createShellRelay(deps: {
  auth: AuthService;
  /** The web console's cookie sessions: a browser's upgrade must also come from this server's origin. */
  browserSessions: BrowserSessions;
  devices: DeviceStore;
  policies: GroupSettings<ShellPolicy>;
  isOnline: (deviceId: string) => boolean;
  toAgent: <K extends ServerToAgentType>(deviceId: string, type: K, body: ServerToAgentBody<K>) => boolean;
  sessions: ShellSessionStore;
  audit: AuditStore;
  recordingsDir: string;
  recordingMaxBytes: number;
  ticketExists: (id: number) => boolean;
  onEnded?: (sessionId: string) => void;
  log: FastifyBaseLogger;
  now: () => number;
}) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const live = new Map<string, Entry>();
  mkdirSync(deps.recordingsDir, { recursive: true, mode: 0o700 });

  const refuse = (socket: Duplex, error: ApiError) => {
    const body = JSON.stringify({ code: error.code, message: error.message });
    const head = [
      `HTTP/1.1 ${error.statusCode} ${STATUS_CODES[error.statusCode] ?? 'Refused'}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    if (socket.writable) socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
    socket.destroy();
  };

  /**
   * A browser cannot read the body of a refused upgrade, only that it failed. Once its cookie and
   * Origin are checked (so the page asking is our console, signed in), the refusal is told on an
   * accepted socket instead, which then closes: the console can show the server's reason.
   */
  const signedInBrowser = (request: IncomingMessage): boolean => {
    if (request.headers.authorization !== undefined) return false;
    try {
      return authenticateRequest(request, deps.auth, deps.browserSessions) !== null;
    } catch {
      return false;
    }
  };
  const refuseInBand = (request: IncomingMessage, socket: Duplex, head: Buffer, error: ApiError) =>
    wss.handleUpgrade(request, socket, head, (ws) => {
      const frame: ShellServerFrame = {
        type: 'refused',
        status: error.statusCode,
        code: error.code,
        message: error.message,
      };
      ws.send(JSON.stringify(frame));
      ws.close(ShellCloseCode.Refused, 'the shell was refused');
    });

  /** Everything that must hold before a shell opens; throws the ApiError to answer with. */
  const admit = (
    request: IncomingMessage,
    deviceId: string,
  ): { user: AuthUser; query: ShellQuery; policy: ShellPolicy } => {
    const user = authenticateRequest(request, deps.auth, deps.browserSessions);
    if (!user) throw new ApiError('unauthorized', SIGN_IN_FIRST);
    if (!allows(API_SOCKETS.shell.access, user.role))
      throw new ApiError('forbidden', `${user.role}s cannot open remote shells`);
    const params = Object.fromEntries(new URL(request.url ?? '', 'http://x').searchParams);
    const query = {
      ...params,
      ...(params.cols ? { cols: Number(params.cols) } : {}),
      ...(params.rows ? { rows: Number(params.rows) } : {}),
      ...(params.ticket ? { ticket: Number(params.ticket) } : {}),
    };
    if (!queryValidator.Check(query))
      throw new ApiError('validation_failed', describeFirstError(queryValidator, query));
    const device = deps.devices.byId(deviceId);
    if (!device) throw new ApiError('not_found', `no device ${deviceId}`);
    if (device.status !== 'active') throw new ApiError('invalid_state', `device ${device.name} is ${device.status}`);
    const policy = deps.policies.forGroup(device.group).value;
    if (!(policy.roles as readonly string[]).includes(user.role))
      throw new ApiError(
        'forbidden',
        `the shell policy of group ${device.group} does not allow ${user.role}s to open shells`,
      );
    if (!deps.isOnline(deviceId)) throw new ApiError('invalid_state', `device ${device.name} is offline`);
    const onDevice = [...live.values()].filter((entry) => entry.deviceId === deviceId).length;
    if (onDevice >= policy.maxPerDevice)
      throw new ApiError(
        'conflict',
        `device ${device.name} already has ${onDevice} remote shells open (the limit is ${policy.maxPerDevice})`,
      );
    const mine = [...live.values()].filter((entry) => entry.userId === user.id).length;
    if (mine >= policy.maxPerTechnician)
      throw new ApiError(
        'conflict',
        `you already have ${mine} remote shells open (the limit is ${policy.maxPerTechnician})`,
      );
    if (query.ticket !== undefined && !deps.ticketExists(query.ticket))
      throw new ApiError('not_found', `no ticket #${query.ticket}`);
    return { user, query, policy };
  };

  const start = (
    socket: import('ws').WebSocket,
    deviceId: string,
    user: AuthUser,
    query: ShellQuery,
    policy: ShellPolicy,
  ) => {
    const sessionId = `sh_${randomBytes(12).toString('hex')}`;
    const startedAt = deps.now();
    const recordingFile = join(deps.recordingsDir, `${sessionId}.cast`);
    const recording = openRecording(recordingFile, {
      cols: query.cols,
      rows: query.rows,
      startedAt,
      title: `${user.name} on ${deviceId}`,
      maxBytes: deps.recordingMaxBytes,
      recordInput: policy.recordInput,
    });
    deps.sessions.insert({
      id: sessionId,
      deviceId,
      technician: user.name,
      technicianId: user.id,
      ticketId: query.ticket ?? null,
      shell: query.shell ?? '(default)',
      exec: query.exec ?? null,
      startedAt,
      recordingFile,
      inputRecorded: policy.recordInput,
    });
    deps.audit.record({
      actor: user.name,
      action: 'shell.opened',
      target: deviceId,
      detail: { sessionId, shell: query.shell ?? null, exec: query.exec ?? null, ticket: query.ticket ?? null },
    });
    const session = createLiveSession({
      sessionId,
      deviceId,
      socket,
      recording,
      toAgent: (type, body) => deps.toAgent(deviceId, type, body),
      now: deps.now,
      onEnd: (end: LiveSessionEnd) => {
        live.delete(sessionId);
        const endedAt = deps.now();
        deps.sessions.finish({
          id: sessionId,
          endedAt,
          exitCode: end.exitCode,
          reason: end.reason,
          bytesIn: end.bytesIn,
          bytesOut: end.bytesOut,
          recordingBytes: end.recording.bytes,
          truncated: end.recording.truncated,
        });
        deps.audit.record({
          actor: user.name,
          action: 'shell.closed',
          target: deviceId,
          detail: {
            sessionId,
            seconds: Math.round((endedAt - startedAt) / 1000),
            bytesIn: end.bytesIn,
            bytesOut: end.bytesOut,
            exitCode: end.exitCode,
            reason: end.reason,
          },
        });
        deps.onEnded?.(sessionId);
      },
    });
    live.set(sessionId, { live: session, deviceId, userId: user.id });
    const sent = deps.toAgent(deviceId, 'shell.open', {
      sessionId,
      ...(query.shell !== undefined ? { shell: query.shell } : {}),
      ...(query.exec !== undefined ? { exec: query.exec } : {}),
      cols: query.cols,
      rows: query.rows,
      technician: user.name,
      notice: policy.notice,
      idleTimeoutMs: policy.idleTimeoutMs,
      maxDurationMs: policy.maxDurationMs,
    });
    if (!sent) session.end('the device went offline');
  };

  /** Messages from an agent about a session of its own (another device's id is ignored). */
  const ofDevice = (deviceId: string, sessionId: string) => {
    const entry = live.get(sessionId);
    return entry && entry.deviceId === deviceId ? entry.live : null;
  };

  return {
    matches: (path: string) => SHELL_PATH.test(path),
    // An arrow: the upgrade table calls it detached from the relay.
    handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
      socket.on('error', () => socket.destroy());
      let deviceId = '';
      let admitted: ReturnType<typeof admit>;
      try {
        deviceId = deviceIdIn(request.url);
        admitted = admit(request, deviceId);
      } catch (error) {
        const refusal =
          error instanceof ApiError ? error : new ApiError('internal_error', 'the shell could not be opened');
        deps.log.info({ deviceId, code: refusal.code, reason: refusal.message }, 'remote shell refused');
        if (refusal.statusCode !== 401 && signedInBrowser(request)) return refuseInBand(request, socket, head, refusal);
        return refuse(socket, refusal);
      }
      wss.handleUpgrade(request, socket, head, (ws) =>
        start(ws, deviceId, admitted.user, admitted.query, admitted.policy),
      );
    },
    fromAgent: {
      waiting: (deviceId: string, body: AgentToServerBody<'shell.waiting'>) =>
        ofDevice(deviceId, body.sessionId)?.waiting(body.message),
      opened(deviceId: string, body: AgentToServerBody<'shell.opened'>) {
        if (!ofDevice(deviceId, body.sessionId)) return;
        deps.sessions.setShell(body.sessionId, body.shell);
        ofDevice(deviceId, body.sessionId)!.opened(body.shell, body.sessionId);
      },
      output: (deviceId: string, body: AgentToServerBody<'shell.output'>) =>
        ofDevice(deviceId, body.sessionId)?.output(body.data),
      exit: (deviceId: string, body: AgentToServerBody<'shell.exit'>) =>
        ofDevice(deviceId, body.sessionId)?.agentExit(body),
    },
    /** The device disconnected or was revoked: its sessions end now. */
    deviceGone(deviceId: string, reason: string): void {
      for (const entry of [...live.values()]) if (entry.deviceId === deviceId) entry.live.end(reason);
    },
    /** The technician was disabled: their sessions end now. */
    userDisabled(userId: number): void {
      for (const entry of [...live.values()])
        if (entry.userId === userId) entry.live.end('the technician account was disabled');
    },
    liveCount: () => live.size,
    close(): void {
      for (const entry of [...live.values()]) entry.live.end('the server is shutting down');
    },
  };
}
export type ShellRelay = ReturnType<typeof createShellRelay>;
