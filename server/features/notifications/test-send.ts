// "Send test": one message through a subscription's channel, now and outside the queue, so an
// admin sees at once whether the address or URL works. The answer carries the channel's error in
// words instead of throwing, because a refused test is a result, not a failed request.
import type { TestDeliveryResult } from '../../../protocol/api/notifications.js';
import type { NotificationConfig } from './config.js';
import type { EmailSender } from './email.js';
import { testMessage } from './message.js';
import type { SubscriptionRow } from './store.js';
import { postTestWebhook } from './webhook.js';
import { describeError } from './worker.js';

export async function sendTestMessage(deps: {
  row: SubscriptionRow;
  actor: string;
  email: EmailSender | null;
  config: NotificationConfig;
  publicUrl: string;
}): Promise<TestDeliveryResult> {
  const { row } = deps;
  // A personal e-mail subscription goes to the subscriber's address as it is now, as events do.
  const target = row.target ?? row.userEmail;
  const answer = (error: string | null): TestDeliveryResult => ({
    ok: error === null,
    channel: row.channel,
    target,
    error,
  });
  if (target === null) return answer('the subscriber has no e-mail address; set one or give the subscription a target');
  const message = testMessage(deps.actor, deps.publicUrl);
  try {
    if (row.channel === 'webhook') {
      await postTestWebhook(target, message.text, deps.publicUrl, deps.config.notifySendTimeoutMs);
    } else {
      if (!deps.email) return answer('e-mail is off: no SMTP relay is configured (smtpHost)');
      await deps.email.sendTest(target, message);
    }
    return answer(null);
  } catch (error) {
    return answer(describeError(error));
  }
}
