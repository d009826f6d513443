import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../protocol/api/notifications.js';
import { notificationConfig } from '../../server/features/notifications/config.js';
import { planDeliveries, retryDelay, subscriptionMatches } from '../../server/features/notifications/matching.js';
import { chatText, emailBody, emailSubject, oneLine } from '../../server/features/notifications/message.js';
import type { SubscriptionRow } from '../../server/features/notifications/store.js';
import { describeError, loggableTarget } from '../../server/features/notifications/worker.js';

const event = (
  kind: TicketEvent['kind'],
  ticket: Partial<TicketEvent['ticket']> = {},
  actor = 'system',
): TicketEvent => ({
  kind,
  at: Date.UTC(2025, 0, 6, 9),
  actor,
  detail: null,
  ticket: {
    id: 42,
    subject: 'Printer offline',
    priority: 2,
    line: 2,
    status: 'new',
    assignee: 'tom',
    requester: 'alice',
    deviceId: null,
    deviceName: 'PC-042',
    deviceGroup: 'Office',
    ...ticket,
  },
});

let nextId = 1;
const subscription = (fields: Partial<SubscriptionRow> = {}): SubscriptionRow => ({
  id: nextId++,
  userId: 2,
  userName: 'tom',
  userEmail: 'tom@example.test',
  userDisabled: false,
  kinds: ['ticket.created', 'ticket.assigned', 'sla.breach'],
  deviceGroup: null,
  line: null,
  assignedOnly: false,
  channel: 'email',
  target: null,
  enabled: true,
  createdBy: 'admin',
  createdAt: 0,
  ...fields,
});
const team = (fields: Partial<SubscriptionRow> = {}) =>
  subscription({ userId: null, userName: null, userEmail: null, ...fields });

describe('subscription matching', () => {
  it('matches by kind, device group (any case) and support line', () => {
    expect(subscriptionMatches(subscription(), event('ticket.created'))).toBe(true);
    expect(subscriptionMatches(subscription(), event('ticket.resolved'))).toBe(false);
    expect(subscriptionMatches(team({ deviceGroup: 'office' }), event('sla.breach'))).toBe(true);
    expect(subscriptionMatches(team({ deviceGroup: 'lab' }), event('sla.breach'))).toBe(false);
    expect(subscriptionMatches(team({ deviceGroup: 'office' }), event('sla.breach', { deviceGroup: null }))).toBe(
      false,
    );
    expect(subscriptionMatches(team({ line: 2 }), event('sla.breach'))).toBe(true);
    expect(subscriptionMatches(team({ line: 3 }), event('sla.breach'))).toBe(false);
  });

  it("skips disabled subscriptions, disabled users, the actor's own acts, and others' tickets when assignedOnly", () => {
    expect(subscriptionMatches(subscription({ enabled: false }), event('ticket.created'))).toBe(false);
    expect(subscriptionMatches(subscription({ userDisabled: true }), event('ticket.created'))).toBe(false);
    expect(subscriptionMatches(subscription(), event('ticket.assigned', {}, 'Tom'))).toBe(false);
    expect(subscriptionMatches(team(), event('ticket.assigned', {}, 'tom'))).toBe(true);
    expect(
      subscriptionMatches(subscription({ assignedOnly: true }), event('ticket.assigned', { assignee: 'TOM' })),
    ).toBe(true);
    expect(
      subscriptionMatches(subscription({ assignedOnly: true }), event('ticket.assigned', { assignee: 'ann' })),
    ).toBe(false);
    expect(
      subscriptionMatches(subscription({ assignedOnly: true }), event('ticket.assigned', { assignee: null })),
    ).toBe(false);
  });

  it('plans one delivery per distinct channel and target, using the subscriber address when there is no target', () => {
    const planned = planDeliveries(
      [
        subscription(),
        subscription({ kinds: ['ticket.created'] }),
        team({ target: 'TOM@example.test' }),
        team({ channel: 'webhook', target: 'https://hooks.example.test/a' }),
        subscription({ userName: 'ann', userEmail: null }),
      ],
      event('ticket.created'),
      { emailEnabled: true },
    );
    expect(planned.map(({ channel, target }) => `${channel} ${target}`)).toEqual([
      'email tom@example.test',
      'webhook https://hooks.example.test/a',
    ]);
  });

  it('plans no e-mail while no SMTP relay is configured', () => {
    const planned = planDeliveries(
      [subscription(), team({ channel: 'webhook', target: 'http://x.test/' })],
      event('sla.breach'),
      { emailEnabled: false },
    );
    expect(planned.map((delivery) => delivery.channel)).toEqual(['webhook']);
  });
});

