// Attachment bytes on disk: <data dir>/attachments/<ticket id>/<attachment id>, owner-only. An
// upload streams into a temporary file, counted and hashed as it arrives, and is cut off the
// moment it passes the limit; only a complete, synced file gets its final name.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Thrown by receive when the upload passes the limit; the partial file is already gone. */
export class AttachmentTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`attachment exceeds ${limit} bytes`);
  }
}

export interface ReceivedFile {
  size: number;
  sha256: string;
}

export function createAttachmentFiles(dataDir: string) {
  const root = join(dataDir, 'attachments');
  const dirOf = (ticketId: number) => join(root, String(ticketId));
  const pathOf = (ticketId: number, id: string) => join(dirOf(ticketId), id);

  return {
    pathOf,

    /**
     * Streams `source` into the attachment's file. The source is read but never destroyed, so
     * the caller can still answer on the same connection when it is cut off.
     */
    async receive(ticketId: number, id: string, source: Readable, maxBytes: number): Promise<ReceivedFile> {
      mkdirSync(root, { recursive: true, mode: 0o700 });
      mkdirSync(dirOf(ticketId), { recursive: true, mode: 0o700 });
      const temp = `${pathOf(ticketId, id)}.part`;
      const hash = createHash('sha256');
      let size = 0;
      const file = await open(temp, 'wx', 0o600);
      try {
        // Awaiting each write before taking the next chunk is the back-pressure.
        for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > maxBytes) throw new AttachmentTooLarge(maxBytes);
          hash.update(chunk);
          for (let written = 0; written < chunk.length;) written += (await file.write(chunk, written)).bytesWritten;
        }
        // Tickets must survive a power cut, and so must what is attached to them.
        await file.sync();
        await file.close();
        await rename(temp, pathOf(ticketId, id));
      } catch (error) {
        await file.close().catch(() => undefined);
        rmSync(temp, { force: true });
        throw error;
      }
      return { size, sha256: hash.digest('hex') };
    },

    /** An open read stream, or null when the file is missing from the data directory. */
    async read(ticketId: number, id: string): Promise<Readable | null> {
      try {
        const file = await open(pathOf(ticketId, id), 'r');
        return file.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },

    remove(ticketId: number, id: string): void {
      rmSync(pathOf(ticketId, id), { force: true });
    },
  };
}
export type AttachmentFiles = ReturnType<typeof createAttachmentFiles>;
