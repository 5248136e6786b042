import type { PostalAddress } from '@ecommerce/schemas';
import {
  assertId,
  assertPostalAddress,
  assertSku,
  assertText,
  assertTimestamp,
  assertValidMoney,
  assertWindowMs,
  copyPostalAddress,
  DomainError,
  isoAfter,
  sameMoney,
  samePostalAddress,
} from '../shared';
import type { CancelOrder, FireTimer, MarkPaid, OrderCommand, PlaceOrder, RecordReservation } from './commands';
import type { OrderEvent } from './events';
import { paymentTimerIdOf } from './events';
import { acceptDelivery, markDelivered, markShipped, recordRefund, recordReturnReceived, requestReturn } from './fulfilment';
import { assertLinesAndTotal, orderingLimits } from './rules';
import type { Order, OrderState } from './state';
import { lineOutcomeOf } from './state';
import { anOrder, refundRequested, requireOrder } from './guards';

const sameAddress = (a: PostalAddress | null, b: PostalAddress | null): boolean =>
  a === null || b === null ? a === b : samePostalAddress(a, b);

const sameLines = (a: Order['lines'], b: PlaceOrder['data']['lines']): boolean =>
  a.length === b.length &&
  a.every((line, index) => {
    const other = b[index];
    return other !== undefined && line.productId === other.productId && line.sku === other.sku && line.name === other.name && line.quantity === other.quantity && sameMoney(line.unitPrice, other.unitPrice);
  });

export const placeOrder = ({ data }: PlaceOrder, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertId(data.customerId, 'customerId');
  const total = assertLinesAndTotal(data.lines);
  assertTimestamp(data.placedAt, 'placedAt');
  const shippingAddress = data.shippingAddress ?? null;
  if (shippingAddress !== null) assertPostalAddress(shippingAddress, 'shippingAddress');
  if (state.status !== 'absent') {
    // The same order again is a retried request: already done.
    if (state.customerId === data.customerId && sameLines(state.lines, data.lines) && sameAddress(state.shippingAddress, shippingAddress)) return [];
    throw DomainError.conflict('order already exists', 'orderId');
  }
  const lines = data.lines.map(({ productId, sku, name, quantity, unitPrice }) => ({
    productId,
    sku,
    name,
    quantity,
    unitPrice: { amount: unitPrice.amount, currency: unitPrice.currency },
  }));
  return [
    {
      type: 'OrderPlaced',
      data: {
        orderId: data.orderId,
        customerId: data.customerId,
        lines,
        total,
        placedAt: data.placedAt,
        shippingAddress: shippingAddress === null ? null : copyPostalAddress(shippingAddress),
      },
    },
  ];
};

const assertReservationReply = (data: RecordReservation['data']): number => {
  assertId(data.orderId, 'orderId');
  assertSku(data.sku);
  if (data.outcome !== 'reserved' && data.outcome !== 'rejected') throw DomainError.validation('outcome must be reserved or rejected', 'outcome');
  if (data.available !== undefined && (!Number.isSafeInteger(data.available) || data.available < 0)) {
    throw DomainError.validation('available must be a non-negative whole number', 'available');
  }
  assertWindowMs(data.paymentWindowMs, 'paymentWindowMs', orderingLimits.paymentWindowMsMax);
  return assertTimestamp(data.now, 'now');
};

/**
 * Inventory's answers arrive one by one, in any order. The first refusal rejects the order;
 * the last reservation confirms it and schedules the payment deadline. A line is answered
 * once: a repeated reply records nothing. A reply that arrives after the order left `placed`
 * (a line answered after another was refused, or after a cancellation) is recorded for the
 * timeline but moves nothing: the release the router sent covers it (see linesToRelease).
 */
export const recordReservation = ({ data }: RecordReservation, state: OrderState): OrderEvent[] => {
  const now = assertReservationReply(data);
  const order = requireOrder(state);
  if (!order.lines.some((line) => line.sku === data.sku)) throw DomainError.validation('the order has no line with this SKU', 'sku');
  if (lineOutcomeOf(order, data.sku) !== undefined) return [];
  const { orderId, sku } = data;
  if (data.outcome === 'rejected') {
    const recorded: OrderEvent = { type: 'OrderLineRejected', data: { orderId, sku, available: data.available ?? 0 } };
    if (order.status !== 'placed') return [recorded];
    return [recorded, { type: 'OrderRejected', data: { orderId, reason: 'insufficient_stock', shortSkus: [sku] } }];
  }
  const recorded: OrderEvent = { type: 'OrderLineReserved', data: { orderId, sku } };
  const allReserved = order.lines.every((line) => line.sku === sku || lineOutcomeOf(order, line.sku) === 'reserved');
  if (order.status !== 'placed' || !allReserved) return [recorded];
  const paymentDeadline = isoAfter(now, data.paymentWindowMs);
  return [
    recorded,
    { type: 'OrderConfirmed', data: { orderId, paymentDeadline } },
    { type: 'OrderTimerScheduled', data: { orderId, timerId: paymentTimerIdOf(orderId), dueAt: paymentDeadline, purpose: 'payment_deadline' } },
  ];
};

