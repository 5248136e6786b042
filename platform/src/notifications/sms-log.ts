import type { Logger } from '../observability';
import { assertSendable, isPhoneNumber } from './port';
import type { NotificationSender, OutgoingNotification, SendResult } from './port';

/**
 * The development SMS adapter: each message becomes one structured log line instead of a text
 * message. The phone number is masked and the template data (which may hold codes or links) is
 * never logged; a real SMS gateway implements the same port.
 */
export function createLogSmsSender(logger: Logger): NotificationSender {
  const log = logger.child({ component: 'sms' });
  return {
    channel: 'sms',
    async send(message: OutgoingNotification): Promise<SendResult> {
      assertSendable(message, 'sms', isPhoneNumber);
      log.info(
        { notificationId: message.id, kind: message.kind, to: maskPhoneNumber(message.recipient), text: message.text },
        'sms sent (written to the log)',
      );
      return { providerMessageId: `log-${message.id}` };
    },
  };
}

/** `+4915112345678` → `+49*******5678`: enough to tell numbers apart, not to dial them. */
export function maskPhoneNumber(phoneNumber: string): string {
  if (phoneNumber.length <= 7) return '*'.repeat(phoneNumber.length);
  return `${phoneNumber.slice(0, 3)}${'*'.repeat(phoneNumber.length - 7)}${phoneNumber.slice(-4)}`;
}
