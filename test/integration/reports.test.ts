// The KPI report on a seeded week, every figure worked out by hand below. Tickets are written through
// the real ticket store, on the test server's own database, each change at its own instant.
// Calendar: DEFAULT_SLA_POLICY, Mon–Fri 08:00–17:00 UTC. Targets in business minutes:
// P1 response 60 / resolution 240, P2 120 / 480, P3 240 / 1440.
// Range 2025-03-03 (Mon) to 2025-03-07 (Fri): [Mon 00:00Z, Sat 00:00Z).
//
//  #  opened (UTC)  pri line cat     device(group)   source  what happens                                  rating
//  T0 Fri 02-28 10  P3  1   printer -               tech    tom replies Mon 09:00, still in progress      -
//  T1 Mon 09:00     P1  1   network pc-1(office)    tech    reply 09:30, resolved 11:00, closed 12:00     5 Mon 12:00
//  T2 Mon 16:00     P3  1   printer pc-2(office)    tech    reply Tue 09:00, pending Tue 10–Wed 10,       2 Wed
//                                                          resolved Wed 12:00
//  T3 Tue 08:00     P2  2   disk    srv-1(servers)  fault   no reply, resolved Tue 18:00,                 1 Mon 03-10
//                                                          closed Fri 09:00                              (after range)
//  T4 Wed 08:00     P2  2   disk    srv-1(servers)  fault   reply Wed 09:00, still open                   -
//  T5 Wed 10:00     P3  1   memory  pc-1(office)    fault   reply 10:10, resolved Thu 10:00               4 Thu 11:00
//  T6 Thu 14:00     P3  1   disk    pc-2(office)    fault   untouched                                     -
//  T7 Fri 16:00     P3  1   network -               tech    resolved by ann Sat 03-08 09:00 (after range) -
//  T8 Thu 02-27 09  P3  1   disk    pc-2(office)    fault   resolved Fri 02-28 12:00, closed Mon 08:00    -
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../protocol/api/reports.js';
import type { QueryOf } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import type { Db } from '../../server/db/database.js';
import { openDataDirDatabase } from '../../server/data-dir.js';
import { createTicketStore } from '../../server/features/tickets/store.js';
import { createUserStore } from '../../server/features/users/store.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const KPI = API.reports.kpi;

