import type { NotificationKind } from '@ecommerce/schemas';
import { assertId, assertText, assertTimestamp, DomainError } from '../shared';
import type { MarkNotificationRead, NotificationCommand, QueueNotifications, RecordNotificationFailed, RecordNotificationSent } from './commands';
import type { NotificationEvent } from './events';
import { notificationChannels } from './events';
import type { PlannedNotification } from './plan';
import { notificationKinds } from './plan';
import type { NotificationsState, UserNotification } from './state';
import { notificationOf } from './state';

export const notificationLimits = { subjectMax: 200, textMax: 4000, recipientMax: 320, reasonMax: 1000, providerIdMax: 300, perEventMax: 3 } as const;

const kinds: ReadonlySet<string> = new Set<NotificationKind>(Object.values(notificationKinds));

const assertPlanned = (notification: PlannedNotification, field: string): void => {
  assertId(notification.notificationId, `${field}.notificationId`);
  assertId(notification.sourceEventId, `${field}.sourceEventId`);
  if (!notificationChannels.includes(notification.channel)) throw DomainError.validation('channel must be inApp, email or sms', `${field}.channel`);
  if (!kinds.has(notification.kind)) throw DomainError.validation('unknown kind of notification', `${field}.kind`);
  if (notification.channel === 'inApp') {
    if (notification.recipient !== null) throw DomainError.validation('an in-app message has no recipient address', `${field}.recipient`);
  } else {
    assertText(notification.recipient ?? '', `${field}.recipient`, { min: 3, max: notificationLimits.recipientMax });
  }
  assertText(notification.subject, `${field}.subject`, { min: 1, max: notificationLimits.subjectMax });
  assertText(notification.text, `${field}.text`, { min: 1, max: notificationLimits.textMax });
};

const requireNotification = (state: NotificationsState, notificationId: string): UserNotification => {
  const notification = notificationOf(state, notificationId);
  if (!notification) throw DomainError.notFound('notification not found', 'notificationId');
  return notification;
};

/**
 * Each (event, channel) at most once: an id already queued records nothing. The in-app inbox
 * needs no sender: its message is delivered by being recorded, so it is sent at once.
 */
export const queueNotifications = ({ data }: QueueNotifications, state: NotificationsState): NotificationEvent[] => {
  assertId(data.userId, 'userId');
  assertTimestamp(data.queuedAt, 'queuedAt');
  if (!Array.isArray(data.notifications)) throw DomainError.validation('notifications must be a list', 'notifications');
  data.notifications.forEach((notification, index) => assertPlanned(notification, `notifications.${index}`));
  const seen = new Set<string>();
  const events: NotificationEvent[] = [];
  for (const notification of data.notifications) {
    const { notificationId, channel, kind, sourceEventId, recipient, subject, text } = notification;
    if (notificationOf(state, notificationId) || seen.has(notificationId)) continue;
    seen.add(notificationId);
    const { userId, queuedAt } = data;
    events.push({ type: 'NotificationQueued', data: { notificationId, userId, channel, kind, sourceEventId, recipient, subject, text, queuedAt } });
    if (channel === 'inApp') events.push({ type: 'NotificationSent', data: { notificationId, userId, channel, providerMessageId: null, sentAt: queuedAt } });
  }
  return events;
};

/** A queued message was sent; a report about one already settled (sent, or given up on) records nothing. */
export const recordNotificationSent = ({ data }: RecordNotificationSent, state: NotificationsState): NotificationEvent[] => {
  assertId(data.userId, 'userId');
  assertId(data.notificationId, 'notificationId');
  if (data.providerMessageId !== undefined && data.providerMessageId !== null) {
    assertText(data.providerMessageId, 'providerMessageId', { min: 1, max: notificationLimits.providerIdMax });
  }
  assertTimestamp(data.sentAt, 'sentAt');
  const notification = requireNotification(state, data.notificationId);
  if (notification.status !== 'queued') return [];
  const { userId, notificationId, sentAt } = data;
  return [{ type: 'NotificationSent', data: { notificationId, userId, channel: notification.channel, providerMessageId: data.providerMessageId ?? null, sentAt } }];
};

export const recordNotificationFailed = ({ data }: RecordNotificationFailed, state: NotificationsState): NotificationEvent[] => {
  assertId(data.userId, 'userId');
  assertId(data.notificationId, 'notificationId');
  assertText(data.reason, 'reason', { min: 1, max: notificationLimits.reasonMax });
  if (!Number.isSafeInteger(data.attempts) || data.attempts < 1 || data.attempts > 1000) {
    throw DomainError.validation('attempts must be a whole number from 1 to 1000', 'attempts');
  }
  assertTimestamp(data.failedAt, 'failedAt');
  const notification = requireNotification(state, data.notificationId);
  if (notification.status !== 'queued') return [];
  const { userId, notificationId, reason, attempts, failedAt } = data;
  return [{ type: 'NotificationFailed', data: { notificationId, userId, channel: notification.channel, reason, attempts, failedAt } }];
};

export const markNotificationRead = ({ data }: MarkNotificationRead, state: NotificationsState): NotificationEvent[] => {
  assertId(data.userId, 'userId');
  assertId(data.notificationId, 'notificationId');
  assertTimestamp(data.readAt, 'readAt');
  const notification = requireNotification(state, data.notificationId);
  if (notification.channel !== 'inApp') throw DomainError.conflict(`an ${notification.channel} message is not in the inbox`, 'notificationId');
  if (notification.read) return [];
  return [{ type: 'NotificationRead', data: { notificationId: data.notificationId, userId: data.userId, readAt: data.readAt } }];
};

export const decideNotifications = (command: NotificationCommand, state: NotificationsState): NotificationEvent[] => {
  switch (command.type) {
    case 'QueueNotifications':
      return queueNotifications(command, state);
    case 'RecordNotificationSent':
      return recordNotificationSent(command, state);
    case 'RecordNotificationFailed':
      return recordNotificationFailed(command, state);
    case 'MarkNotificationRead':
      return markNotificationRead(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
