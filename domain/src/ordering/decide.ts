import { assertId, assertSku, assertText, assertValidMoney, DomainError, sameMoney } from '../shared';
import { parseTimestamp } from '../identity/rules';
import type { CancelOrder, FireTimer, MarkPaid, OrderCommand, PlaceOrder, RecordReservation } from './commands';
import type { OrderEvent } from './events';
import { paymentTimerIdOf } from './events';
import { assertLinesAndTotal, orderingLimits } from './rules';
import type { Order, OrderState } from './state';
import { lineOutcomeOf } from './state';

const requireOrder = (state: OrderState): Order => {
  if (state.status === 'absent') throw DomainError.notFound('order not found', 'orderId');
  return state;
};

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
  parseTimestamp(data.placedAt, 'placedAt');
  if (state.status !== 'absent') {
    // The same order again is a retried request: already done.
    if (state.customerId === data.customerId && sameLines(state.lines, data.lines)) return [];
    throw DomainError.conflict('order already exists', 'orderId');
  }
  const lines = data.lines.map(({ productId, sku, name, quantity, unitPrice }) => ({
    productId,
    sku,
    name,
    quantity,
    unitPrice: { amount: unitPrice.amount, currency: unitPrice.currency },
  }));
  return [{ type: 'OrderPlaced', data: { orderId: data.orderId, customerId: data.customerId, lines, total, placedAt: data.placedAt } }];
};

const assertReservationReply = (data: RecordReservation['data']): number => {
  assertId(data.orderId, 'orderId');
  assertSku(data.sku);
  if (data.outcome !== 'reserved' && data.outcome !== 'rejected') throw DomainError.validation('outcome must be reserved or rejected', 'outcome');
  if (data.available !== undefined && (!Number.isSafeInteger(data.available) || data.available < 0)) {
    throw DomainError.validation('available must be a non-negative whole number', 'available');
  }
  if (!Number.isSafeInteger(data.paymentWindowMs) || data.paymentWindowMs <= 0 || data.paymentWindowMs > orderingLimits.paymentWindowMsMax) {
    throw DomainError.validation('paymentWindowMs must be a positive whole number of milliseconds, at most 30 days', 'paymentWindowMs');
  }
  return parseTimestamp(data.now, 'now');
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
  const paymentDeadline = new Date(now + data.paymentWindowMs).toISOString();
  return [
    recorded,
    { type: 'OrderConfirmed', data: { orderId, paymentDeadline } },
    { type: 'OrderTimerScheduled', data: { orderId, timerId: paymentTimerIdOf(orderId), dueAt: paymentDeadline, purpose: 'payment_deadline' } },
  ];
};

export const markPaid = ({ data }: MarkPaid, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertId(data.paymentId, 'paymentId');
  assertValidMoney(data.amount, 'amount');
  const order = requireOrder(state);
  if (order.status === 'paid') {
    if (order.paymentId === data.paymentId) return [];
    throw DomainError.conflict('order is already paid by another payment', 'paymentId');
  }
  if (order.status !== 'confirmed') throw DomainError.conflict(`a ${order.status} order cannot be paid`);
  if (!sameMoney(order.total, data.amount)) throw DomainError.conflict('amount must equal the order total', 'amount');
  return [{ type: 'OrderPaid', data: { orderId: data.orderId, paymentId: data.paymentId, amount: { ...data.amount } } }];
};

/**
 * Timers are delivered at least once and may outlive their purpose: only the order's own
 * payment timer, on a still unpaid confirmed order past its deadline, expires it. Anything
 * else is stale and records nothing (an error would send a harmless message to the DLQ).
 */
export const fireTimer = ({ data }: FireTimer, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  assertId(data.timerId, 'timerId');
  const now = parseTimestamp(data.now, 'now');
  if (state.status !== 'confirmed' || state.paymentTimerId !== data.timerId || state.paymentDeadline === null) return [];
  if (now < Date.parse(state.paymentDeadline)) return [];
  return [{ type: 'OrderExpired', data: { orderId: data.orderId } }];
};

export const cancelOrder = ({ data }: CancelOrder, state: OrderState): OrderEvent[] => {
  assertId(data.orderId, 'orderId');
  if (data.reason !== null) assertText(data.reason, 'reason', { min: 1, max: orderingLimits.cancelReasonMax });
  const order = requireOrder(state);
  if (order.status !== 'placed' && order.status !== 'confirmed' && order.status !== 'paid') {
    throw DomainError.conflict(`a ${order.status} order cannot be cancelled`);
  }
  return [{ type: 'OrderCancelled', data: { orderId: data.orderId, reason: data.reason } }];
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
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
