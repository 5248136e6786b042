/** After payment: shipped, delivered, accepted or returned, and refunds (DESIGN §6). */
import {
  assertCarrier,
  assertId,
  assertReturnedLines,
  assertReturnLines,
  assertText,
  assertTimestamp,
  assertTrackingNumber,
  assertValidMoney,
  assertWindowMs,
  DomainError,
  isoAfter,
  sameReturnedLines,
  sameReturnLines,
} from '../shared';
import type { AcceptOrder, MarkDelivered, MarkShipped, RecordRefund, RecordReturnReceived, RequestReturn } from './commands';
import type { OrderEvent } from './events';
import { acceptanceTimerIdOf } from './events';
import { anOrder, refundRequested, requireOrder } from './guards';
import { orderingLimits, refundOfReturn } from './rules';
import type { OrderState, OrderStatus } from './state';
import { hasRefunded } from './state';

const afterShipping: ReadonlySet<OrderStatus> = new Set(['shipped', 'delivered', 'completed', 'return_requested', 'returned', 'refunded']);
const afterDelivery: ReadonlySet<OrderStatus> = new Set(['delivered', 'completed', 'return_requested', 'returned', 'refunded']);

/** A paid order's shipment left. Redelivered (same shipment), nothing more; on any other order, a conflict for a human. */
export const markShipped = ({ data }: MarkShipped, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertId(data.shipmentId, 'shipmentId');
  assertCarrier(data.carrier);
  assertTrackingNumber(data.trackingNumber);
  assertTimestamp(data.shippedAt, 'shippedAt');
  const order = requireOrder(state);
  if (afterShipping.has(order.status)) {
    if (order.shipment?.shipmentId === data.shipmentId) return [];
    throw DomainError.conflict(`${anOrder(order.status)} was shipped by another shipment`, 'shipmentId');
  }
  if (order.status !== 'paid') throw DomainError.conflict(`${anOrder(order.status)} cannot be shipped`);
  const { orderId, shipmentId, carrier, trackingNumber, shippedAt } = data;
  return [{ type: 'OrderShipped', data: { orderId, shipmentId, carrier, trackingNumber, shippedAt } }];
};

/** The parcel arrived: the return window opens and the acceptance timer is set. */
export const markDelivered = ({ data }: MarkDelivered, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  const deliveredAt = assertTimestamp(data.deliveredAt, 'deliveredAt');
  assertWindowMs(data.returnWindowMs, 'returnWindowMs', orderingLimits.deliveryWindowMsMax);
  assertWindowMs(data.acceptanceWindowMs, 'acceptanceWindowMs', orderingLimits.deliveryWindowMsMax);
  if (data.acceptanceWindowMs < data.returnWindowMs) {
    throw DomainError.validation('the acceptance window must not end before the return window', 'acceptanceWindowMs');
  }
  const order = requireOrder(state);
  if (afterDelivery.has(order.status)) return [];
  if (order.status !== 'shipped') throw DomainError.conflict(`${anOrder(order.status)} cannot be delivered`);
  const { orderId } = data;
  const returnWindowEndsAt = isoAfter(deliveredAt, data.returnWindowMs);
  const acceptanceDeadline = isoAfter(deliveredAt, data.acceptanceWindowMs);
  return [
    { type: 'OrderDelivered', data: { orderId, deliveredAt: data.deliveredAt, returnWindowEndsAt, acceptanceDeadline } },
    { type: 'OrderTimerScheduled', data: { orderId, timerId: acceptanceTimerIdOf(orderId), dueAt: acceptanceDeadline, purpose: 'acceptance_deadline' } },
  ];
};

/** The customer keeps a delivered order. */
export const acceptDelivery = ({ data }: AcceptOrder, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertTimestamp(data.acceptedAt, 'acceptedAt');
  const order = requireOrder(state);
  if (order.status === 'completed') return [];
  if (order.status !== 'delivered') throw DomainError.conflict(`${anOrder(order.status)} cannot be accepted`);
  return [{ type: 'OrderCompleted', data: { orderId: data.orderId, acceptedBy: 'customer', completedAt: data.acceptedAt } }];
};

/** Some or all lines back, with a reason, up to the end of the return window recorded at delivery. */
export const requestReturn = ({ data }: RequestReturn, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertText(data.reason, 'reason', { min: 1, max: orderingLimits.returnReasonMax });
  const requestedAt = assertTimestamp(data.requestedAt, 'requestedAt');
  const order = requireOrder(state);
  assertReturnLines(data.lines, order.lines);
  if (order.status === 'return_requested' && order.returnRequest && sameReturnLines(order.returnRequest.lines, data.lines)) return [];
  if (order.status !== 'delivered' || order.delivery === null) throw DomainError.conflict(`${anOrder(order.status)} cannot be returned`);
  if (requestedAt > Date.parse(order.delivery.returnWindowEndsAt)) {
    throw DomainError.conflict(`the return window of this delivered order closed at ${order.delivery.returnWindowEndsAt}`);
  }
  const lines = data.lines.map(({ sku, quantity }) => ({ sku, quantity }));
  return [{ type: 'OrderReturnRequested', data: { orderId: data.orderId, lines, reason: data.reason, requestedAt: data.requestedAt } }];
};

/** The return arrived: recorded per line, and the order asks its payment for the value of what came back. */
export const recordReturnReceived = ({ data }: RecordReturnReceived, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertTimestamp(data.receivedAt, 'receivedAt');
  const order = requireOrder(state);
  if ((order.status === 'returned' || order.status === 'refunded') && order.returnedLines !== null) {
    if (sameReturnedLines(order.returnedLines, data.lines)) return [];
    throw DomainError.conflict(`${anOrder(order.status)} was already received back with other quantities`, 'lines');
  }
  if (order.status !== 'return_requested' || order.returnRequest === null) throw DomainError.conflict(`${anOrder(order.status)} has no return to receive`);
  assertReturnedLines(data.lines, order.returnRequest.lines);
  const lines = data.lines.map(({ sku, restocked, damaged }) => ({ sku, restocked, damaged }));
  const refundAmount = refundOfReturn(lines, order.lines, order.total.currency);
  const returned: OrderEvent = { type: 'OrderReturned', data: { orderId: data.orderId, lines, refundAmount, returnedAt: data.receivedAt } };
  if (order.paymentId === null) return [returned];
  return [returned, ...refundRequested(order, order.paymentId, refundAmount, 'items_returned')];
};

/** A refund of this order's payment went through, whoever asked for it; each refund id once. */
export const recordRefund = ({ data }: RecordRefund, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertId(data.paymentId, 'paymentId');
  assertId(data.refundId, 'refundId');
  assertValidMoney(data.amount, 'amount');
  const order = requireOrder(state);
  if (hasRefunded(order, data.refundId)) return [];
  const { orderId, paymentId, refundId, amount } = data;
  return [{ type: 'OrderRefunded', data: { orderId, paymentId, refundId, amount: { ...amount } } }];
};
