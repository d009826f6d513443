// Subscriptions, the durable delivery queue, and users' e-mail addresses (the users.email column).
import type { Db } from '../../db/database.js';
import type { DeliveryStatus, NotificationChannel, TicketEventKind } from '../../../protocol/api/notifications.js';

export interface SubscriptionRow {
  id: number;
  userId: number | null;
  /** The subscriber's name, e-mail address and state (null for a team subscription). */
  userName: string | null;
  userEmail: string | null;
  userDisabled: boolean;
  kinds: TicketEventKind[];
  deviceGroup: string | null;
  line: 1 | 2 | 3 | null;
  assignedOnly: boolean;
  channel: NotificationChannel;
  target: string | null;
  enabled: boolean;
  createdBy: string;
  createdAt: number;
}

export type NewSubscription = Pick<
  SubscriptionRow,
  'userId' | 'kinds' | 'deviceGroup' | 'line' | 'assignedOnly' | 'channel' | 'target' | 'enabled'
> & { createdBy: number };

export interface DeliveryRow {
  id: number;
  subscriptionId: number | null;
  channel: NotificationChannel;
  target: string;
  event: string;
  attempts: number;
  nextAttemptAt: number;
  status: DeliveryStatus;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface UserContact {
  id: number;
  name: string;
  email: string | null;
  disabled: boolean;
}

const SUBSCRIPTION_SELECT = `
  SELECT s.id, s.user_id AS userId, u.name AS userName, u.email AS userEmail, COALESCE(u.disabled, 0) AS userDisabled,
         s.kinds, s.device_group AS deviceGroup, s.support_line AS line, s.assigned_only AS assignedOnly, s.channel,
         s.target, s.enabled, c.name AS createdBy, s.created_at AS createdAt
  FROM notification_subscriptions s
  LEFT JOIN users u ON u.id = s.user_id
  JOIN users c ON c.id = s.created_by`;

const DELIVERY_COLUMNS = `id, subscription_id AS subscriptionId, channel, target, event, attempts, next_attempt_at AS nextAttemptAt,
  status, last_error AS lastError, created_at AS createdAt, sent_at AS sentAt`;

/** A user's contact as SQLite gives it: the flag is 0 or 1. */
type RawContact = Omit<UserContact, 'disabled'> & { disabled: number };

type RawSubscription = Omit<SubscriptionRow, 'kinds' | 'userDisabled' | 'assignedOnly' | 'enabled'> & {
  kinds: string;
  userDisabled: number;
  assignedOnly: number;
  enabled: number;
};

function toSubscription(row: RawSubscription | undefined): SubscriptionRow | undefined {
  if (!row) return undefined;
  return {
    ...row,
    kinds: JSON.parse(row.kinds) as TicketEventKind[],
    userDisabled: row.userDisabled === 1,
    assignedOnly: row.assignedOnly === 1,
    enabled: row.enabled === 1,
  };
}

export function createNotificationStore(db: Db) {
  const subscriptionById = db.prepare(`${SUBSCRIPTION_SELECT} WHERE s.id = ?`);
  const subscriptionsAll = db.prepare(`${SUBSCRIPTION_SELECT} ORDER BY s.id`);
  const subscriptionsOfUser = db.prepare(`${SUBSCRIPTION_SELECT} WHERE s.user_id = ? ORDER BY s.id`);
  const subscriptionsEnabled = db.prepare(`${SUBSCRIPTION_SELECT} WHERE s.enabled = 1 ORDER BY s.id`);
  const insertSubscription = db.prepare(
    `INSERT INTO notification_subscriptions (user_id, kinds, device_group, support_line, assigned_only, channel, target, enabled, created_by, created_at)
     VALUES (@userId, @kinds, @deviceGroup, @line, @assignedOnly, @channel, @target, @enabled, @createdBy, @createdAt)`,
  );
  const setEnabled = db.prepare('UPDATE notification_subscriptions SET enabled = ? WHERE id = ?');
  const abandonPending = db.prepare(
    "UPDATE notification_deliveries SET status = 'failed', last_error = 'subscription deleted' WHERE subscription_id = ? AND status = 'pending'",
  );
  const deleteSubscription = db.prepare('DELETE FROM notification_subscriptions WHERE id = ?');
  const groupExists = db.prepare('SELECT 1 FROM device_groups WHERE name = ?').pluck();

  const userByName = db.prepare('SELECT id, name, email, disabled FROM users WHERE name = ?');
  const userById = db.prepare('SELECT id, name, email, disabled FROM users WHERE id = ?');
  const setEmail = db.prepare('UPDATE users SET email = ? WHERE id = ?');

  const insertDelivery = db.prepare(
    `INSERT INTO notification_deliveries (subscription_id, channel, target, event, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const due = db.prepare(
    `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
  );
  const deliveryById = db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries WHERE id = ?`);
  const listDeliveries = db.prepare(
    `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries WHERE (@status IS NULL OR status = @status) ORDER BY id DESC LIMIT @limit`,
  );
  const markSent = db.prepare(
    "UPDATE notification_deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?",
  );
  const markRetry = db.prepare(
    'UPDATE notification_deliveries SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
  );
  const markFailed = db.prepare(
    "UPDATE notification_deliveries SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
  );
  const prune = db.prepare("DELETE FROM notification_deliveries WHERE status IN ('sent', 'failed') AND created_at < ?");

  const toContact = (row: RawContact | undefined): UserContact | undefined =>
    row && { ...row, disabled: row.disabled === 1 };

  return {
    subscription: (id: number) => toSubscription(subscriptionById.get(id) as RawSubscription | undefined),
    subscriptions: (filter: { userId?: number } = {}) =>
      (
        (filter.userId === undefined
          ? subscriptionsAll.all()
          : subscriptionsOfUser.all(filter.userId)) as RawSubscription[]
      ).map((row) => toSubscription(row)!),
    enabledSubscriptions: () => (subscriptionsEnabled.all() as RawSubscription[]).map((row) => toSubscription(row)!),
    insertSubscription(subscription: NewSubscription, at: number): number {
      const { kinds, assignedOnly, enabled, ...rest } = subscription;
      const values = {
        ...rest,
        kinds: JSON.stringify(kinds),
        assignedOnly: assignedOnly ? 1 : 0,
        enabled: enabled ? 1 : 0,
        createdAt: at,
      };
      return Number(insertSubscription.run(values).lastInsertRowid);
    },
    setSubscriptionEnabled: (id: number, enabled: boolean) => void setEnabled.run(enabled ? 1 : 0, id),
    /** Deletes a subscription; what it still had queued is given up, not sent. */
    deleteSubscription: db.transaction((id: number) => {
      abandonPending.run(id);
      deleteSubscription.run(id);
    }),
    deviceGroupExists: (name: string) => groupExists.get(name) !== undefined,

    userByName: (name: string) => toContact(userByName.get(name) as RawContact | undefined),
    userById: (id: number) => toContact(userById.get(id) as RawContact | undefined),
    setUserEmail: (userId: number, email: string | null) => void setEmail.run(email, userId),

    /** Queues one delivery per (subscription, channel, target), all in one transaction. */
    enqueue: db.transaction(
      (
        items: Array<{ subscriptionId: number; channel: NotificationChannel; target: string }>,
        event: string,
        at: number,
      ) => {
        for (const item of items) insertDelivery.run(item.subscriptionId, item.channel, item.target, event, at, at);
      },
    ),
    due: (at: number, limit: number) => due.all(at, limit) as DeliveryRow[],
    delivery: (id: number) => deliveryById.get(id) as DeliveryRow | undefined,
    deliveries: (filter: { status?: DeliveryStatus; limit?: number } = {}) =>
      listDeliveries.all({ status: filter.status ?? null, limit: filter.limit ?? 100 }) as DeliveryRow[],
    markSent: (id: number, at: number) => void markSent.run(at, id),
    markRetry: (id: number, nextAttemptAt: number, error: string) => void markRetry.run(nextAttemptAt, error, id),
    markFailed: (id: number, error: string) => void markFailed.run(error, id),
    /** Deletes finished deliveries queued before `before`; returns how many. */
    prune: (before: number) => prune.run(before).changes,
  };
}
export type NotificationStore = ReturnType<typeof createNotificationStore>;
