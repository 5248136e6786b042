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
>;

export type OrderEventType = OrderEvent['type'];

export const orderStreamId = (orderId: string): string => `order-${orderId}`;

/** One payment-deadline timer per order, so its id follows from the order id: no id to invent, none to store elsewhere. */
export const paymentTimerIdOf = (orderId: string): string => `${orderId}/payment_deadline`;
