import { UndecodableMessageError } from '@ecommerce/platform';
import { orderDecider, orderStreamId } from '@ecommerce/domain';
import type { OrderCommand, OrderState } from '@ecommerce/domain';
import type { ActorDefinition, ActorEvent } from '../runtime/actor';
import { decodeInboxMessage } from '../runtime/inbox';
import { toActorDecider } from './actor-decider';
import { integerField, moneyField, stringField } from './message-fields';
import type { OrderMessage } from './messages';
import { orderActorType } from './messages';

export type OrderActor = ActorDefinition<OrderMessage, OrderCommand, ActorEvent, OrderState>;

function decodeOrderMessage(body: Record<string, unknown>): OrderMessage {
  switch (body.type) {
    case 'StockReserved':
      return { type: 'StockReserved', orderId: stringField(body, 'orderId'), sku: stringField(body, 'sku') };
    case 'StockReservationRejected':
      return { type: 'StockReservationRejected', orderId: stringField(body, 'orderId'), sku: stringField(body, 'sku'), available: integerField(body, 'available') };
    case 'TimerFired':
      return { type: 'TimerFired', key: stringField(body, 'key'), timerId: stringField(body, 'timerId'), dueAt: stringField(body, 'dueAt') };
    case 'PaymentSucceeded':
      return { type: 'PaymentSucceeded', orderId: stringField(body, 'orderId'), paymentId: stringField(body, 'paymentId'), amount: moneyField(body, 'amount') };
    default:
      throw new UndecodableMessageError(`the order actor has no message ${String(body.type)}`);
  }
}

const orderIdOf = (message: OrderMessage): string => (message.type === 'TimerFired' ? message.key : message.orderId);

/**
 * One order per stream `order-<orderId>` (DESIGN §6 up to Paid): inventory's replies confirm or
 * reject it, the payment timer expires it, a payment marks it paid. `paymentWindowMs` sets the
 * deadline from the moment the last line is reserved.
 */
export function createOrderActor(options: { paymentWindowMs: number }): OrderActor {
  return {
    type: orderActorType,
    keyOf: orderIdOf,
    streamIdOf: orderStreamId,
    decider: toActorDecider(orderDecider),
    decode: (raw) => decodeOrderMessage(decodeInboxMessage(raw)),
    toCommand(message, _state, now): OrderCommand {
      const at = now.toISOString();
      switch (message.type) {
        case 'StockReserved':
          return { type: 'RecordReservation', data: { orderId: message.orderId, sku: message.sku, outcome: 'reserved', now: at, paymentWindowMs: options.paymentWindowMs } };
        case 'StockReservationRejected':
          return {
            type: 'RecordReservation',
            data: { orderId: message.orderId, sku: message.sku, outcome: 'rejected', available: message.available, now: at, paymentWindowMs: options.paymentWindowMs },
          };
        case 'TimerFired':
          return { type: 'FireTimer', data: { orderId: message.key, timerId: message.timerId, now: at } };
        case 'PaymentSucceeded':
          return { type: 'MarkPaid', data: { orderId: message.orderId, paymentId: message.paymentId, amount: message.amount } };
      }
    },
  };
}
