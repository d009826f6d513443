// Reads a live event stream as a browser would, over a real HTTP connection: parses the SSE
// frames as they arrive and lets a test wait for the first event that matches.
import type { LiveEvent } from '../../protocol/api/live-events.js';

export interface SseReader {
  status: number;
  headers: Headers;
  /** The body of a refusal (any answer but 200), as text. */
  refusal: string;
  /** Every event received so far, in order. */
  events: LiveEvent[];
  /** Every comment line received so far (`: keep-alive`). */
  comments: string[];
  /** Resolves with the first event (received or to come) that matches; rejects on timeout or stream end. */
  next(match: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseReader> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const refusal = response.status === 200 ? '' : await response.text();
  const events: LiveEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let done = false;
  const wake = () => waiters.forEach((waiter) => waiter());

  const parse = (frame: string) => {
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (data) events.push(JSON.parse(data) as LiveEvent);
  };
  const ended = (async () => {
    if (!response.body || refusal) return;
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          parse(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
        }
        wake();
      }
    } catch {
      // Aborted by close(): the stream ended from this side.
    } finally {
      done = true;
      wake();
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    refusal,
    events,
    comments,
    ended,
    next(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) finish(() => resolve(found));
          else if (done) finish(() => reject(new Error('the stream ended before a matching event')));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(events)}`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