/**
 * A captured payment is a fact: money was taken. It pays a confirmed order for its exact total.
 * Anything else cannot be refused (the money is gone), so the order asks for it back: a payment
 * after the order expired, was rejected or cancelled (late_payment), a second payment of a paid
 * order (duplicate_payment), or another amount (amount_mismatch), each such payment once.
 * A customer's attempt to pay what cannot be paid is refused earlier, by `assertOrderPayable`.
 */
export const markPaid = ({ data }: MarkPaid, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertId(data.paymentId, 'paymentId');
  assertValidMoney(data.amount, 'amount');
  const order = requireOrder(state);
  if (order.paymentId === data.paymentId) return [];
  // A payment that did not pay the order is given back once, whatever the order did since.
  if (Object.values(order.refundRequests).some((refund) => refund.paymentId === data.paymentId)) return [];
  if (order.paymentId !== null) return refundRequested(order, data.paymentId, data.amount, 'duplicate_payment');
  if (order.status !== 'confirmed') return refundRequested(order, data.paymentId, data.amount, 'late_payment');
  if (!sameMoney(order.total, data.amount)) return refundRequested(order, data.paymentId, data.amount, 'amount_mismatch');
  return [{ type: 'OrderPaid', data: { orderId: data.orderId, paymentId: data.paymentId, amount: { ...data.amount } } }];
};

/**
 * Timers are delivered at least once and may outlive their purpose: only the order's own
 * payment timer, on a still unpaid confirmed order past its deadline, expires it; only its
 * acceptance timer, on a delivered order neither accepted nor returned past its deadline,
 * completes it. Anything else is stale and records nothing (an error would send a harmless
 * message to the DLQ).
 */
export const fireTimer = ({ data }: FireTimer, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertId(data.timerId, 'timerId');
  const now = assertTimestamp(data.now, 'now');
  if (state.status === 'absent') return [];
  if (state.status === 'confirmed' && state.paymentTimerId === data.timerId && state.paymentDeadline !== null) {
    return now < Date.parse(state.paymentDeadline) ? [] : [{ type: 'OrderExpired', data: { orderId: data.orderId } }];
  }
  if (state.status === 'delivered' && state.acceptanceTimerId === data.timerId && state.delivery !== null) {
    if (now < Date.parse(state.delivery.acceptanceDeadline)) return [];
    return [{ type: 'OrderCompleted', data: { orderId: data.orderId, acceptedBy: 'deadline', completedAt: data.now } }];
  }
  return [];
};

/** Before shipping only. A paid order asks for its payment back; the router releases the stock and cancels the shipment. */
export const cancelOrder = ({ data }: CancelOrder, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  if (data.reason !== null) assertText(data.reason, 'reason', { min: 1, max: orderingLimits.cancelReasonMax });
  const order = requireOrder(state);
  if (order.status !== 'placed' && order.status !== 'confirmed' && order.status !== 'paid') {
    throw DomainError.conflict(`${anOrder(order.status)} cannot be cancelled`);
  }
  const cancelled: OrderEvent = { type: 'OrderCancelled', data: { orderId: data.orderId, reason: data.reason } };
  if (order.status !== 'paid' || order.paymentId === null) return [cancelled];
  return [cancelled, ...refundRequested(order, order.paymentId, order.total, 'order_cancelled')];
};

export const decideOrder = (command: OrderCommand, state: OrderState): OrderEvent[] => {
  switch (command.type) {
    case 'PlaceOrder':
      return placeOrder(command, state);
    case 'RecordReservation':
      return recordReservation(command, state);
    case 'MarkPaid':
      return markPaid(command, state);
    case 'FireTimer':
      return fireTimer(command, state);
    case 'CancelOrder':
      return cancelOrder(command, state);
    case 'MarkShipped':
      return markShipped(command, state);
    case 'MarkDelivered':
      return markDelivered(command, state);
    case 'AcceptOrder':
      return acceptDelivery(command, state);
    case 'RequestReturn':
      return requestReturn(command, state);
    case 'RecordReturnReceived':
      return recordReturnReceived(command, state);
    case 'RecordRefund':
      return recordRefund(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
