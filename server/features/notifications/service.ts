// Notifications: notify() turns a ticket event into queued deliveries (never sending inline, never
// throwing into the ticket code); the worker sends them. Also subscriptions and e-mail addresses.
import { Value } from 'typebox/value';
import {
  TicketEvent,
  type CreateOwnSubscriptionRequest,
  type CreateSubscriptionRequest,
  type DeliveryQuery,
  type DeliveryView,
  type MyEmail,
  type SubscriptionView,
  type TestDeliveryResult,
} from '../../../protocol/api/notifications.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import type { AuthUser } from '../auth/service.js';
import type { NotificationConfig } from './config.js';
import { createEmailSender } from './email.js';
import { planDeliveries } from './matching.js';
import { createNotificationStore, type DeliveryRow, type SubscriptionRow } from './store.js';
import { sendTestMessage } from './test-send.js';
import { createDeliveryWorker, describeError, loggableTarget, type NotificationLog } from './worker.js';
import { iso } from '../../time.js';

const MAX_SUBSCRIPTIONS_PER_USER = 50;

export interface NotificationServiceDeps {
  db: Db;
  config: NotificationConfig;
  log: NotificationLog;
  /** Base URL of the console, for links in messages; read at send time. */
  publicUrl: () => string;
  now?: () => number;
  /** For backoff jitter (tests pass a fixed one). */
  random?: () => number;
  /** Subscription and address changes are recorded here when given. */
  audit?: AuditStore;
}

