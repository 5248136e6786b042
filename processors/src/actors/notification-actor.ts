import { aggregateStream, asDeciderEvent, isAppError, UndecodableMessageError } from '@ecommerce/platform';
import type { EventStore, NotificationSender, SenderChannel } from '@ecommerce/platform';
import { isNotifiableEventType, notificationKinds, notificationOf, notificationsDecider, notificationsStateFromJson, notificationsStateToJson, notificationStreamId, planNotifications, userDecider, userStreamId } from '@ecommerce/domain';
import type { NotifiableEvent, NotificationCommand, NotificationsState } from '@ecommerce/domain';
import type { NotificationChannel, NotificationKind } from '@ecommerce/schemas';
import type { ActorDefinition, ActorEvent } from '../runtime/actor';
import { decodeInboxMessage } from '../runtime/inbox';
import { errorMessage, isRetriable } from '../runtime/retry';
import { toActorDecider } from './actor-decider';
import type { DeliverMessage, NotificationMessage, NotifyMessage } from './lifecycle-messages';
import { notificationActorType } from './lifecycle-messages';
import { objectField, oneOf, stringField } from './message-fields';

export type NotificationActor = ActorDefinition<NotificationMessage, NotificationCommand, ActorEvent, NotificationsState, typeof notificationActorType>;

/** The senders of the channels that need one; the in-app inbox needs none (a message is delivered by being recorded). */
export type NotificationSenders = Partial<Record<SenderChannel, NotificationSender>>;

export interface NotificationActorOptions {
  /** Read to learn who the user is (name, email, preferences) when an event is about them. */
  eventStore: EventStore;
  senders: NotificationSenders;
  /** The inbox consumer's batch window (`ActorDefinition.batchWindowMs`); default 0. */
  batchWindowMs?: number;
}

const channels: readonly NotificationChannel[] = ['inApp', 'email', 'sms'];
const kinds: readonly NotificationKind[] = Object.values(notificationKinds);

function decodeNotificationMessage(body: Record<string, unknown>): NotificationMessage {
  const userId = stringField(body, 'userId');
  switch (body.type) {
    case 'Notify': {
      const event = objectField(body, 'event');
      const type = stringField(event, 'type');
      if (!isNotifiableEventType(type)) throw new UndecodableMessageError(`Notify: ${type} is not an event users are told of`);
      return { type: 'Notify', userId, eventId: stringField(body, 'eventId'), event: { type, data: objectField(event, 'data') } };
    }
    case 'Deliver':
      return {
        type: 'Deliver',
        userId,
        notificationId: stringField(body, 'notificationId'),
        channel: oneOf(body, 'channel', channels),
        kind: oneOf(body, 'kind', kinds),
        recipient: stringField(body, 'recipient'),
        subject: stringField(body, 'subject'),
        text: stringField(body, 'text'),
      };
    default:
      throw new UndecodableMessageError(`the notification actor has no message ${String(body.type)}`);
  }
}

/** Notification ids are `<eventId>:<channel>`; senders take ids of letters, digits, dots, dashes and underscores (they become Message-IDs). */
export const senderMessageIdOf = (notificationId: string): string => notificationId.replace(/[^A-Za-z0-9._-]/g, '.');

/**
 * A user's messages, stream `notification-<userId>`. `Notify`: the user is read from their stream
 * and `planNotifications` makes one message per channel they want, queued once per (event,
 * channel) by the decider. `Deliver`: a queued email or SMS is handed to its sender inside
 * `toCommand`, unless the stream shows it settled; a permanent refusal is recorded as failed, a
 * retriable failure throws (backoff, then the dead-letter topic) and holds up only this user's key.
 */
export function createNotificationActor(options: NotificationActorOptions): NotificationActor {
  const { eventStore, senders } = options;

  async function notify(message: NotifyMessage, at: string): Promise<NotificationCommand | null> {
    const { state: user } = await aggregateStream(eventStore, userStreamId(message.userId), userDecider);
    // Nobody to tell (an order placed without an account, in tests and imports).
    if (user.status === 'absent') return null;
    const recipient = { userId: user.userId, name: user.name, email: user.email, preferences: user.notificationPreferences };
    const notifications = planNotifications({ eventId: message.eventId, event: asDeciderEvent<NotifiableEvent>(message.event), recipient });
    return { type: 'QueueNotifications', data: { userId: message.userId, notifications, queuedAt: at } };
  }

  async function deliver(message: DeliverMessage, state: NotificationsState, at: string): Promise<NotificationCommand | null> {
    const { userId, notificationId, channel } = message;
    if (notificationOf(state, notificationId)?.status !== 'queued' || channel === 'inApp') return null;
    const sender = senders[channel];
    if (!sender) return { type: 'RecordNotificationFailed', data: { userId, notificationId, reason: `no ${channel} sender is configured`, attempts: 1, failedAt: at } };
    try {
      const sent = await sender.send({
        id: senderMessageIdOf(notificationId),
        channel,
        recipient: message.recipient,
        subject: message.subject,
        text: message.text,
        kind: message.kind,
        data: {},
      });
      return { type: 'RecordNotificationSent', data: { userId, notificationId, providerMessageId: sent.providerMessageId, sentAt: at } };
    } catch (error) {
      // Retriable (a connection refused, a 4xx reply): the host retries, then dead-letters. Anything else never passes.
      if (isRetriable(error) || !isAppError(error)) throw error;
      return { type: 'RecordNotificationFailed', data: { userId, notificationId, reason: errorMessage(error).slice(0, 1000), attempts: 1, failedAt: at } };
    }
  }

  return {
    type: notificationActorType,
    keyOf: (message) => message.userId,
    streamIdOf: notificationStreamId,
    // Users mark messages read through the command API.
    sharedStream: true,
    // Only a delivery calls a sender: a user's notices between two deliveries are queued in one append.
    effectful: (message) => message.type === 'Deliver',
    // Notices are off an order's path: they may wait for the ones after them.
    batchWindowMs: options.batchWindowMs,
    decider: toActorDecider(notificationsDecider),
    snapshot: {
      toData: notificationsStateToJson,
      fromData: (data) => notificationsStateFromJson(data as ReturnType<typeof notificationsStateToJson>),
      // a regular customer's stream holds every message ever sent to them
      sizeOf: (state) => state.notifications.size,
    },
    decode: (raw) => decodeNotificationMessage(decodeInboxMessage(raw)),
    toCommand(message, state, now) {
      const at = now.toISOString();
      return message.type === 'Notify' ? notify(message, at) : deliver(message, state, at);
    },
  };
}
