import { randomUUID } from 'node:crypto';
import { notificationsDecider, notificationStreamId, orderDecider, orderStreamId, paymentDecider, paymentStreamId, shipmentDecider, shipmentStreamId, userDecider, userStreamId } from '@ecommerce/domain';
import type { Decider, NotificationsState, Order, OrderCommand, PaymentState, ShipmentCommand, ShipmentState, UserCommand, UserEvent } from '@ecommerce/domain';
import { aggregateStream, asStoredEvent } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';

/** Test-only: the command API's side of the lifecycle (pay, admin shipment steps, customer steps), through the deciders as its routes do. */

/** Loads the stream, decides, appends at the revision read: what `handleCommand` does, without its retries. */
export async function decideAndAppend<Command, Event extends { type: string; data: object }, State>(
  eventStore: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
): Promise<Event[]> {
  const { state, revision } = await aggregateStream(eventStore, streamId, decider);
  const events = decider.decide(command, state);
  if (events.length > 0) {
    await eventStore.append(streamId, events.map((event) => ({ id: randomUUID(), ...asStoredEvent(event) })), { expectedRevision: revision < 0 ? 'no_stream' : revision });
  }
  return events;
}

/**
 * A customer account, its SMS preference (if any) in the same append as the registration: the
 * welcome message is planned from the preferences the account has when it is handled, so a
 * second append could land before or after that.
 */
export async function registerUser(eventStore: EventStore, user: { userId?: string; email: string; name?: string; sms?: string }): Promise<string> {
  const userId = user.userId ?? randomUUID();
  const commands: UserCommand[] = [{ type: 'RegisterUser', data: { userId, email: user.email, name: user.name ?? 'Ada', role: 'customer' } }];
  if (user.sms) commands.push({ type: 'SetNotificationPreferences', data: { userId, email: true, sms: true, phoneNumber: user.sms } });
  let state = userDecider.initialState();
  const events: UserEvent[] = [];
  for (const command of commands) {
    const decided = userDecider.decide(command, state);
    state = decided.reduce(userDecider.evolve, state);
    events.push(...decided);
  }
  await eventStore.append(userStreamId(userId), events.map((event) => ({ id: randomUUID(), ...asStoredEvent(event) })), { expectedRevision: 'no_stream' });
  return userId;
}

/** `POST /api/orders/:id/pay` with a provider payment-method token: a new payment of the order's total. */
export async function pay(eventStore: EventStore, order: Order, methodReference: string, paymentId: string = randomUUID()): Promise<string> {
  const { orderId, customerId, total: amount } = order;
  const requestedAt = new Date().toISOString();
  await decideAndAppend(eventStore, paymentStreamId(paymentId), paymentDecider, { type: 'RequestPayment', data: { paymentId, orderId, customerId, amount, provider: 'sandbox', methodReference, requestedAt } });
  return paymentId;
}

/** An admin's step on a shipment (dispatch, deliver, returned). */
export const shipmentStep = (eventStore: EventStore, shipmentId: string, command: ShipmentCommand) => decideAndAppend(eventStore, shipmentStreamId(shipmentId), shipmentDecider, command);

/** A customer's step on their order (accept, return, cancel). */
export const orderStep = (eventStore: EventStore, orderId: string, command: OrderCommand) => decideAndAppend(eventStore, orderStreamId(orderId), orderDecider, command);

export const paymentOf = async (eventStore: EventStore, paymentId: string): Promise<PaymentState> => (await aggregateStream(eventStore, paymentStreamId(paymentId), paymentDecider)).state;

export const shipmentOf = async (eventStore: EventStore, shipmentId: string): Promise<ShipmentState> => (await aggregateStream(eventStore, shipmentStreamId(shipmentId), shipmentDecider)).state;

export const notificationsOf = async (eventStore: EventStore, userId: string): Promise<NotificationsState> => (await aggregateStream(eventStore, notificationStreamId(userId), notificationsDecider)).state;

/** Types of the events of a stream, in order. */
export const typesOf = async (eventStore: EventStore, streamId: string): Promise<string[]> => (await eventStore.readStream(streamId)).map((event) => event.type);
