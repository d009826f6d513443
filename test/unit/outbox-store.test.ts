import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutbox } from '../../agent/outbox/outbox-store.js';
import { createOutboxSender } from '../../agent/outbox/outbox-sender.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'helpline-outbox-')), 'outbox.db');
const limits = { maxBytes: 10_000_000, maxAgeMs: 3_600_000 };

describe('agent outbox', () => {
  it('numbers items with a sequence that survives reopening and never repeats', () => {
    const path = file();
    const first = openOutbox(path, limits);
    expect(first.enqueue('health.batch', { samples: [] })).toBe(1);
    expect(first.enqueue('health.batch', { samples: [] })).toBe(2);
    first.acknowledge([1, 2]);
    first.close();
    const again = openOutbox(path, limits);
    expect(again.enqueue('inventory.report', { full: true })).toBe(3);
    expect(again.pending().map((item) => item.seq)).toEqual([3]);
  });

  it('drops health samples before anything else when over its size, and counts the drops', () => {
    const outbox = openOutbox(file(), { maxBytes: 2500, maxAgeMs: 3_600_000 });
    const padding = 'x'.repeat(400);
    outbox.enqueue('inventory.report', { padding });
    for (let i = 0; i < 5; i++) outbox.enqueue('health.batch', { padding, i });
    outbox.enqueue('inventory.report', { padding, last: true });
    const left = outbox.pending();
    expect(left.filter((item) => item.type === 'inventory.report')).toHaveLength(2);
    expect(outbox.stats().bytes).toBeLessThanOrEqual(2500);
    expect(outbox.stats().droppedHealth).toBeGreaterThan(0);
    expect(outbox.stats().droppedOther).toBe(0);
  });

  it('drops items older than its age limit', () => {
    let clock = 1_000_000;
    const outbox = openOutbox(file(), { maxBytes: 10_000_000, maxAgeMs: 60_000 }, () => clock);
    outbox.enqueue('health.batch', { old: true });
    clock += 61_000;
    outbox.enqueue('inventory.report', { fresh: true });
    expect(outbox.pending().map((item) => item.type)).toEqual(['inventory.report']);
    expect(outbox.stats().droppedHealth).toBe(1);
  });

  it('sends in order within its window, deletes only acknowledged items, and resends after a reconnect', () => {
    const outbox = openOutbox(file(), limits);
    for (let i = 0; i < 5; i++) outbox.enqueue('health.batch', { i });
    const sent: number[] = [];
    const sender = createOutboxSender(outbox, { window: 2 });
    sender.attach({ send: (_type, body) => sent.push((body as { seq: number }).seq) > 0 });
    expect(sent).toEqual([1, 2]);
    sender.onAck([1]);
    expect(sent).toEqual([1, 2, 3]);
    sender.detach();
    expect(outbox.pending().map((item) => item.seq)).toEqual([2, 3, 4, 5]);
    sent.length = 0;
    sender.attach({ send: (_type, body) => sent.push((body as { seq: number }).seq) > 0 });
    expect(sent).toEqual([2, 3]);
  });

  it('drops an item the server refused for its schema, but keeps one refused for a server fault', () => {
    const outbox = openOutbox(file(), limits);
    outbox.enqueue('health.batch', {});
    outbox.enqueue('health.batch', {});
    const sender = createOutboxSender(outbox, { window: 10 });
    sender.attach({ send: () => true });
    expect(sender.onRefused('o1', 'invalid_message')).toBe(1);
    expect(sender.onRefused('o2', 'internal_error')).toBe(2);
    expect(sender.onRefused('abc', 'invalid_message')).toBeNull();
    expect(outbox.pending().map((item) => item.seq)).toEqual([2]);
    expect(outbox.stats().rejected).toBe(1);
  });
});
