import type { DomainCommand } from '../shared';
import type { PlannedNotification } from './plan';

/** Queue what `planNotifications` made for one event; ids already on the stream are skipped. */
export type QueueNotifications = DomainCommand<'QueueNotifications', { userId: string; notifications: PlannedNotification[]; queuedAt: string }>;

/** The sender handed an email or SMS over. */
export type RecordNotificationSent = DomainCommand<
  'RecordNotificationSent',
  { userId: string; notificationId: string; providerMessageId?: string | null; sentAt: string }
>;

/** The sender's retries ran out: the message goes no further (and to the dead letters). */
export type RecordNotificationFailed = DomainCommand<
  'RecordNotificationFailed',
  { userId: string; notificationId: string; reason: string; attempts: number; failedAt: string }
>;

/** The user read an in-app message. */
export type MarkNotificationRead = DomainCommand<'MarkNotificationRead', { userId: string; notificationId: string; readAt: string }>;

export type NotificationCommand = QueueNotifications | RecordNotificationSent | RecordNotificationFailed | MarkNotificationRead;
