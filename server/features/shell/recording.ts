// A session recording in asciicast v2 (one JSON header line, then one [seconds, code, text]
// line per event: "o" output, "i" input, "r" resize), written as it happens. At the size cap a
// marker is written and recording stops; the session itself goes on.
import { createWriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export const TRUNCATION_MARKER = '\r\n[Helpline: the recording stopped here because it reached its size limit]\r\n';

export function openRecording(
  file: string,
  options: { cols: number; rows: number; startedAt: number; title: string; maxBytes: number; recordInput: boolean },
) {
  const stream = createWriteStream(file, { mode: 0o600 });
  const decoders = { o: new StringDecoder('utf8'), i: new StringDecoder('utf8') };
  let bytes = 0;
  let truncated = false;
  const write = (line: string) => {
    bytes += Buffer.byteLength(line);
    stream.write(line);
  };
  write(
    JSON.stringify({
      version: 2,
      width: options.cols,
      height: options.rows,
      timestamp: Math.floor(options.startedAt / 1000),
      title: options.title,
      env: { TERM: 'xterm-256color' },
    }) + '\n',
  );
  const event = (at: number, code: 'o' | 'i' | 'r', text: string) => {
    if (truncated || text === '') return;
    const line = JSON.stringify([Math.max(0, (at - options.startedAt) / 1000), code, text]) + '\n';
    if (bytes + Buffer.byteLength(line) > options.maxBytes) {
      truncated = true;
      write(JSON.stringify([Math.max(0, (at - options.startedAt) / 1000), 'o', TRUNCATION_MARKER]) + '\n');
      return;
    }
    write(line);
  };
  return {
    output: (chunk: Buffer, at: number) => event(at, 'o', decoders.o.write(chunk)),
    input: (chunk: Buffer, at: number) => {
      if (options.recordInput) event(at, 'i', decoders.i.write(chunk));
    },
    resize: (cols: number, rows: number, at: number) => event(at, 'r', `${cols}x${rows}`),
    /** Resolves when everything is on disk. */
    close(): Promise<{ bytes: number; truncated: boolean }> {
      return new Promise((resolve) => stream.end(() => resolve({ bytes, truncated })));
    },
  };
}
export type Recording = ReturnType<typeof openRecording>;
