// Webhooks: POST { text, event, url } as JSON. `text` is one line that Slack and Microsoft Teams
// incoming webhooks show as the message; other receivers can read the structured `event`.
import type { TicketEvent } from '../../../protocol/api/notifications.js';
import { HELPLINE_VERSION } from '../../../protocol/version.js';
import { chatText, ticketLink } from './message.js';

export interface WebhookPayload {
  text: string;
  event: TicketEvent;
  url: string;
}

export function webhookPayload(event: TicketEvent, publicUrl: string): WebhookPayload {
  return { text: chatText(event, publicUrl), event, url: ticketLink(publicUrl, event.ticket.id) };
}

/** A "send test" message: the same `text` receivers show, and `test: true` instead of an event. */
export interface TestWebhookPayload {
  text: string;
  test: true;
  url: string;
}

export function postWebhook(url: string, event: TicketEvent, publicUrl: string, timeoutMs: number): Promise<void> {
  return postJson(url, webhookPayload(event, publicUrl), timeoutMs);
}

export function postTestWebhook(url: string, text: string, publicUrl: string, timeoutMs: number): Promise<void> {
  const payload: TestWebhookPayload = { text, test: true, url: publicUrl };
  return postJson(url, payload, timeoutMs);
}

/** Resolves on a 2xx answer; throws on anything else, on a redirect (never followed) and on timeout. */
async function postJson(url: string, payload: WebhookPayload | TestWebhookPayload, timeoutMs: number): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': `Helpline/${HELPLINE_VERSION}` },
    body: JSON.stringify(payload),
    // A redirect could lead the request somewhere the admin never approved.
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  // The answer's body is of no interest; release the connection.
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) return;
  const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
  throw new Error(`receiver answered HTTP ${response.status}${redirect}`);
}
