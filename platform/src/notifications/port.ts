import type { NotificationChannel, NotificationKind } from '@ecommerce/schemas';
import { AppError } from '../errors';

/** The channels a sender delivers on; the in-app inbox is a read model, not a sender. */
export type SenderChannel = Extract<NotificationChannel, 'email' | 'sms'>;

/** Values a template may show; money travels as integer minor units plus a currency. */
export type NotificationData = Readonly<Record<string, string | number | undefined>>;

/** One message on one channel, as the notification actor hands it to a sender. */
export interface OutgoingNotification {
  /**
   * Deterministic (follows from the causing event and the channel): the idempotency key of the
   * send and the email's Message-ID, so a resend after a crash is recognisable as the same message.
   */
  id: string;
  channel: SenderChannel;
  /** An email address, or a phone number in E.164 (`+4915112345678`). */
  recipient: string;
  subject: string;
  text: string;
  /** Rendered from the kind's template when absent. */
  html?: string;
  kind: NotificationKind;
  /** What the kind's template shows (name, orderId, amount, currency, carrier, trackingNumber, …). */
  data: NotificationData;
}

export interface SendResult {
  /** The provider's id of the message (for email the RFC 5322 Message-ID, `<id@ecommerce>`). */
  providerMessageId: string;
}

/**
 * Sends one channel's messages. `send` resolves once the provider has accepted the message and
 * throws a NotificationDeliveryError otherwise: `retriable` for what may pass later (connection
 * refused, timeout, a 4xx SMTP reply), not for what never will (a 5xx rejection, an invalid address).
 */
export interface NotificationSender {
  readonly channel: SenderChannel;
  send(message: OutgoingNotification): Promise<SendResult>;
}

/** A send that failed; `permanent` failures are not retriable and go to the dead letters. */
export class NotificationDeliveryError extends AppError {
  readonly notificationId: string;
  readonly channel: SenderChannel;
  readonly permanent: boolean;

  constructor(
    message: OutgoingNotification,
    reason: string,
    options: { permanent: boolean; responseCode?: number; cause?: unknown },
  ) {
    super(options.permanent ? 'validation' : 'unavailable', `${message.channel} ${message.id}: ${reason}`, {
      retriable: !options.permanent,
      details: {
        notificationId: message.id,
        channel: message.channel,
        kind: message.kind,
        ...(options.responseCode === undefined ? {} : { responseCode: options.responseCode }),
      },
      cause: options.cause,
    });
    this.notificationId = message.id;
    this.channel = message.channel;
    this.permanent = options.permanent;
  }
}

/** Ids become Message-IDs and log fields: letters, digits, dots, dashes, underscores. */
const idPattern = /^[A-Za-z0-9._-]{1,200}$/;

/** Refuses, as a permanent failure, a message no provider could send: wrong channel, bad id or address. */
export function assertSendable(
  message: OutgoingNotification,
  channel: SenderChannel,
  isValidRecipient: (recipient: string) => boolean,
): void {
  const refuse = (reason: string): never => {
    throw new NotificationDeliveryError(message, reason, { permanent: true });
  };
  if (message.channel !== channel) refuse(`a ${channel} sender cannot send on ${String(message.channel)}`);
  if (!idPattern.test(message.id)) refuse('the id must be 1 to 200 letters, digits, dots, dashes or underscores');
  if (!isValidRecipient(message.recipient)) refuse(`invalid ${channel} recipient`);
}

/** A single plain address: no display name, no list, no header injection. */
export const isEmailAddress = (value: string): boolean =>
  value.length <= 254 && /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(value);

/** E.164: a plus, then 8 to 15 digits. */
export const isPhoneNumber = (value: string): boolean => /^\+[1-9]\d{7,14}$/.test(value);
