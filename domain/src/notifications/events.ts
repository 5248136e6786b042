import type { NotificationChannel } from '@ecommerce/schemas';
import type { DomainEvent } from '../shared';

/** Events of a user's notification stream, `notification-<userId>` (topic ecommerce.notifications.events). */
export type NotificationEvent = DomainEvent<'NotificationQueued' | 'NotificationSent' | 'NotificationFailed' | 'NotificationRead'>;

export type NotificationEventType = NotificationEvent['type'];

export const notificationStreamId = (userId: string): string => `notification-${userId}`;

export const notificationChannels = ['inApp', 'email', 'sms'] as const satisfies readonly NotificationChannel[];

/**
 * One message per causing event and channel: the id follows from both, so a redelivered event
 * plans the same ids and the stream queues each at most once.
 */
export const notificationIdOf = (sourceEventId: string, channel: NotificationChannel): string => `${sourceEventId}:${channel}`;
