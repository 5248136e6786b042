import type { Logger } from '../observability';
import { assertSendable, isEmailAddress } from './port';
import type { NotificationSender, OutgoingNotification, SendResult } from './port';

/** `ada@example.com` → `a**@example.com`: enough to tell addresses apart in a log, not to write to them. */
export function maskEmailAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(address.length);
  return `${address[0] ?? ''}${'*'.repeat(Math.max(2, at - 1))}${address.slice(at)}`;
}

/**
 * The embedded default's email channel, for a machine without an SMTP server: each message becomes
 * one structured log line (the customer also has it in the in-app inbox). The address is masked
 * and the body and template data are never logged.
 */
export function createLogEmailSender(logger: Logger): NotificationSender {
  const log = logger.child({ component: 'email' });
  return {
    channel: 'email',
    async send(message: OutgoingNotification): Promise<SendResult> {
      assertSendable(message, 'email', isEmailAddress);
      log.info({ notificationId: message.id, kind: message.kind, to: maskEmailAddress(message.recipient), subject: message.subject }, 'email written to the log (no SMTP_URL)');
      return { providerMessageId: `log-${message.id}` };
    },
  };
}
