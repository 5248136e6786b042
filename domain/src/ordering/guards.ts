import type { Money, OrderRefundReason } from '@ecommerce/schemas';
import { assertTimestamp, DomainError } from '../shared';
import type { OrderEvent } from './events';
import { refundIdOf } from './events';
import type { Order, OrderState } from './state';
import { refundRequestOf } from './state';

/** `a paid order`, `an expired order`: error messages name the state as `status` spells it. */
export const anOrder = (status: string): string => `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} order`;

export const requireOrder = (state: OrderState): Order => {
  if (state.status === 'absent') throw DomainError.notFound('order not found', 'orderId');
  return state;
};

/**
 * May the customer start paying this order at `now` (ISO 8601)? A confirmed order before its
 * payment deadline; otherwise a conflict naming the state (`an expired order cannot be paid`).
 * The pay handler asks this before it asks a provider for money; a payment captured anyway is
 * refunded by `MarkPaid`.
 */
export const assertOrderPayable = (state: OrderState, now: string): Order => {
  const nowMillis = assertTimestamp(now, 'now');
  const order = requireOrder(state);
  if (order.status !== 'confirmed') throw DomainError.conflict(`${anOrder(order.status)} cannot be paid`);
  if (order.paymentDeadline !== null && nowMillis >= Date.parse(order.paymentDeadline)) {
    throw DomainError.conflict(`the payment deadline of this order passed at ${order.paymentDeadline}`);
  }
  return order;
};

/** The order asks `paymentId` for `amount` back, once per payment and reason; nothing for a zero amount. */
export const refundRequested = (order: Order, paymentId: string, amount: Money, reason: OrderRefundReason): OrderEvent[] => {
  const refundId = refundIdOf(paymentId, reason);
  if (refundRequestOf(order, refundId) !== undefined || amount.amount === 0) return [];
  return [{ type: 'OrderRefundRequested', data: { orderId: order.orderId, paymentId, refundId, amount: { ...amount }, reason } }];
};