const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00Z`);

/**
 * The seeded week, written through the ticket store the way the ticket service writes (status
 * intervals and history included). The expectations below are what these tickets mean.
 */
function seedWeek(db: Db) {
  const users = createUserStore(db);
  const store = createTicketStore(db);
  const idOf = (name: string) => users.byName(name)!.id;
  const write = (work: () => void) => db.transaction(work)();
  // Priority p from impact = urgency = p, as the default matrix gives it (1→1, 2→2, 3→3).
  const open = (
    time: string,
    category: string,
    priority: number,
    line: 1 | 2,
    deviceId: string | null,
    faultKey?: string,
  ) => {
    let id = 0;
    write(() => {
      const fault = faultKey !== undefined;
      id = store.insert({
        subject: 'seeded',
        description: '',
        requesterKind: fault ? 'system' : 'user',
        requesterName: fault ? 'agent' : 'tom',
        requesterUserId: null,
        deviceId,
        category,
        source: fault ? 'fault' : 'technician',
        channel: null,
        impact: priority,
        urgency: priority,
        priority,
        line,
        assigneeId: null,
        status: 'new',
        faultKey: faultKey ?? null,
        snapshot: null,
        createdAt: at(time),
      });
      store.recordCreation(id, at(time), fault ? 'agent' : 'tom');
    });
    return id;
  };
  const change = (time: string, id: number, actor: string, changes: Record<string, string | number | null>) =>
    write(() => store.update(id, actor, at(time), changes));
  const reply = (time: string, id: number, actor: string) =>
    write(() => {
      store.addEntry(id, at(time), actor, 'reply', 'seeded reply');
      if (store.byId(id)!.firstResponseAt === null) store.update(id, actor, at(time), { firstResponseAt: at(time) });
    });
  const work = (time: string, id: number, actor: string, status: 'assigned' | 'in_progress' | 'pending') =>
    change(time, id, actor, { status, assigneeId: store.byId(id)!.assigneeId ?? idOf(actor) });
  const resolve = (time: string, id: number, actor: string) =>
    change(time, id, actor, {
      status: 'resolved',
      resolution: 'done',
      resolvedAt: at(time),
      assigneeId: store.byId(id)!.assigneeId ?? idOf(actor),
    });
  const close = (time: string, id: number, actor: string) =>
    change(time, id, actor, { status: 'closed', closedAt: at(time) });
  const rate = db.prepare('INSERT INTO ticket_ratings (ticket_id, rating, comment, at) VALUES (?, ?, ?, ?)');

  const t8 = open('2025-02-27 09:00', 'disk', 3, 1, 'pc-2', 'disk.free');
  resolve('2025-02-28 12:00', t8, 'tom');
  const t0 = open('2025-02-28 10:00', 'printer', 3, 1, null);
  work('2025-02-28 10:30', t0, 'tom', 'assigned');
  work('2025-02-28 11:00', t0, 'tom', 'in_progress');
  close('2025-03-03 08:00', t8, 'tom');
  reply('2025-03-03 09:00', t0, 'tom');
  const t1 = open('2025-03-03 09:00', 'network', 1, 1, 'pc-1');
  reply('2025-03-03 09:30', t1, 'tom');
  resolve('2025-03-03 11:00', t1, 'tom');
  close('2025-03-03 12:00', t1, 'tom');
  rate.run(t1, 5, '', at('2025-03-03 12:00'));
  const t2 = open('2025-03-03 16:00', 'printer', 3, 1, 'pc-2');
  reply('2025-03-04 09:00', t2, 'tom');
  work('2025-03-04 09:00', t2, 'tom', 'in_progress');
  work('2025-03-04 10:00', t2, 'tom', 'pending');
  work('2025-03-05 10:00', t2, 'tom', 'in_progress');
  resolve('2025-03-05 12:00', t2, 'tom');
  rate.run(t2, 2, 'slow', at('2025-03-05 13:00'));
  const t3 = open('2025-03-04 08:00', 'disk', 2, 2, 'srv-1', 'disk.free');
  resolve('2025-03-04 18:00', t3, 'ann');
  close('2025-03-07 09:00', t3, 'ann');
  rate.run(t3, 1, 'outside the range', at('2025-03-10 09:00'));
  const t4 = open('2025-03-05 08:00', 'disk', 2, 2, 'srv-1', 'disk.smart');
  work('2025-03-05 08:30', t4, 'ann', 'assigned');
  reply('2025-03-05 09:00', t4, 'ann');
  const t5 = open('2025-03-05 10:00', 'memory', 3, 1, 'pc-1', 'memory.used');
  reply('2025-03-05 10:10', t5, 'tom');
  resolve('2025-03-06 10:00', t5, 'tom');
  rate.run(t5, 4, '', at('2025-03-06 11:00'));
  open('2025-03-06 14:00', 'disk', 3, 1, 'pc-2', 'disk.free');
  const t7 = open('2025-03-07 16:00', 'network', 3, 1, null);
  resolve('2025-03-08 09:00', t7, 'ann');
}

const timer = (
  count: number,
  met: number,
  share: number | null,
  business: [number, number] | null,
  wall: [number, number] | null,
) => ({
  count,
  met,
  withinSlaShare: share,
  businessMinutes: { median: business?.[0] ?? null, p90: business?.[1] ?? null },
  wallClockMinutes: { median: wall?.[0] ?? null, p90: wall?.[1] ?? null },
});

const WEEK = { from: '2025-03-03', to: '2025-03-07' };
const TUESDAY = { from: '2025-03-04', to: '2025-03-04' };

describe('KPI report on a seeded week', () => {
  let server: TestServer;
  let report: (query: QueryOf<typeof KPI>, token?: string) => Promise<{ status: number; body: KpiReport }>;
  beforeAll(async () => {
    server = await startTestServer();
    for (const [name, line] of [
      ['tom', 1],
      ['ann', 2],
    ] as const) {
      const password = `${name}-password-1`;
      await server.client().call(API.users.add, { body: { name, role: 'technician', line, password } });
    }
    await server.client().call(API.users.add, { body: { name: 'vera', role: 'viewer', password: 'vera-password-1' } });
    const db = openDataDirDatabase(server.dataDir);
    try {
      db.exec("INSERT INTO device_groups (name, created_at) VALUES ('office', 0), ('servers', 0)");
      const device =
        db.prepare(`INSERT INTO devices (id, name, group_name, status, public_key, fingerprint, machine_id, platform, os_release, arch, agent_version, enrolled_at)
        VALUES (?, ?, ?, 'active', ?, 'fp', ?, 'linux', '6', 'x64', '0.1.0', 0)`);
      for (const [id, group] of [
        ['pc-1', 'office'],
        ['pc-2', 'office'],
        ['srv-1', 'servers'],
      ] as const)
        device.run(id, id.toUpperCase(), group, `key-${id}`, `machine-${id}`);
      seedWeek(db);
    } finally {
      db.close();
    }
    report = (query, token) => server.client(token).callWithStatus(KPI, { query });
  });
  afterAll(() => server.cleanup());

  it('gives the week totals as worked out by hand', async () => {
    const { status, body } = await report(WEEK);
    expect(status).toBe(200);
    expect(body.range).toEqual({
      from: '2025-03-03',
      to: '2025-03-07',
      timeZone: 'UTC',
      startAt: '2025-03-03T00:00:00.000Z',
      endAt: '2025-03-08T00:00:00.000Z',
    });
    expect(body.totals).toEqual({
      opened: 7, // T1..T7 (T0 and T8 were opened in February)
      resolved: 4, // T1, T2, T3, T5 (T7 on Saturday is past the range, T8 was in February)
      closed: 3, // T1 Mon 12:00, T8 Mon 08:00, T3 Fri 09:00
      backlog: 4, // open at Sat 00:00: T0 in progress, T4, T6 new, T7 (resolved only on Saturday)
      // First responses in the range (business / wall minutes, SLA):
      //   T0 Fri 10:00→Mon 09:00: business 420 (Fri 10–17) + 60 (Mon 8–9) = 480, wall 71 h = 4260; P3 240 → breached
      //   T1 30 / 30 met; T2 Mon 16:00→Tue 09:00: 60 + 60 = 120, wall 17 h = 1020, met
      //   T3 no reply, so its resolution Tue 18:00 answers it: 540 (08–17) / 600; P2 120 → breached
      //   T4 60 / 60 met; T5 10 / 10 met
      // business sorted 10 30 60 120 480 540: median rank ceil(0.5·6) = 3 → 60, p90 rank ceil(0.9·6) = 6 → 540
      // wall sorted 10 30 60 600 1020 4260: rank 3 → 60, rank 6 → 4260; met 4 of 6 = 0.6667
      firstResponse: timer(6, 4, 0.6667, [60, 540], [60, 4260]),
      // Resolutions in the range:
      //   T1 120 / 120, P1 240 met
      //   T2 Mon 16:00→Wed 12:00: business 60 + 540 + 240 = 840, wall 44 h = 2640; the SLA clock skips
      //      pending Tue 10–17 (420) and Wed 08–10 (120), so it used 840 − 540 = 300 of 1440: met
      //   T3 540 / 600, P2 480 → breached; T5 Wed 10:00→Thu 10:00: 420 + 120 = 540, wall 1440, met
      // business sorted 120 540 540 840: median rank 2 → 540, p90 rank ceil(3.6) = 4 → 840
      // wall sorted 120 600 1440 2640: rank 2 → 600, rank 4 → 2640; met 3 of 4 = 0.75
      resolution: timer(4, 3, 0.75, [540, 840], [600, 2640]),
      satisfaction: { average: 3.67, ratings: 3 }, // (5 + 2 + 4) / 3 = 3.666…; T3's rating came on 03-10
      // Of T1, T2, T3, T5 resolved: T3 was at line 2 from its start, the others never left line 1.
      solvedAtFirstLine: { count: 3, share: 0.75 },
    });
    // Faults opened in the range: T3, T4 on SRV-1, T5 on PC-1, T6 on PC-2 (T8 in February is out).
    expect(body.topFaultDevices).toEqual([
      { deviceId: 'srv-1', deviceName: 'SRV-1', group: 'servers', faults: 2 },
      { deviceId: 'pc-1', deviceName: 'PC-1', group: 'office', faults: 1 },
      { deviceId: 'pc-2', deviceName: 'PC-2', group: 'office', faults: 1 },
    ]);
    expect(body.topFaultCategories).toEqual([
      { category: 'disk', faults: 3 },
      { category: 'memory', faults: 1 },
    ]);
  });

  it('gives every day of the week and the faults per day of the top categories', async () => {
    const { body } = await report(WEEK);
    // Opened: Mon T1 T2, Tue T3, Wed T4 T5, Thu T6, Fri T7. Resolved: Mon T1, Tue T3 (18:00), Wed T2,
    // Thu T5 (T7 only on Saturday). Faults: Tue T3, Wed T4 T5, Thu T6.
    expect(body.daily).toEqual([
      { date: '2025-03-03', opened: 2, resolved: 1, faults: 0 },
      { date: '2025-03-04', opened: 1, resolved: 1, faults: 1 },
      { date: '2025-03-05', opened: 2, resolved: 1, faults: 2 },
      { date: '2025-03-06', opened: 1, resolved: 1, faults: 1 },
      { date: '2025-03-07', opened: 1, resolved: 0, faults: 0 },
    ]);
    // disk: T3 Tue, T4 Wed, T6 Thu; memory: T5 Wed. The same order and totals as topFaultCategories.
    expect(body.faultTrend).toEqual([
      { category: 'disk', faults: 3, perDay: [0, 1, 1, 1, 0] },
      { category: 'memory', faults: 1, perDay: [0, 0, 1, 0, 0] },
    ]);
  });

  it('splits the figures by support line', async () => {
    const { body } = await report({ ...WEEK, groupBy: 'line' });
    expect(body.groupBy).toBe('line');
    expect(body.groups).toEqual([
      {
        key: '1',
        opened: 5, // T1, T2, T5, T6, T7
        resolved: 3, // T1, T2, T5
        closed: 2, // T1, T8
        backlog: 3, // T0, T6, T7
        // T0 480/4260 ✗, T1 30/30 ✓, T2 120/1020 ✓, T5 10/10 ✓:
        // sorted 10 30 120 480 → rank 2 = 30, rank ceil(3.6) = 4 → 480
        firstResponse: timer(4, 3, 0.75, [30, 480], [30, 4260]),
        // T1 120/120, T2 840/2640, T5 540/1440, all met: sorted 120 540 840 → rank ceil(1.5) = 2, rank ceil(2.7) = 3
        resolution: timer(3, 3, 1, [540, 840], [1440, 2640]),
        satisfaction: { average: 3.67, ratings: 3 },
        solvedAtFirstLine: { count: 3, share: 1 },
      },
      {
        key: '2',
        opened: 2,
        resolved: 1,
        closed: 1,
        backlog: 1, // T3, T4; T3 resolved and closed; T4 open
        // T4 60/60 ✓, T3 540/600 ✗: sorted 60 540 → median rank 1 = 60, p90 rank ceil(1.8) = 2 → 540
        firstResponse: timer(2, 1, 0.5, [60, 540], [60, 600]),
        resolution: timer(1, 0, 0, [540, 540], [600, 600]),
        satisfaction: { average: null, ratings: 0 },
        solvedAtFirstLine: { count: 0, share: 0 },
      },
    ]);
  });

  it('groups by device group and by assignee, tickets without one last', async () => {
    const counts = (body: KpiReport) => body.groups.map((g) => [g.key, g.opened, g.resolved, g.closed, g.backlog]);
    // office: opened T1 T2 T5 T6, resolved T1 T2 T5, closed T1 T8, backlog T6; servers: T3 T4;
    // no device: T7 opened, backlog T0 and T7.
    expect(counts((await report({ ...WEEK, groupBy: 'group' })).body)).toEqual([
      ['office', 4, 3, 2, 1],
      ['servers', 2, 1, 1, 1],
      [null, 1, 0, 0, 2],
    ]);
    // Current assignees: ann has T3, T4 and T7 (she resolved it on Saturday); tom T0 T1 T2 T5 T8; T6 nobody.
    expect(counts((await report({ ...WEEK, groupBy: 'assignee' })).body)).toEqual([
      ['ann', 3, 1, 1, 2],
      ['tom', 3, 3, 2, 1],
      [null, 1, 0, 0, 1],
    ]);
  });

  it('counts backlog as it stood at the end of a past range', async () => {
    // Tue 03-04 only: open at Wed 00:00 were T0, T2 (in progress) — T3 was resolved Tue 18:00.
    const { body } = await report(TUESDAY, undefined);
    expect(body.totals).toMatchObject({ opened: 1, resolved: 1, backlog: 2 });
    // A viewer may read reports, too.
    expect((await report(TUESDAY, await login('vera'))).status).toBe(200);
  });

  const login = async (name: string) =>
    (await server.client(null).call(API.auth.login, { body: { user: name, password: `${name}-password-1` } })).token;
});
