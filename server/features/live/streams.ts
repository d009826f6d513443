// The open live event streams, one per browser tab: each is a text/event-stream body that this
// registry writes Server-Sent Events frames into. It holds nothing else: a tab that reconnects
// asks again by its URL (which device it watches), and a page re-reads through the API whatever
// it needs beyond what an event says.
import { PassThrough } from 'node:stream';
import type { LiveEvent } from '../../../protocol/api/live-events.js';
import { MAX_STREAMS_PER_USER } from '../../../protocol/api/live-events.js';
import type { Role } from '../../../protocol/api/common.js';
import { ApiError } from '../../errors.js';

/**
 * How many bytes may wait for one slow reader before its stream is dropped. Events are small and
 * the page re-reads on reconnect, so dropping loses nothing; buffering without bound would let one
 * stalled tab grow the server's memory.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Comment frames keep proxies from closing an idle stream (most close after 30–60 s of silence). */
export const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting a dropped stream (the SSE `retry:` field). */
const RECONNECT_MS = 3_000;

export interface StreamOwner {
  userId: number;
  role: Role;
  /** The login (bearer token or browser session) the stream was opened with. */
  tokenId: string;
}

interface OpenStream extends StreamOwner {
  body: PassThrough;
  /** The device whose health samples this stream carries, if any. */
  device: string | undefined;
}

/** Which streams an event goes to. */
export type Audience = (stream: { role: Role; device: string | undefined }) => boolean;

export function createLiveStreams(deps: {
  /** Told when a stream is dropped for reading too slowly. */
  onDropped?: (owner: StreamOwner) => void;
}) {
  const open = new Set<OpenStream>();

  const end = (stream: OpenStream) => {
    if (!open.delete(stream)) return;
    stream.body.end();
  };
  const write = (stream: OpenStream, frame: string) => {
    // What waits in this stream's buffer and the socket's: a reader that stopped reading.
    if (stream.body.readableLength + stream.body.writableLength > MAX_BUFFERED_BYTES) {
      deps.onDropped?.(stream);
      open.delete(stream);
      stream.body.destroy();
      return;
    }
    stream.body.write(frame);
  };

  const heartbeat = setInterval(() => {
    for (const stream of open) write(stream, ': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    /** Opens a stream for a signed-in user; 429 past the per-user cap. */
    open(owner: StreamOwner, device: string | undefined): PassThrough {
      const mine = [...open].filter((stream) => stream.userId === owner.userId).length;
      if (mine >= MAX_STREAMS_PER_USER)
        throw new ApiError(
          'rate_limited',
          `at most ${MAX_STREAMS_PER_USER} live event streams per user are open at once; close a console tab`,
        );
      const body = new PassThrough();
      const stream: OpenStream = { ...owner, body, device };
      open.add(stream);
      body.on('close', () => open.delete(stream));
      body.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
      return body;
    },
    /** Ends a stream whose reader went away (the request's socket closed). */
    closed(body: PassThrough): void {
      for (const stream of open) if (stream.body === body) end(stream);
    },
    /** Sends an event to every stream of its audience. */
    send(event: LiveEvent, audience: Audience = () => true): void {
      const frame = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
      for (const stream of open) if (audience(stream)) write(stream, frame);
    },
    /** Ends the streams of a login that was signed out. */
    endLogin(tokenId: string): void {
      for (const stream of open) if (stream.tokenId === tokenId) end(stream);
    },
    /** Ends the streams of a user who was disabled. */
    endUser(userId: number): void {
      for (const stream of open) if (stream.userId === userId) end(stream);
    },
    /** Ends every stream (the server is stopping). */
    endAll(): void {
      clearInterval(heartbeat);
      for (const stream of open) end(stream);
    },
    count: () => open.size,
  };
}

export type LiveStreams = ReturnType<typeof createLiveStreams>;
