import { isNotifiableEventType, orderDecider } from '@ecommerce/domain';
import type { DomainEvent } from '@ecommerce/domain';
import { aggregateStream, asDeciderEvent } from '@ecommerce/platform';
import type { EventStore, RecordedEvent } from '@ecommerce/platform';
import { notificationInboxTopic } from '../actors/lifecycle-messages';
import type { NotificationMessage } from '../actors/lifecycle-messages';
import type { RoutedMessage } from '../runtime/router';

const toNotifications = (message: NotificationMessage): RoutedMessage => ({ topic: notificationInboxTopic, key: message.userId, value: { ...message } });

/**
 * The router's mapping to the notification actor (issue #9): every event a user is told of goes
 * to that user's inbox key, and every queued email or SMS comes back as a `Deliver` with what to
 * send. Order events carry no customer id: the order stream's first event (OrderPlaced) has it.
 */
export function createNotificationRoute(options: { eventStore: EventStore }): (event: RecordedEvent) => Promise<RoutedMessage[]> {
  const { eventStore } = options;

  async function userOf(event: RecordedEvent): Promise<string | null> {
    if (event.type === 'UserRegistered' || event.type === 'UserPasswordChanged') return String(event.data.userId);
    const { state } = await aggregateStream(eventStore, event.streamId, orderDecider, { upToRevision: 0 });
    return state.status === 'absent' ? null : state.customerId;
  }

  return async (event) => {
    const typed = asDeciderEvent<DomainEvent>(event);
    if (typed.type === 'NotificationQueued') {
      const { userId, notificationId, channel, kind, recipient, subject, text } = typed.data;
      // The in-app inbox was delivered by being recorded.
      if (channel === 'inApp' || recipient === null) return [];
      return [toNotifications({ type: 'Deliver', userId, notificationId, channel, kind, recipient, subject, text })];
    }
    if (!isNotifiableEventType(event.type)) return [];
    const userId = await userOf(event);
    if (userId === null) return [];
    return [toNotifications({ type: 'Notify', userId, eventId: event.id, event: { type: event.type, data: event.data } })];
  };
}
