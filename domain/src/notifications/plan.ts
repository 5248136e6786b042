import type { NotificationChannel, NotificationKind } from '@ecommerce/schemas';
import type { DomainEvent } from '../shared';
import { notificationIdOf } from './events';
import { renderTemplate } from './templates';

/** The events a customer is told about, and the kind of message each makes. */
export const notificationKinds = {
  UserRegistered: 'user_registered',
  UserPasswordChanged: 'password_changed',
  OrderConfirmed: 'order_confirmed',
  OrderRejected: 'order_rejected',
  OrderExpired: 'order_expired',
  OrderPaid: 'order_paid',
  OrderShipped: 'order_shipped',
  OrderDelivered: 'order_delivered',
  OrderReturned: 'return_received',
  OrderRefunded: 'order_refunded',
} as const satisfies Record<string, NotificationKind>;

export type NotifiableEventType = keyof typeof notificationKinds;
export type NotifiableEvent = DomainEvent<NotifiableEventType>;

export const notifiableEventTypes = Object.keys(notificationKinds) as NotifiableEventType[];

export const isNotifiableEventType = (type: string): type is NotifiableEventType => Object.hasOwn(notificationKinds, type);

/** Security notices go by email even to users who turned email off: they must hear of them. */
const alwaysByEmail: ReadonlySet<NotificationKind> = new Set(['password_changed']);

/** Who is told, as the handler loaded them from the user stream. */
export interface NotificationRecipient {
  userId: string;
  name: string;
  email: string | null;
  preferences: { email: boolean; sms: boolean; phoneNumber: string | null };
}

/** One message to queue on one channel. */
export interface PlannedNotification {
  notificationId: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  sourceEventId: string;
  /** The email address or phone number; null for the in-app inbox. */
  recipient: string | null;
  subject: string;
  text: string;
}

/**
 * The messages an event makes for its recipient: the in-app inbox always, email and SMS as the
 * user's preferences say (and only with an address or number to send to). Pure: the same event
 * id gives the same notification ids, one per channel.
 */
export const planNotifications = (input: { eventId: string; event: NotifiableEvent; recipient: NotificationRecipient }): PlannedNotification[] => {
  const { eventId, event, recipient } = input;
  const kind = notificationKinds[event.type];
  const { subject, text } = renderTemplate(kind, event, recipient.name);
  const destinations: Array<[NotificationChannel, string | null]> = [['inApp', null]];
  if (recipient.email !== null && (recipient.preferences.email || alwaysByEmail.has(kind))) destinations.push(['email', recipient.email]);
  if (recipient.preferences.sms && recipient.preferences.phoneNumber !== null) destinations.push(['sms', recipient.preferences.phoneNumber]);
  return destinations.map(([channel, to]) => ({
    notificationId: notificationIdOf(eventId, channel),
    channel,
    kind,
    sourceEventId: eventId,
    recipient: to,
    subject,
    text,
  }));
};
