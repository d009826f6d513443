// The technician's side of a remote shell: a WebSocket at API_SOCKETS.shell (routes/sockets.ts;
// the CLI and the web console), authenticated like every API call (Authorization: Bearer TOKEN, or
// the browser's session cookie with the server's own Origin).
// Query: cols, rows (required), shell, exec, ticket. Every frame is a JSON text frame; terminal
// bytes are base64url. The technician acknowledges output it has written out (`ack`), which is
// what lets the agent read more: nothing piles up on the way.
import type { ApiErrorCode, ShellErrorCode } from '../errors.js';
import { Type, type Static } from 'typebox';
import { SHELL_MAX_SIZE, SHELL_MIN_SIZE } from '../messages/shell.js';

export const ShellQuery = Type.Object(
  {
    cols: Type.Integer({ minimum: SHELL_MIN_SIZE.cols, maximum: SHELL_MAX_SIZE.cols }),
    rows: Type.Integer({ minimum: SHELL_MIN_SIZE.rows, maximum: SHELL_MAX_SIZE.rows }),
    shell: Type.Optional(Type.String({ maxLength: 64 })),
    exec: Type.Optional(Type.String({ maxLength: 8192 })),
    ticket: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type ShellQuery = Static<typeof ShellQuery>;

/** Technician → server. */
export const ShellClientFrame = Type.Union([
  Type.Object(
    { type: Type.Literal('input'), data: Type.String({ maxLength: 44_000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('resize'), cols: Type.Integer(), rows: Type.Integer() },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('ack'), bytes: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('close') }, { additionalProperties: false }),
]);
export type ShellClientFrame = Static<typeof ShellClientFrame>;

/** Server → technician. */
export type ShellServerFrame =
  | { type: 'waiting'; message: string }
  | { type: 'opened'; sessionId: string; shell: string; recordingId: string }
  | { type: 'output'; data: string }
  | { type: 'exit'; exitCode: number | null; signal: number | null; reason: string | null }
  | { type: 'error'; code: ShellErrorCode; message: string }
  /**
   * The shell was refused after the browser's sign-in was checked (role, policy, device state,
   * limits): a browser cannot read an HTTP refusal of an upgrade, so it is told in-band, with the
   * status and body the HTTP refusal has, and the socket then closes with ShellCloseCode.Refused.
   */
  | { type: 'refused'; status: number; code: ApiErrorCode; message: string };

/** WebSocket close codes of the shell endpoint (besides 1000 for a normal end). */
export const ShellCloseCode = {
  /** The shell could not start: refused by policy, by the employee, or by the agent. */
  Refused: 4403,
  /** A frame the server could not read. */
  BadFrame: 4400,
  /** The device went away (offline, revoked) or the technician was disabled. */
  Gone: 4410,
} as const;

/** Remote shells on the devices of one group: who may, what the employee is told, the limits. */
export const ShellPolicy = Type.Object(
  {
    /** Roles that may open shells (viewers never can, whatever this says). */
    roles: Type.Array(Type.Union([Type.Literal('admin'), Type.Literal('technician')]), {
      maxItems: 2,
      uniqueItems: true,
    }),
    notice: Type.Union([Type.Literal('none'), Type.Literal('notify'), Type.Literal('consent')]),
    /** Record what the technician typed too, not only what the terminal showed. */
    recordInput: Type.Boolean(),
    idleTimeoutMs: Type.Integer({ minimum: 1000, maximum: 24 * 3_600_000 }),
    maxDurationMs: Type.Integer({ minimum: 60_000, maximum: 7 * 24 * 3_600_000 }),
    maxPerDevice: Type.Integer({ minimum: 1, maximum: 20 }),
    maxPerTechnician: Type.Integer({ minimum: 1, maximum: 50 }),
  },
  { additionalProperties: false },
);
export type ShellPolicy = Static<typeof ShellPolicy>;

export const DEFAULT_SHELL_POLICY: ShellPolicy = {
  roles: ['admin', 'technician'],
  notice: 'notify',
  recordInput: false,
  idleTimeoutMs: 15 * 60_000,
  maxDurationMs: 4 * 3_600_000,
  maxPerDevice: 2,
  maxPerTechnician: 5,
};

const Iso = Type.String({ format: 'date-time' });
export const RecordingView = Type.Object({
  id: Type.String(),
  deviceId: Type.String(),
  deviceName: Type.Union([Type.String(), Type.Null()]),
  technician: Type.String(),
  ticketId: Type.Union([Type.Integer(), Type.Null()]),
  shell: Type.String(),
  exec: Type.Union([Type.String(), Type.Null()]),
  startedAt: Iso,
  endedAt: Type.Union([Iso, Type.Null()]),
  exitCode: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  bytesIn: Type.Integer(),
  bytesOut: Type.Integer(),
  recordingBytes: Type.Integer(),
  /** The size cap was reached; the file ends with a marker saying so. */
  truncated: Type.Boolean(),
  inputRecorded: Type.Boolean(),
});
export type RecordingView = Static<typeof RecordingView>;

/** A recording is named by its session's id. */
export const RecordingIdParams = Type.Object(
  { id: Type.String({ pattern: '^sh_[a-z0-9]{16,40}$' }) },
  { additionalProperties: false },
);

export const RecordingListQuery = Type.Object(
  {
    deviceId: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type RecordingListQuery = Static<typeof RecordingListQuery>;
