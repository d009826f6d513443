import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database.js';
import { createHealthStore } from '../../server/features/health/store.js';

describe('health retention', () => {
  it('prunes raw samples after their retention and hourly roll-ups after theirs', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'helpline-health-')), 'test.db'));
    db.prepare(
      "INSERT INTO devices (id, name, group_name, status, public_key, fingerprint, machine_id, platform, os_release, arch, agent_version, enrolled_at) VALUES ('dev_aaaaaaaaaa', 'pc', 'default', 'active', 'k', 'f', 'm', 'linux', 'x', 'x64', '0', 0)",
    ).run();
    const store = createHealthStore(db);
    const sample = (at: number) => ({
      at,
      cpuPct: 10,
      memUsedPct: 20,
      memUsedBytes: 1,
      swapUsedPct: null,
      filesystems: [],
      cpuTempC: null,
      battery: null,
      uptimeSec: 1,
      processCount: 3,
      topCpu: [],
      topMem: [],
    });
    const hour = 3_600_000;
    expect(store.insert('dev_aaaaaaaaaa', [sample(1 * hour), sample(10 * hour), sample(10 * hour)])).toBe(2);
    expect(store.prune(5 * hour, 0)).toEqual({ raw: 1, hourly: 0 });
    expect(store.raw('dev_aaaaaaaaaa', 0, 100 * hour).map((s) => s.at)).toEqual([10 * hour]);
    expect(
      store
        .hourly('dev_aaaaaaaaaa', 0, 100 * hour)
        .filter((row) => row.metric === 'cpuPct')
        .map((row) => row.hour),
    ).toEqual([1 * hour, 10 * hour]);
    expect(store.prune(5 * hour, 5 * hour).hourly).toBeGreaterThan(0);
    expect(
      store
        .hourly('dev_aaaaaaaaaa', 0, 100 * hour)
        .filter((row) => row.metric === 'cpuPct')
        .map((row) => row.hour),
    ).toEqual([10 * hour]);
  });
});
