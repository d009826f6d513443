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
  const open = (createdAt: string, repliedAt?: string) => {
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
      line: 1,
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
    });
    expect(report.topFaultDevices).toEqual([]);
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
