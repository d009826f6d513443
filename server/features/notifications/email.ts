// E-mail through an SMTP relay (nodemailer). Plain text only: nothing a user typed becomes HTML.
import nodemailer from 'nodemailer';
import type { TicketEvent } from '../../../protocol/api/notifications.js';
import type { NotificationConfig } from './config.js';
import { emailBody, emailSubject } from './message.js';

export interface EmailSender {
  send(to: string, event: TicketEvent, publicUrl: string): Promise<void>;
  /** A "send test" message: plain text, with no ticket. */
  sendTest(to: string, message: { subject: string; text: string }): Promise<void>;
  close(): void;
}

/** null when no SMTP relay is configured: e-mail is then off. */
export function createEmailSender(config: NotificationConfig): EmailSender | null {
  if (!config.smtpHost) return null;
  const transport = nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    requireTLS: config.smtpRequireTls,
    ...(config.smtpUser ? { auth: { user: config.smtpUser, pass: config.smtpPassword ?? '' } } : {}),
    connectionTimeout: config.notifySendTimeoutMs,
    greetingTimeout: config.notifySendTimeoutMs,
    socketTimeout: config.notifySendTimeoutMs,
    // The message is built from our own strings; never let it pull in files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(to, event, publicUrl) {
      await transport.sendMail({
        from: config.smtpFrom,
        to,
        subject: emailSubject(event),
        text: emailBody(event, publicUrl),
        headers: {
          // RFC 3834: tells mail servers and out-of-office robots not to answer.
          'Auto-Submitted': 'auto-generated',
          'X-Helpline-Ticket': String(event.ticket.id),
          'X-Helpline-Event': event.kind,
        },
      });
    },
    async sendTest(to, message) {
      await transport.sendMail({
        from: config.smtpFrom,
        to,
        subject: message.subject,
        text: message.text + '\n',
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Helpline-Event': 'test' },
      });
    },
    close: () => transport.close(),
  };
}
