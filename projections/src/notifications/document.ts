import type { DomainEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { RecordedEvent } from '@ecommerce/platform';
import type { NotificationDocument } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { NotificationDocument } from '@ecommerce/schemas';

export type NotificationFields = Omit<NotificationDocument, '_id' | '_revisions'>;

/** Sent and failed deliveries concern email and SMS, which the inbox does not show. */
export const notificationEventTypes = ['NotificationQueued', 'NotificationRead'] as const;

/** A notification id is queued once (its source event and channel) before anything else happens to it. */
export const opensNotification = (event: RecordedEvent): boolean => event.type === 'NotificationQueued';

/** An in-app message after an event of its user's notification stream (pure); other channels are not the inbox's. */
export function evolveNotificationFields(current: NotificationFields | null, event: ProjectedEvent): NotificationFields | null {
  const typed = asDeciderEvent<DomainEvent>(event);
  switch (typed.type) {
    case 'NotificationQueued': {
      const { data } = typed;
      if (current || data.channel !== 'inApp') return current;
      return { userId: data.userId, kind: data.kind, subject: data.subject, text: data.text, createdAt: data.queuedAt, read: false, readAt: null, revision: event.revision };
    }
    case 'NotificationRead':
      // read once: a second read keeps the first time
      return current && (current.read ? current : { ...current, read: true, readAt: typed.data.readAt, revision: event.revision });
    default:
      return current;
  }
}
