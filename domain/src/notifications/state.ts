import type { NotificationChannel, NotificationKind } from '@ecommerce/schemas';
import type { NotificationEvent } from './events';

export type NotificationStatus = 'queued' | 'sent' | 'failed';

export interface UserNotification {
  channel: NotificationChannel;
  kind: NotificationKind;
  status: NotificationStatus;
  read: boolean;
}

/** A user's messages by notification id (own keys only, see `notificationOf`). */
export interface NotificationsState {
  notifications: Readonly<Record<string, UserNotification>>;
}

export const initialNotificationsState = (): NotificationsState => ({ notifications: {} });

export const notificationOf = (state: NotificationsState, notificationId: string): UserNotification | undefined =>
  Object.hasOwn(state.notifications, notificationId) ? state.notifications[notificationId] : undefined;

/** In-app messages not read yet. */
export const unreadCountOf = (state: NotificationsState): number =>
  Object.values(state.notifications).filter((notification) => notification.channel === 'inApp' && !notification.read).length;

const update = (state: NotificationsState, notificationId: string, change: Partial<UserNotification>): NotificationsState => {
  const notification = notificationOf(state, notificationId);
  return notification ? { notifications: { ...state.notifications, [notificationId]: { ...notification, ...change } } } : state;
};

export const evolveNotifications = (state: NotificationsState, event: NotificationEvent): NotificationsState => {
  switch (event.type) {
    case 'NotificationQueued': {
      const { notificationId, channel, kind } = event.data;
      if (notificationOf(state, notificationId)) return state;
      return { notifications: { ...state.notifications, [notificationId]: { channel, kind, status: 'queued', read: false } } };
    }
    case 'NotificationSent':
      return update(state, event.data.notificationId, { status: 'sent' });
    case 'NotificationFailed':
      return update(state, event.data.notificationId, { status: 'failed' });
    case 'NotificationRead':
      return update(state, event.data.notificationId, { read: true });
    default:
      return state;
  }
};
