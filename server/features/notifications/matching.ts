// Which subscriptions an event reaches, and when a failed delivery is tried again. Pure functions.
import type { NotificationChannel, TicketEvent } from '../../../protocol/api/notifications.js';
import type { SubscriptionRow } from './store.js';

export interface PlannedDelivery {
  subscriptionId: number;
  channel: NotificationChannel;
  target: string;
}

const same = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/** Whether a subscription's filters accept the event (not whether it has somewhere to send it). */
export function subscriptionMatches(subscription: SubscriptionRow, event: TicketEvent): boolean {
  if (!subscription.enabled || !subscription.kinds.includes(event.kind)) return false;
  if (subscription.deviceGroup !== null && !same(subscription.deviceGroup, event.ticket.deviceGroup)) return false;
  if (subscription.line !== null && subscription.line !== event.ticket.line) return false;
  if (subscription.userId === null) return true;
  if (subscription.userDisabled) return false;
  // Nobody needs to be told about what they did themselves.
  if (same(subscription.userName, event.actor)) return false;
  return !subscription.assignedOnly || same(subscription.userName, event.ticket.assignee);
}

/**
 * One delivery per distinct (channel, target): a person subscribed twice, or also reached through
 * a team address, gets one message. Personal e-mail subscriptions without a target go to the
 * subscriber's current address, and are skipped while they have none.
 */
export function planDeliveries(
  subscriptions: SubscriptionRow[],
  event: TicketEvent,
  options: { emailEnabled: boolean },
): PlannedDelivery[] {
  const planned = new Map<string, PlannedDelivery>();
  for (const subscription of subscriptions) {
    if (!subscriptionMatches(subscription, event)) continue;
    if (subscription.channel === 'email' && !options.emailEnabled) continue;
    const target = subscription.target ?? (subscription.channel === 'email' ? subscription.userEmail : null);
    if (!target) continue;
    const key = `${subscription.channel} ${target.toLowerCase()}`;
    if (!planned.has(key)) planned.set(key, { subscriptionId: subscription.id, channel: subscription.channel, target });
  }
  return [...planned.values()];
}

/**
 * Delay before the next attempt after `failures` failed ones: doubling from `baseMs`, capped at
 * `capMs`, then half of it random ("equal jitter"), so retries spread out yet never come at once.
 */
export function retryDelay(
  failures: number,
  policy: { baseMs: number; capMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 40);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