export function createNotificationService(deps: NotificationServiceDeps) {
  const now = deps.now ?? Date.now;
  const store = createNotificationStore(deps.db);
  const email = createEmailSender(deps.config);
  const worker = createDeliveryWorker({
    store,
    config: deps.config,
    log: deps.log,
    now,
    random: deps.random ?? Math.random,
    email,
    publicUrl: deps.publicUrl,
  });
  if (!email) deps.log.info({}, 'no SMTP relay configured (smtpHost): e-mail notifications are off');

  const view = (row: SubscriptionRow): SubscriptionView => ({
    id: row.id,
    user: row.userName,
    kinds: row.kinds,
    deviceGroup: row.deviceGroup,
    line: row.line,
    assignedOnly: row.assignedOnly,
    channel: row.channel,
    target: row.target,
    enabled: row.enabled,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
  });
  const deliveryView = (row: DeliveryRow): DeliveryView => {
    const event = JSON.parse(row.event) as TicketEvent;
    const { event: _event, nextAttemptAt, createdAt, sentAt, ...rest } = row;
    return {
      ...rest,
      kind: event.kind,
      ticketId: event.ticket.id,
      nextAttemptAt: iso(nextAttemptAt),
      createdAt: iso(createdAt),
      sentAt: sentAt === null ? null : iso(sentAt),
    };
  };
  const record = (actor: AuthUser, action: string, target: string, detail: Record<string, unknown>) =>
    deps.audit?.record({ actor: actor.name, action, target, detail });

  function insert(
    actor: AuthUser,
    userId: number | null,
    request: CreateOwnSubscriptionRequest & Partial<CreateSubscriptionRequest>,
  ): SubscriptionView {
    const channel = request.channel ?? 'email';
    const target = request.target ?? null;
    if (request.deviceGroup !== undefined && !store.deviceGroupExists(request.deviceGroup)) {
      throw new ApiError('validation_failed', `no device group ${request.deviceGroup}`);
    }
    if (request.assignedOnly && userId === null)
      throw new ApiError('validation_failed', 'assignedOnly needs a user: a team has no tickets of its own');
    if (userId !== null && store.subscriptions({ userId }).length >= MAX_SUBSCRIPTIONS_PER_USER) {
      throw new ApiError(
        'conflict',
        `a user may have at most ${MAX_SUBSCRIPTIONS_PER_USER} subscriptions; delete some first`,
      );
    }
    if (channel === 'webhook' && (target === null || !/^https?:\/\//i.test(target) || !URL.canParse(target))) {
      throw new ApiError('validation_failed', 'a webhook needs a target: an http:// or https:// URL');
    }
    if (channel === 'email' && target !== null && target.includes('://'))
      throw new ApiError('validation_failed', 'an e-mail subscription needs an e-mail address as target');
    if (target === null && userId === null)
      throw new ApiError('validation_failed', 'a team subscription (no user) needs a target');
    if (target === null && !store.userById(userId!)?.email) {
      throw new ApiError(
        'invalid_state',
        userId === actor.id
          ? 'set your e-mail address first (PUT /api/me/email)'
          : 'that user has no e-mail address; give a target',
      );
    }
    const id = store.insertSubscription(
      {
        userId,
        kinds: request.kinds,
        deviceGroup: request.deviceGroup ?? null,
        line: request.line ?? null,
        assignedOnly: request.assignedOnly ?? false,
        channel,
        target,
        enabled: request.enabled ?? true,
        createdBy: actor.id,
      },
      now(),
    );
    const created = view(store.subscription(id)!);
    record(actor, 'notification.subscription_created', `subscription ${id}`, {
      user: created.user,
      channel,
      target: target === null ? null : loggableTarget({ channel, target }),
      kinds: request.kinds,
    });
    return created;
  }

  function find(actor: AuthUser, id: number, scope: 'own' | 'any'): SubscriptionRow {
    const row = store.subscription(id);
    // Someone else's subscription is "not found" for a technician: its existence is not theirs to know.
    if (!row || (scope === 'own' && row.userId !== actor.id)) throw new ApiError('not_found', `no subscription ${id}`);
    return row;
  }

  return {
    /** Queues deliveries for every matching subscription. Synchronous, cheap, and never throws. */
    notify(event: TicketEvent): void {
      try {
        if (!Value.Check(TicketEvent, event)) {
          deps.log.error(
            { kind: (event as { kind?: unknown })?.kind },
            'malformed ticket event; no notifications queued',
          );
          return;
        }
        const planned = planDeliveries(store.enabledSubscriptions(), event, { emailEnabled: email !== null });
        if (planned.length === 0) return;
        store.enqueue(planned, JSON.stringify(event), now());
        worker.wake();
      } catch (error) {
        deps.log.error(
          { error: describeError(error) },
          'could not queue notifications; the ticket itself is not affected',
        );
      }
    },
    start: () => worker.start(),
    stop: () => worker.stop(),
    /** Sends every delivery that is due now; resolves when done (tests drive the queue with it). */
    deliverDue: () => worker.deliverDue(),

    listSubscriptions: (actor: AuthUser, scope: 'own' | 'all') =>
      store.subscriptions(scope === 'own' ? { userId: actor.id } : {}).map(view),
    createOwnSubscription: (actor: AuthUser, request: CreateOwnSubscriptionRequest) => insert(actor, actor.id, request),
    createSubscription(actor: AuthUser, request: CreateSubscriptionRequest): SubscriptionView {
      const user = request.user === undefined ? null : store.userByName(request.user);
      if (user === undefined) throw new ApiError('not_found', `no user ${request.user}`);
      return insert(actor, user?.id ?? null, request);
    },
    setSubscriptionEnabled(actor: AuthUser, id: number, enabled: boolean): SubscriptionView {
      find(actor, id, 'any');
      store.setSubscriptionEnabled(id, enabled);
      record(
        actor,
        enabled ? 'notification.subscription_enabled' : 'notification.subscription_disabled',
        `subscription ${id}`,
        {},
      );
      return view(store.subscription(id)!);
    },
    /** Sends a test message through the subscription's channel now; audited with its outcome. */
    async testSubscription(actor: AuthUser, id: number): Promise<TestDeliveryResult> {
      const row = find(actor, id, 'any');
      const result = await sendTestMessage({
        row,
        actor: actor.name,
        email,
        config: deps.config,
        publicUrl: deps.publicUrl(),
      });
      record(actor, 'notification.subscription_tested', `subscription ${id}`, {
        channel: row.channel,
        target: result.target === null ? null : loggableTarget({ channel: row.channel, target: result.target }),
        ok: result.ok,
        error: result.error,
      });
      return result;
    },
    deleteSubscription(actor: AuthUser, id: number, scope: 'own' | 'any'): void {
      find(actor, id, scope);
      store.deleteSubscription(id);
      record(actor, 'notification.subscription_deleted', `subscription ${id}`, {});
    },

    myEmail: (actor: AuthUser): MyEmail => ({ email: store.userById(actor.id)?.email ?? null }),
    setMyEmail(actor: AuthUser, address: string | null): MyEmail {
      store.setUserEmail(actor.id, address);
      record(actor, 'user.email_changed', actor.name, { email: address });
      return { email: address };
    },

    listDeliveries: (query: DeliveryQuery) => store.deliveries(query).map(deliveryView),
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
