import type { EventContext, EventTopic } from '@ecommerce/schemas';

/**
 * Every topic a message travels on (DESIGN §5), with who writes and who reads it. An order, for
 * instance: the command API appends `OrderPlaced` to the event store; the mirror produces it to
 * `eventTopics.ordering`; the router reads that and sends `ReserveStock` to `inboxTopics.inventory`;
 * the inventory actor appends `StockReserved`; the mirror produces it to `eventTopics.inventory`;
 * the router sends it to `inboxTopics.order`, and so on. The projections read the event topics too.
 * (The schema registry keeps its own state in the log's `_schemas` topic: storage, not messages.)
 */

/**
 * Event topics, one per bounded context, keyed by stream id; an event type's topic is
 * `eventTopic(type)` (from `@ecommerce/schemas`, which also names the schema subjects after it).
 * Written by the mirror only (DESIGN §4.1); read by the router, the timers and the projections.
 */
export const eventTopics = {
  catalog: 'ecommerce.catalog.events',
  inventory: 'ecommerce.inventory.events',
  ordering: 'ecommerce.ordering.events',
  payments: 'ecommerce.payments.events',
  shipping: 'ecommerce.shipping.events',
  notifications: 'ecommerce.notifications.events',
  cart: 'ecommerce.cart.events',
  identity: 'ecommerce.identity.events',
} as const satisfies { readonly [Context in EventContext]: EventTopic & `ecommerce.${Context}.events` };

/** The actor types, one inbox each (the processors host one actor per type). */
export type ActorType = 'inventory' | 'order' | 'payment' | 'shipment' | 'notification';

/**
 * Inbox topics, one per actor type, keyed by actor key; JSON messages with a `type`. Written by
 * the router (processors/src/routing: each route says which event becomes which message) and the
 * timers; each read by its actor type's host only.
 */
export const inboxTopics: { readonly [Actor in ActorType]: `ecommerce.${Actor}.inbox` } = {
  /** Keyed by SKU: ReserveStock, ReleaseStock, CommitStock, ReturnStock. */
  inventory: 'ecommerce.inventory.inbox',
  /** Keyed by order id: inventory's answers, payment and shipment outcomes, TimerFired. */
  order: 'ecommerce.order.inbox',
  /** Keyed by payment id: ExecutePayment, ExecuteRefund, RequestRefund. */
  payment: 'ecommerce.payment.inbox',
  /** Keyed by shipment id: OpenShipment, CancelShipment, ExpectReturn. */
  shipment: 'ecommerce.shipment.inbox',
  /** Keyed by user id: Notify (an event the user is told of), Deliver (a queued email or SMS). */
  notification: 'ecommerce.notification.inbox',
};

export const inboxTopicOf = <Actor extends ActorType>(actorType: Actor): `ecommerce.${Actor}.inbox` => inboxTopics[actorType];

/** Dead letters: written by the mirror (events it cannot encode), the router, the actor hosts and the projections after their retries; read by `ecommerce dlq`. */
export const deadLetterTopic = 'ecommerce.dlq';

/** The mirror's checkpoint (compacted), written in the same transaction as the events it covers; read by the mirror at start. */
export const mirrorCheckpointTopic = 'ecommerce.mirror.checkpoints';

/** The timer services' checkpoints (compacted), keyed by timer service name; read by the timer service at start. */
export const timerCheckpointTopic = 'ecommerce.timers.checkpoints';

/** Never written: the timer services of a name are one consumer group on it, and the member holding its one partition runs the timers. */
export const timerLeadershipTopic = 'ecommerce.timers.leadership';
