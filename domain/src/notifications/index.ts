import type { Decider } from '../shared';
import type { NotificationCommand } from './commands';
import { decideNotifications } from './decide';
import type { NotificationEvent } from './events';
import type { NotificationsState } from './state';
import { evolveNotifications, initialNotificationsState } from './state';

export type { MarkNotificationRead, NotificationCommand, QueueNotifications, RecordNotificationFailed, RecordNotificationSent } from './commands';
export type { NotificationEvent, NotificationEventType } from './events';
export { notificationChannels, notificationIdOf, notificationStreamId } from './events';
export type { NotifiableEvent, NotifiableEventType, NotificationRecipient, PlannedNotification } from './plan';
export { isNotifiableEventType, notifiableEventTypes, notificationKinds, planNotifications } from './plan';
export type { MessageTemplate } from './templates';
export { formatMoney, renderTemplate } from './templates';
export type { NotificationsState, NotificationStatus, UserNotification } from './state';
export { notificationOf, notificationsStateFromJson, notificationsStateToJson, unreadCountOf } from './state';
export { notificationLimits } from './decide';

/**
 * A user's messages per stream `notification-<userId>`: the notification actor plans messages
 * with `planNotifications`, queues them here (each event × channel once), and records what its
 * senders report; the user marks in-app messages read.
 */
export const notificationsDecider: Decider<NotificationCommand, NotificationEvent, NotificationsState> = {
  initialState: initialNotificationsState,
  evolve: evolveNotifications,
  decide: decideNotifications,
};
