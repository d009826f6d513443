// Notification settings: flat keys with defaults, meant to be spread into the server's config
// schema (so HELPLINE_SMTP_HOST etc. work like every other setting).
import { Type, type Static } from 'typebox';
import { resolveConfigOrThrow } from '../../../protocol/config-layers.js';

export const NotificationConfigSchema = Type.Object(
  {
    /** SMTP relay; without it e-mail subscriptions are kept but nothing is e-mailed. */
    smtpHost: Type.Optional(Type.String({ minLength: 1 })),
    smtpPort: Type.Integer({ minimum: 1, maximum: 65535, default: 587 }),
    /** Implicit TLS from the first byte (usually port 465); otherwise STARTTLS when offered. */
    smtpSecure: Type.Boolean({ default: false }),
    /** Refuse to send unless the relay upgrades to TLS with STARTTLS. */
    smtpRequireTls: Type.Boolean({ default: false }),
    smtpUser: Type.Optional(Type.String({ minLength: 1 })),
    smtpPassword: Type.Optional(Type.String({ minLength: 1 })),
    /** The From header, e.g. "Helpline <helpline@example.com>". */
    smtpFrom: Type.String({ minLength: 3, default: 'Helpline <helpline@localhost>' }),
    /** How often the delivery worker looks for due deliveries (new events wake it at once). */
    notifyPollMs: Type.Integer({ minimum: 50, default: 5_000 }),
    /** Deliveries sent at the same time. */
    notifyConcurrency: Type.Integer({ minimum: 1, maximum: 64, default: 4 }),
    /** Attempts before a delivery is given up as failed. */
    notifyMaxAttempts: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
    /** Retry delay doubles from this base up to the cap; half of it is random (jitter). */
    notifyBackoffBaseMs: Type.Integer({ minimum: 10, default: 30_000 }),
    notifyBackoffCapMs: Type.Integer({ minimum: 10, default: 3_600_000 }),
    /** Longest one SMTP conversation step or webhook request may take. */
    notifySendTimeoutMs: Type.Integer({ minimum: 100, default: 15_000 }),
    /** Sent and failed deliveries are kept this long for inspection, then deleted. */
    notifyRetentionMs: Type.Integer({ minimum: 3_600_000, default: 30 * 24 * 3_600_000 }),
  },
  { additionalProperties: false },
);
export type NotificationConfig = Static<typeof NotificationConfigSchema>;

/** Defaults plus the given values (tests, and until the server config carries these keys). */
export function notificationConfig(values: Partial<NotificationConfig> = {}): NotificationConfig {
  return resolveConfigOrThrow<NotificationConfig>(NotificationConfigSchema, 'notification', { flags: values });
}
