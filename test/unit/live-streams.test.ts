// The live stream registry on its own: a reader that stops reading is dropped once what waits for
// it passes the limit, and the others keep getting events.
import { describe, expect, it } from 'vitest';
import { createLiveStreams, MAX_BUFFERED_BYTES, type StreamOwner } from '../../server/features/live/streams.js';

describe('live streams', () => {
  it('drops a reader that fell too far behind, never buffering without bound', async () => {
    const dropped: StreamOwner[] = [];
    const streams = createLiveStreams({ onDropped: (owner) => dropped.push(owner) });
    // Never read: like a tab whose connection stalled.
    const stalled = streams.open({ userId: 1, role: 'admin', tokenId: 'a' }, undefined);
    const reading = streams.open({ userId: 2, role: 'viewer', tokenId: 'b' }, undefined);
    let received = 0;
    reading.on('data', (chunk: Buffer) => (received += chunk.length));
    const event = { type: 'device.changed', deviceId: 'dev_0123456789' } as const;
    const frameBytes = `event: device.changed\ndata: ${JSON.stringify(event)}\n\n`.length;
    const frames = Math.ceil((2 * MAX_BUFFERED_BYTES) / frameBytes);
    for (let i = 0; i < frames; i++) {
      streams.send(event);
      // Let the reading stream's consumer run, as a socket would drain between events.
      if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(dropped.map((owner) => owner.userId)).toEqual([1]);
    expect(stalled.destroyed).toBe(true);
    expect(stalled.readableLength).toBeLessThanOrEqual(MAX_BUFFERED_BYTES + frameBytes);
    expect(streams.count()).toBe(1);
    expect(received).toBeGreaterThanOrEqual(frames * frameBytes);
    streams.endAll();
  });
});