describe('retry delay', () => {
  const policy = { baseMs: 1000, capMs: 10_000 };
  it('doubles per failure up to the cap, with half of it random', () => {
    expect(retryDelay(1, policy, () => 0)).toBe(500);
    expect(retryDelay(1, policy, () => 1)).toBe(1000);
    expect(retryDelay(3, policy, () => 0.5)).toBe(3000);
    expect(retryDelay(10, policy, () => 0)).toBe(5000);
    expect(retryDelay(10_000, policy, () => 1)).toBe(10_000);
  });
});

describe('notification text', () => {
  it('builds the e-mail subject from the event and a flattened ticket subject', () => {
    expect(emailSubject(event('sla.breach'))).toBe('[Helpline #42] SLA breach: Printer offline');
    expect(emailSubject(event('ticket.escalated', { line: 3 }))).toBe(
      '[Helpline #42] Escalated to line 3: Printer offline',
    );
    expect(emailSubject(event('ticket.assigned', { subject: 'a\r\nBcc: x@y.z\u202e' }))).toBe(
      '[Helpline #42] Assigned to tom: a Bcc: x@y.z',
    );
    expect(oneLine('x'.repeat(300), 10)).toBe('xxxxxxxxx…');
  });

  it('writes a plain-text body with the facts, the detail and a link', () => {
    const body = emailBody(
      { ...event('ticket.resolved', { assignee: null, deviceName: null }), detail: 'Replaced the toner.\n<b>done</b>' },
      'https://hd.test/',
    );
    expect(body).toContain('Assignee:  (unassigned)');
    expect(body).toContain('Device:    (none)');
    expect(body).toContain('Replaced the toner.\n<b>done</b>');
    expect(body).toContain('Open the ticket: https://hd.test/tickets/42');
    expect(body).toContain('helpline ticket rate 42 <1-5>');
    expect(emailBody(event('ticket.created', {}), 'https://hd.test/')).not.toContain('ticket rate');
  });

  it('escapes chat markup in the one-line webhook text', () => {
    const text = chatText(event('ticket.created', { subject: '<@U123> & <!here>\nhelp' }), 'https://hd.test');
    expect(text).toBe(
      '[Helpline #42] New ticket: &lt;@U123&gt; &amp; &lt;!here&gt; help (P2, line 2, assigned to tom, device PC-042) https://hd.test/tickets/42',
    );
  });
});

describe('notification plumbing', () => {
  it('keeps webhook secrets out of the log and names the cause of a fetch failure', () => {
    expect(loggableTarget({ channel: 'webhook', target: 'https://hooks.slack.test/services/T/B/secret' })).toBe(
      'https://hooks.slack.test',
    );
    expect(loggableTarget({ channel: 'email', target: 'a@b.test' })).toBe('a@b.test');
    expect(describeError(new Error('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') }))).toBe(
      'fetch failed: connect ECONNREFUSED 127.0.0.1:1',
    );
  });

  it('has defaults for every setting and refuses unknown or bad ones', () => {
    expect(notificationConfig()).toMatchObject({
      smtpPort: 587,
      smtpSecure: false,
      notifyMaxAttempts: 8,
      notifyConcurrency: 4,
    });
    expect(notificationConfig().smtpHost).toBeUndefined();
    expect(() => notificationConfig({ notifyMaxAttempts: 0 })).toThrow(/notifyMaxAttempts/);
    // A variable, not a literal, so that the unknown key reaches the check the compiler would stop.
    const withUnknownSetting = { smtpPort: 587, smtpColour: 'blue' };
    expect(() => notificationConfig(withUnknownSetting)).toThrow(/additional/);
  });
});
