import type { OrderRefundReason } from '@ecommerce/schemas';
import type { DomainEvent } from '../shared';

/** Events of an order stream, `order-<orderId>`. */
export type OrderEvent = DomainEvent<
  | 'OrderPlaced'
  | 'OrderLineReserved'
  | 'OrderLineRejected'
  | 'OrderConfirmed'
  | 'OrderRejected'
  | 'OrderTimerScheduled'
  | 'OrderPaid'
  | 'OrderExpired'
  | 'OrderCancelled'
  | 'OrderShipped'
  | 'OrderDelivered'
  | 'OrderCompleted'
  | 'OrderReturnRequested'
  | 'OrderReturned'
  | 'OrderRefundRequested'
  | 'OrderRefunded'
>;

export type OrderEventType = OrderEvent['type'];

export const orderStreamId = (orderId: string): string => `order-${orderId}`;

/** One payment-deadline timer per order, so its id follows from the order id: no id to invent, none to store elsewhere. */
export const paymentTimerIdOf = (orderId: string): string => `${orderId}/payment_deadline`;

/** One acceptance timer per order, named like the payment timer. */
export const acceptanceTimerIdOf = (orderId: string): string => `${orderId}/acceptance_deadline`;

/**
 * The refund an order asks of a payment for one reason: one id per payment and reason, so a
 * redelivered cause asks again under the same id and the payment refunds it once.
 */
export const refundIdOf = (paymentId: string, reason: OrderRefundReason): string => `${paymentId}/${reason}`;
