import type { Money, OrderReturnLine, PostalAddress, ReturnedLine } from '@ecommerce/schemas';
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
export type PlaceOrder = DomainCommand<
  'PlaceOrder',
  { orderId: string; customerId: string; lines: PlaceOrderLine[]; placedAt: string; shippingAddress?: PostalAddress | null }
>;

/**
 * Inventory's answer for one line (from StockReserved / StockReservationRejected).
 * `now` and `paymentWindowMs` set the payment deadline should this reply complete the order.
 */
export type RecordReservation = DomainCommand<
  'RecordReservation',
  { orderId: string; sku: string; outcome: 'reserved' | 'rejected'; available?: number; now: string; paymentWindowMs: number }
>;

/**
 * From the payment's PaymentCaptured: money was taken. On a confirmed order for its total it pays
 * the order; in any other case (expired, cancelled, paid by another payment, another amount) the
 * order asks for that payment to be refunded (OrderRefundRequested).
 */
export type MarkPaid = DomainCommand<'MarkPaid', { orderId: string; paymentId: string; amount: Money }>;

/** Delivered by the timer service, at least once, at or after the timer's due time. */
export type FireTimer = DomainCommand<'FireTimer', { orderId: string; timerId: string; now: string }>;

/** The customer cancels before shipping; a paid order asks for its refund. */
export type CancelOrder = DomainCommand<'CancelOrder', { orderId: string; reason: string | null }>;

/** From shipping's ShipmentDispatched. */
export type MarkShipped = DomainCommand<
  'MarkShipped',
  { orderId: string; shipmentId: string; carrier: string; trackingNumber: string; shippedAt: string }
>;

/**
 * From shipping's ShipmentDelivered. The windows come from configuration: the return window ends
 * `returnWindowMs` after delivery and the order accepts itself `acceptanceWindowMs` after it
 * (never earlier than the return window ends).
 */
export type MarkDelivered = DomainCommand<
  'MarkDelivered',
  { orderId: string; deliveredAt: string; returnWindowMs: number; acceptanceWindowMs: number }
>;

/** The customer keeps the goods. */
export type AcceptOrder = DomainCommand<'AcceptOrder', { orderId: string; acceptedAt: string }>;

/** The customer sends back some or all lines, within the return window. */
export type RequestReturn = DomainCommand<'RequestReturn', { orderId: string; lines: OrderReturnLine[]; reason: string; requestedAt: string }>;

/** From shipping's ShipmentReturned: what came back, per line. */
export type RecordReturnReceived = DomainCommand<'RecordReturnReceived', { orderId: string; lines: ReturnedLine[]; receivedAt: string }>;

/** From the payment's PaymentRefundSucceeded, whoever asked for the refund. */
export type RecordRefund = DomainCommand<'RecordRefund', { orderId: string; paymentId: string; refundId: string; amount: Money }>;

export type OrderCommand =
  | PlaceOrder
  | RecordReservation
  | MarkPaid
  | FireTimer
  | CancelOrder
  | MarkShipped
  | MarkDelivered
  | AcceptOrder
  | RequestReturn
  | RecordReturnReceived
  | RecordRefund;
