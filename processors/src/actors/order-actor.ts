import { UndecodableMessageError } from '@ecommerce/platform';
import { orderDecider, orderStreamId } from '@ecommerce/domain';
import type { OrderCommand, OrderState } from '@ecommerce/domain';
import type { ActorDefinition, ActorEvent } from '../runtime/actor';
import { decodeInboxMessage } from '../runtime/inbox';
import { toActorDecider } from './actor-decider';
import { integerField, listField, moneyField, stringField } from './message-fields';
import type { OrderMessage } from './messages';
import { orderActorType } from './messages';

export type OrderActor = ActorDefinition<OrderMessage, OrderCommand, ActorEvent, OrderState, typeof orderActorType>;

export interface OrderActorOptions {
  /** From confirmation to expiry of an unpaid order. */
  paymentWindowMs: number;
  /** From delivery to the end of the return window. */
  returnWindowMs: number;
  /** From delivery until the order accepts itself (the acceptance timer); never shorter than the return window. */
  acceptanceWindowMs: number;
}

function decodeOrderMessage(body: Record<string, unknown>): OrderMessage {
  switch (body.type) {
    case 'StockReserved':
      return { type: 'StockReserved', orderId: stringField(body, 'orderId'), sku: stringField(body, 'sku') };
    case 'StockReservationRejected':
      return { type: 'StockReservationRejected', orderId: stringField(body, 'orderId'), sku: stringField(body, 'sku'), available: integerField(body, 'available') };
    case 'TimerFired':
      return { type: 'TimerFired', key: stringField(body, 'key'), timerId: stringField(body, 'timerId'), dueAt: stringField(body, 'dueAt') };
    case 'PaymentCaptured':
      return { type: 'PaymentCaptured', orderId: stringField(body, 'orderId'), paymentId: stringField(body, 'paymentId'), amount: moneyField(body, 'amount') };
    case 'PaymentRefundSucceeded':
      return {
        type: 'PaymentRefundSucceeded',
        orderId: stringField(body, 'orderId'),
        paymentId: stringField(body, 'paymentId'),
        refundId: stringField(body, 'refundId'),
        amount: moneyField(body, 'amount'),
      };
    case 'ShipmentDispatched':
      return {
        type: 'ShipmentDispatched',
        orderId: stringField(body, 'orderId'),
        shipmentId: stringField(body, 'shipmentId'),
        carrier: stringField(body, 'carrier'),
        trackingNumber: stringField(body, 'trackingNumber'),
        dispatchedAt: stringField(body, 'dispatchedAt'),
      };
    case 'ShipmentDelivered':
      return { type: 'ShipmentDelivered', orderId: stringField(body, 'orderId'), deliveredAt: stringField(body, 'deliveredAt') };
    case 'ShipmentReturned':
      return {
        type: 'ShipmentReturned',
        orderId: stringField(body, 'orderId'),
        lines: listField(body, 'lines', (line) => ({ sku: stringField(line, 'sku'), restocked: integerField(line, 'restocked'), damaged: integerField(line, 'damaged') })),
        receivedAt: stringField(body, 'receivedAt'),
      };
    default:
      throw new UndecodableMessageError(`the order actor has no message ${String(body.type)}`);
  }
}

const orderIdOf = (message: OrderMessage): string => (message.type === 'TimerFired' ? message.key : message.orderId);

/**
 * One order per stream `order-<orderId>` (DESIGN §6): inventory's replies confirm or reject it,
 * its timers expire it (payment deadline) or complete it (acceptance deadline), payments pay it
 * (or are given back), its shipment ships, delivers and brings back what is returned, and refunds
 * are recorded. The windows are settings: the decider gets them as data.
 */
export function createOrderActor(options: OrderActorOptions): OrderActor {
  const { paymentWindowMs, returnWindowMs } = options;
  // The decider refuses an acceptance window shorter than the return window (configuration checks it too).
  const acceptanceWindowMs = Math.max(options.acceptanceWindowMs, returnWindowMs);
  return {
    type: orderActorType,
    keyOf: orderIdOf,
    streamIdOf: orderStreamId,
    // Customers cancel, accept and ask for returns through the command API.
    sharedStream: true,
    decider: toActorDecider(orderDecider),
    decode: (raw) => decodeOrderMessage(decodeInboxMessage(raw)),
    toCommand(message, _state, now): OrderCommand {
      const at = now.toISOString();
      switch (message.type) {
        case 'StockReserved':
          return { type: 'RecordReservation', data: { orderId: message.orderId, sku: message.sku, outcome: 'reserved', now: at, paymentWindowMs } };
        case 'StockReservationRejected':
          return { type: 'RecordReservation', data: { orderId: message.orderId, sku: message.sku, outcome: 'rejected', available: message.available, now: at, paymentWindowMs } };
        case 'TimerFired':
          return { type: 'FireTimer', data: { orderId: message.key, timerId: message.timerId, now: at } };
        case 'PaymentCaptured':
          return { type: 'MarkPaid', data: { orderId: message.orderId, paymentId: message.paymentId, amount: message.amount } };
        case 'PaymentRefundSucceeded': {
          const { orderId, paymentId, refundId, amount } = message;
          return { type: 'RecordRefund', data: { orderId, paymentId, refundId, amount } };
        }
        case 'ShipmentDispatched': {
          const { orderId, shipmentId, carrier, trackingNumber, dispatchedAt } = message;
          return { type: 'MarkShipped', data: { orderId, shipmentId, carrier, trackingNumber, shippedAt: dispatchedAt } };
        }
        case 'ShipmentDelivered':
          return { type: 'MarkDelivered', data: { orderId: message.orderId, deliveredAt: message.deliveredAt, returnWindowMs, acceptanceWindowMs } };
        case 'ShipmentReturned':
          return { type: 'RecordReturnReceived', data: { orderId: message.orderId, lines: message.lines, receivedAt: message.receivedAt } };
      }
    },
  };
}
