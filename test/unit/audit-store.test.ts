import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database.js';
import { createAuditStore } from '../../server/features/audit/store.js';

describe('audit log', () => {
  const open = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'helpline-audit-')), 'test.db'));

  it('chains entries and verifies the chain', () => {
    const db = open();
    const audit = createAuditStore(db);
    audit.record({ actor: 'admin', action: 'login' });
    audit.record({ actor: 'admin', action: 'device.revoked', target: 'dev_x', detail: { reason: 'lost' } });
    expect(audit.verify()).toEqual({ ok: true, entries: 2 });
    const [latest, first] = audit.list();
    expect(latest!.prevHash).toBe(first!.hash);
  });

  it('refuses updates and deletes in the database itself', () => {
    const db = open();
    createAuditStore(db).record({ actor: 'admin', action: 'login' });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('detects an entry edited behind its back', () => {
    const db = open();
    const audit = createAuditStore(db);
    audit.record({ actor: 'admin', action: 'login' });
    audit.record({ actor: 'admin', action: 'logout' });
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 1");
    expect(audit.verify()).toEqual({ ok: false, brokenAt: 1 });
  });
});
