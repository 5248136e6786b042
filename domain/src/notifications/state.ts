import { Map as PersistentMap } from 'immutable';
import type { NotificationChannel, NotificationKind } from '@ecommerce/schemas';
import type { NotificationEvent } from './events';

export type NotificationStatus = 'queued' | 'sent' | 'failed';

export interface UserNotification {
  channel: NotificationChannel;
  kind: NotificationKind;
  status: NotificationStatus;
  read: boolean;
}

/**
 * A user's messages by notification id, in a persistent (structure-sharing) map: a customer's
 * stream holds every message ever sent to them, and copying a plain record per event made each
 * fold O(n²) — 22 % of the CPU of the orders bench, its customers having thousands of messages.
 * A snapshot is plain JSON through `notificationsStateToJson` / `notificationsStateFromJson`.
 */
export interface NotificationsState {
  notifications: PersistentMap<string, UserNotification>;
}

export const initialNotificationsState = (): NotificationsState => ({ notifications: PersistentMap() });

export const notificationOf = (state: NotificationsState, notificationId: string): UserNotification | undefined => state.notifications.get(notificationId);

/** In-app messages not read yet. */
export const unreadCountOf = (state: NotificationsState): number =>
  state.notifications.count((notification) => notification.channel === 'inApp' && !notification.read);

/** The state as plain JSON (for snapshots); fromEntries defines own keys, so any id is safe, `__proto__` included. */
export const notificationsStateToJson = (state: NotificationsState) => ({ notifications: Object.fromEntries(state.notifications.entries()) });

export const notificationsStateFromJson = (json: ReturnType<typeof notificationsStateToJson>): NotificationsState => ({
  notifications: PersistentMap(Object.entries(json.notifications)),
});

const update = (state: NotificationsState, notificationId: string, change: Partial<UserNotification>): NotificationsState => {
  const notification = notificationOf(state, notificationId);
  return notification ? { notifications: state.notifications.set(notificationId, { ...notification, ...change }) } : state;
};

export const evolveNotifications = (state: NotificationsState, event: NotificationEvent): NotificationsState => {
  switch (event.type) {
    case 'NotificationQueued': {
      const { notificationId, channel, kind } = event.data;
      if (notificationOf(state, notificationId)) return state;
      return { notifications: state.notifications.set(notificationId, { channel, kind, status: 'queued', read: false }) };
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
