import { isNotifiableEventType, orderDecider } from '@ecommerce/domain';
import type { DomainEvent } from '@ecommerce/domain';
import { aggregateStream, asDeciderEvent, createLruCache } from '@ecommerce/platform';
import type { EventStore, RecordedEvent } from '@ecommerce/platform';
import { notificationInboxTopic } from '../actors/lifecycle-messages';
import type { NotificationMessage } from '../actors/lifecycle-messages';
import type { RoutedMessage } from '../runtime/router';

const toNotifications = (message: NotificationMessage): RoutedMessage => ({ topic: notificationInboxTopic, key: message.userId, value: { ...message } });

/** Orders whose customer the route remembers: an order's later events come soon after its first. */
const rememberedOrders = 10_000;

/**
 * The router's mapping to the notification actor (issue #9): every event a user is told of goes
 * to that user's inbox key, and every queued email or SMS comes back as a `Deliver` with what to
 * send. Order events carry no customer id: the order stream's first event (OrderPlaced) has it.
 * That event never changes, so the customer is remembered for the most recent orders, and an
 * order's later events (confirmed, paid, shipped, ...) need no read of its stream.
 */
export function createNotificationRoute(options: { eventStore: EventStore; rememberedOrders?: number }): (event: RecordedEvent) => Promise<RoutedMessage[]> {
  const { eventStore } = options;
  const customers = createLruCache<string>(options.rememberedOrders ?? rememberedOrders);

  async function userOf(event: RecordedEvent): Promise<string | null> {
    if (event.type === 'UserRegistered' || event.type === 'UserPasswordChanged') return String(event.data.userId);
    const remembered = customers.get(event.streamId);
    if (remembered !== undefined) return remembered;
    const { state } = await aggregateStream(eventStore, event.streamId, orderDecider, { upToRevision: 0 });
    if (state.status === 'absent') return null;
    customers.set(event.streamId, state.customerId);
    return state.customerId;
  }

  return async (event) => {
    const typed = asDeciderEvent<DomainEvent>(event);
    if (typed.type === 'NotificationQueued') {
      const { userId, notificationId, channel, kind, recipient, subject, text } = typed.data;
      // The in-app inbox was delivered by being recorded.
      if (channel === 'inApp' || recipient === null) return [];
      return [toNotifications({ type: 'Deliver', userId, notificationId, channel, kind, recipient, subject, text })];
    }
    // The order's first event names its customer: its later ones need no read of the stream.
    if (typed.type === 'OrderPlaced') customers.set(event.streamId, typed.data.customerId);
    if (!isNotifiableEventType(event.type)) return [];
    const userId = await userOf(event);
    if (userId === null) return [];
    return [toNotifications({ type: 'Notify', userId, eventId: event.id, event: { type: event.type, data: event.data } })];
  };
}
