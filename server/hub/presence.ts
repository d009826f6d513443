// Who is online, kept in memory; last-seen times and handshake timestamps reach the database in
// batches (one transaction per flush), so ten thousand heartbeats do not mean ten thousand writes.

/** Where presence goes in batches: the device table (one transaction per batch). */
export interface PresenceWriter {
  writePresence(entries: Array<{ id: string; lastSeenAt: number; handshakeTs: number }>): void;
}

interface Entry {
  online: boolean;
  lastSeenAt: number;
  handshakeTs: number;
  dirty: boolean;
}

export function createPresence(deps: {
  devices: PresenceWriter;
  flushMs: number;
  now?: () => number;
  onFlushError: (error: unknown) => void;
}) {
  const now = deps.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const entry = (id: string) => {
    let found = entries.get(id);
    if (!found) {
      found = { online: false, lastSeenAt: 0, handshakeTs: 0, dirty: false };
      entries.set(id, found);
    }
    return found;
  };

  const flush = () => {
    const batch: Array<{ id: string; lastSeenAt: number; handshakeTs: number }> = [];
    for (const [id, value] of entries) {
      if (!value.dirty) continue;
      batch.push({ id, lastSeenAt: value.lastSeenAt, handshakeTs: value.handshakeTs });
      value.dirty = false;
      if (!value.online) entries.delete(id);
    }
    if (batch.length === 0) return;
    try {
      deps.devices.writePresence(batch);
    } catch (error) {
      for (const item of batch) {
        const value = entry(item.id);
        value.dirty = true;
        value.lastSeenAt = Math.max(value.lastSeenAt, item.lastSeenAt);
        value.handshakeTs = Math.max(value.handshakeTs, item.handshakeTs);
      }
      deps.onFlushError(error);
    }
  };
  const timer = setInterval(flush, deps.flushMs);
  timer.unref();

  return {
    /** Handshake timestamp last accepted from this device, whether or not it was flushed yet. */
    lastHandshakeTs: (id: string, stored: number) => Math.max(stored, entries.get(id)?.handshakeTs ?? 0),
    recordHandshake(id: string, ts: number) {
      const value = entry(id);
      value.handshakeTs = Math.max(value.handshakeTs, ts);
      value.lastSeenAt = now();
      value.dirty = true;
    },
    connected(id: string) {
      const value = entry(id);
      value.online = true;
      value.lastSeenAt = now();
      value.dirty = true;
    },
    touch(id: string) {
      const value = entry(id);
      value.lastSeenAt = now();
      value.dirty = true;
    },
    disconnected(id: string) {
      const value = entry(id);
      value.online = false;
      value.lastSeenAt = now();
      value.dirty = true;
    },
    isOnline: (id: string) => entries.get(id)?.online ?? false,
    lastSeenAt: (id: string) => entries.get(id)?.lastSeenAt || undefined,
    flush,
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;
