// Remote shells: the server relays between a technician's WebSocket and a pseudo-terminal the
// agent starts. Terminal bytes travel base64url-encoded (a terminal is not always valid UTF-8).
// Output is flow-controlled end to end: the agent stops reading the terminal while more than
// SHELL_OUTPUT_WINDOW bytes are unacknowledged, and the technician's side acknowledges what it
// has written out, so a flood (`yes`) cannot grow memory anywhere on the way.
import { Type, type Static } from 'typebox';
import { Base64Url, PrintableText } from './common.js';

/** Bytes of output the agent may have in flight before it waits for an acknowledgement. */
export const SHELL_OUTPUT_WINDOW = 256 * 1024;
/** Largest chunk of terminal output or input in one message (before base64). */
export const SHELL_CHUNK_BYTES = 32 * 1024;
/** Terminal sizes outside these bounds are refused (0×0 and absurd sizes alike). */
export const SHELL_MIN_SIZE = { cols: 2, rows: 1 };
export const SHELL_MAX_SIZE = { cols: 1000, rows: 500 };

export const ShellSessionId = Type.String({ pattern: '^sh_[a-z0-9]{16,40}$' });
const Cols = Type.Integer({ minimum: SHELL_MIN_SIZE.cols, maximum: SHELL_MAX_SIZE.cols });
const Rows = Type.Integer({ minimum: SHELL_MIN_SIZE.rows, maximum: SHELL_MAX_SIZE.rows });
const Chunk = Base64Url(Math.ceil((SHELL_CHUNK_BYTES * 4) / 3) + 4);

export const ShellOpen = Type.Object(
  {
    sessionId: ShellSessionId,
    /** A name from the agent's allowed list; the platform's default shell when absent. */
    shell: Type.Optional(PrintableText(64)),
    /** Run this one command instead of an interactive shell, and end with its exit status. */
    exec: Type.Optional(Type.String({ maxLength: 8192 })),
    cols: Cols,
    rows: Rows,
    technician: PrintableText(128),
    /** What the employee is told: nothing, a notice (for the tray), or asked to consent first. */
    notice: Type.Union([Type.Literal('none'), Type.Literal('notify'), Type.Literal('consent')]),
    idleTimeoutMs: Type.Integer({ minimum: 1000 }),
    maxDurationMs: Type.Integer({ minimum: 1000 }),
  },
  { additionalProperties: false },
);
export type ShellOpen = Static<typeof ShellOpen>;

export const ShellInput = Type.Object({ sessionId: ShellSessionId, data: Chunk }, { additionalProperties: false });
export const ShellResize = Type.Object(
  { sessionId: ShellSessionId, cols: Cols, rows: Rows },
  { additionalProperties: false },
);
export const ShellAck = Type.Object(
  { sessionId: ShellSessionId, bytes: Type.Integer({ minimum: 1, maximum: SHELL_OUTPUT_WINDOW }) },
  { additionalProperties: false },
);
export const ShellClose = Type.Object(
  { sessionId: ShellSessionId, reason: PrintableText(300) },
  { additionalProperties: false },
);

/** How long the employee has to accept a session before it is refused. */
export const SHELL_CONSENT_TIMEOUT_MS = 60_000;

/** The agent is waiting for the employee to accept (consent policy). */
export const ShellWaiting = Type.Object(
  { sessionId: ShellSessionId, message: PrintableText(300) },
  { additionalProperties: false },
);
export const ShellOpened = Type.Object(
  { sessionId: ShellSessionId, shell: PrintableText(300), pid: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export const ShellOutput = Type.Object({ sessionId: ShellSessionId, data: Chunk }, { additionalProperties: false });
export const ShellExit = Type.Object(
  {
    sessionId: ShellSessionId,
    exitCode: Type.Union([Type.Integer(), Type.Null()]),
    signal: Type.Union([Type.Integer(), Type.Null()]),
    /** Why it ended when the shell did not end by itself: idle, too long, closed, refused. */
    reason: Type.Union([PrintableText(300), Type.Null()]),
    bytesIn: Type.Integer({ minimum: 0 }),
    bytesOut: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type ShellExit = Static<typeof ShellExit>;

export const ShellServerBodies = {
  'shell.open': ShellOpen,
  'shell.input': ShellInput,
  'shell.resize': ShellResize,
  'shell.ack': ShellAck,
  'shell.close': ShellClose,
} as const;
export const ShellAgentBodies = {
  'shell.waiting': ShellWaiting,
  'shell.opened': ShellOpened,
  'shell.output': ShellOutput,
  'shell.exit': ShellExit,
} as const;
