import type { Money } from '@ecommerce/schemas';
import type { DomainCommand } from '../shared';

/** A line as the handler builds it: price and name snapshotted from the product stream. */
export interface PlaceOrderLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
}

/** The command carries the lines; the decider computes the total. `placedAt` is ISO 8601 from the handler's clock. */
export type PlaceOrder = DomainCommand<'PlaceOrder', { orderId: string; customerId: string; lines: PlaceOrderLine[]; placedAt: string }>;

/**
 * Inventory's answer for one line (from StockReserved / StockReservationRejected).
 * `now` and `paymentWindowMs` set the payment deadline should this reply complete the order.
 */
export type RecordReservation = DomainCommand<
  'RecordReservation',
  { orderId: string; sku: string; outcome: 'reserved' | 'rejected'; available?: number; now: string; paymentWindowMs: number }
>;

/** From PaymentSucceeded (a later issue); `amount` must be the order's total. */
export type MarkPaid = DomainCommand<'MarkPaid', { orderId: string; paymentId: string; amount: Money }>;

/** Delivered by the timer service, at least once, at or after the timer's due time. */
export type FireTimer = DomainCommand<'FireTimer', { orderId: string; timerId: string; now: string }>;

/** The customer cancels before shipping. */
export type CancelOrder = DomainCommand<'CancelOrder', { orderId: string; reason: string | null }>;

export type OrderCommand = PlaceOrder | RecordReservation | MarkPaid | FireTimer | CancelOrder;
