// The report service on its own database: days cut in the SLA calendar's zone (DST included),
// business time in that zone, a policy passed in, and satisfaction without the ratings table.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../protocol/api/sla.js';
import { openDatabase, type Db } from '../../server/db/database.js';
import { createReportService } from '../../server/features/reports/service.js';
import { createTicketStore } from '../../server/features/tickets/store.js';

const BERLIN: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  calendar: { ...DEFAULT_SLA_POLICY.calendar, timeZone: 'Europe/Berlin' },
};
const iso = (text: string) => Date.parse(text);

describe('report service', () => {
  let db: Db;
  let policy: SlaPolicy;
  const reports = () => createReportService({ db, slaPolicy: () => policy, now: () => iso('2025-06-01T00:00:00Z') });
  const open = (createdAt: string, repliedAt?: string, line: 1 | 2 = 1) => {
    const store = createTicketStore(db);
    const id = store.insert({
      subject: 's',
      description: '',
      requesterKind: 'user',
      requesterName: 'x',
      requesterUserId: null,
      deviceId: null,
      category: 'general',
      source: 'technician',
      channel: null,
      impact: 3,
      urgency: 3,
      priority: 3,
      line,
      assigneeId: null,
      status: 'new',
      faultKey: null,
      snapshot: null,
      createdAt: iso(createdAt),
    });
    if (repliedAt) store.update(id, 'tom', iso(repliedAt), { firstResponseAt: iso(repliedAt) });
    return id;
  };
  beforeEach(() => {
    db = openDatabase(':memory:');
    policy = DEFAULT_SLA_POLICY;
  });
  afterEach(() => db.close());

  it('cuts the days in the calendar zone and measures business time there', () => {
    policy = BERLIN;
    open('2025-03-02T23:30:00Z'); // Mon 03-03 00:30 in Berlin: in the range
    open('2025-03-03T23:30:00Z'); // Tue 03-04 00:30 in Berlin: after it
    // Opened 08:00 Berlin (07:00Z), answered 09:00 Berlin: 60 business minutes there, 0 in UTC (opens 08:00Z).
    open('2025-03-03T07:00:00Z', '2025-03-03T08:00:00Z');
    const report = reports().kpi({ from: '2025-03-03', to: '2025-03-03' });
    expect(report.range).toEqual({
      from: '2025-03-03',
      to: '2025-03-03',
      timeZone: 'Europe/Berlin',
      startAt: '2025-03-02T23:00:00.000Z',
      endAt: '2025-03-03T23:00:00.000Z',
    });
    expect(report.totals.opened).toBe(2);
    expect(report.totals.firstResponse).toMatchObject({
      count: 1,
      met: 1,
      businessMinutes: { median: 60, p90: 60 },
      wallClockMinutes: { median: 60, p90: 60 },
    });
    policy = DEFAULT_SLA_POLICY;
    expect(reports().kpi({ from: '2025-03-03', to: '2025-03-03' }).totals.firstResponse.businessMinutes.median).toBe(0);
  });

  it('counts as solved at first line only what never left line 1', () => {
    const resolve = (id: number, at: string) =>
      createTicketStore(db).update(id, 'tom', iso(at), { status: 'resolved', resolvedAt: iso(at) });
    const stayed = open('2025-03-03T09:00:00Z');
    resolve(stayed, '2025-03-03T10:00:00Z');
    // Escalated to line 2 and sent back: line 1 now, but it did not solve it alone.
    const returned = open('2025-03-03T09:00:00Z');
    createTicketStore(db).update(returned, 'tom', iso('2025-03-03T09:10:00Z'), { line: 2 });
    createTicketStore(db).update(returned, 'ann', iso('2025-03-03T09:20:00Z'), { line: 1 });
    resolve(returned, '2025-03-03T11:00:00Z');
    const secondLine = open('2025-03-03T09:00:00Z', undefined, 2);
    resolve(secondLine, '2025-03-03T12:00:00Z');
    open('2025-03-03T09:00:00Z'); // still open: not in the count nor in the share's base
    const report = reports().kpi({ from: '2025-03-03', to: '2025-03-03', groupBy: 'line' });
    expect(report.totals.solvedAtFirstLine).toEqual({ count: 1, share: 0.3333 });
    expect(report.groups.map((group) => [group.key, group.resolved, group.solvedAtFirstLine])).toEqual([
      ['1', 2, { count: 1, share: 0.5 }],
      ['2', 1, { count: 0, share: 0 }],
    ]);
  });

  it('cuts the daily trend in the calendar zone', () => {
    policy = BERLIN;
    open('2025-03-02T23:30:00Z'); // Mon 03-03 00:30 in Berlin
    open('2025-03-03T22:59:00Z'); // Mon 23:59 in Berlin
    open('2025-03-03T23:00:00Z'); // Tue 00:00 in Berlin
    const { daily } = reports().kpi({ from: '2025-03-02', to: '2025-03-04' });
    expect(daily.map((day) => [day.date, day.opened])).toEqual([
      ['2025-03-02', 0],
      ['2025-03-03', 2],
      ['2025-03-04', 1],
    ]);
  });

  it('gives the day of the spring change its 23 hours', () => {
    policy = BERLIN;
    const { range } = reports().kpi({ from: '2025-03-30', to: '2025-03-30' });
    expect([range.startAt, range.endAt]).toEqual(['2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z']);
  });

  it('reports nothing measured as zeros and nulls, with no groups', () => {
    const report = reports().kpi({ from: '2025-01-01', to: '2025-01-31', groupBy: 'category' });
    expect(report.groups).toEqual([]);
    expect(report.totals).toEqual({
      opened: 0,
      resolved: 0,
      closed: 0,
      backlog: 0,
      firstResponse: {
        count: 0,
        met: 0,
        withinSlaShare: null,
        businessMinutes: { median: null, p90: null },
        wallClockMinutes: { median: null, p90: null },
      },
      resolution: {
        count: 0,
        met: 0,
        withinSlaShare: null,
        businessMinutes: { median: null, p90: null },
        wallClockMinutes: { median: null, p90: null },
      },
      satisfaction: { average: null, ratings: 0 },
      solvedAtFirstLine: { count: 0, share: null },
    });
    expect(report.topFaultDevices).toEqual([]);
    expect(report.faultTrend).toEqual([]);
    // Every day of January is there, with nothing on it.
    expect(report.daily).toHaveLength(31);
    expect(report.daily[30]).toEqual({ date: '2025-01-31', opened: 0, resolved: 0, faults: 0 });
  });

  it('reads ratings while the table exists and reports null satisfaction without it', () => {
    const id = open('2025-03-03T09:00:00Z');
    db.prepare('INSERT INTO ticket_ratings (ticket_id, rating, at) VALUES (?, 4, ?)').run(
      id,
      iso('2025-03-03T10:00:00Z'),
    );
    const service = reports();
    expect(service.kpi({ from: '2025-03-03', to: '2025-03-03' }).totals.satisfaction).toEqual({
      average: 4,
      ratings: 1,
    });
    db.exec('DROP TABLE ticket_ratings');
    expect(service.kpi({ from: '2025-03-03', to: '2025-03-03' }).totals.satisfaction).toEqual({
      average: null,
      ratings: 0,
    });
  });

  it('refuses a bad range as a validation error that names the problem', () => {
    expect(() => reports().kpi({ from: '2025-03-05', to: '2025-03-04' })).toThrow(
      expect.objectContaining({ code: 'validation_failed', message: expect.stringContaining('is after') }),
    );
  });
});
