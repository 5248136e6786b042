import { inboxTopics } from '@ecommerce/platform';
import type { ActorType } from '@ecommerce/platform';
import type { Money, ReturnedLine, StockReleaseReason } from '@ecommerce/schemas';

/** Actor types: their inboxes are named in the platform's topic map (`inboxTopics`, DESIGN §5). */
export const inventoryActorType = 'inventory' as const satisfies ActorType;
export const orderActorType = 'order' as const satisfies ActorType;
export const inventoryInboxTopic = inboxTopics.inventory;
export const orderInboxTopic = inboxTopics.order;

// ── inventory inbox, keyed by SKU ──────────────────────────────────────────
export interface ReserveStockMessage {
  type: 'ReserveStock';
  sku: string;
  orderId: string;
  quantity: number;
  /** ISO 8601: how long the hold may last if the order never settles it. */
  expiresAt: string;
}

export interface ReleaseStockMessage {
  type: 'ReleaseStock';
  sku: string;
  orderId: string;
  reason: StockReleaseReason;
}

/** Reserved → sold: when the order completes or its return is received, never on payment. */
export interface CommitStockMessage {
  type: 'CommitStock';
  sku: string;
  orderId: string;
}

/** Units of a returned order that came back fit to sell (from OrderReturned's restocked counts). */
export interface ReturnStockMessage {
  type: 'ReturnStock';
  sku: string;
  orderId: string;
  quantity: number;
}

export type InventoryMessage = ReserveStockMessage | ReleaseStockMessage | CommitStockMessage | ReturnStockMessage;

// ── order inbox, keyed by order id ─────────────────────────────────────────
export interface StockReservedReply {
  type: 'StockReserved';
  orderId: string;
  sku: string;
}

export interface StockReservationRejectedReply {
  type: 'StockReservationRejected';
  orderId: string;
  sku: string;
  available: number;
}

/** As the timer service writes it: `key` is the order id. */
export interface TimerFiredMessage {
  type: 'TimerFired';
  key: string;
  timerId: string;
  dueAt: string;
}

/** From the payment's PaymentCaptured: money was taken (MarkPaid decides whether it pays the order or is given back). */
export interface PaymentCapturedMessage {
  type: 'PaymentCaptured';
  orderId: string;
  paymentId: string;
  amount: Money;
}

/** From the payment's PaymentRefundSucceeded, whoever asked for the refund. */
export interface PaymentRefundSucceededMessage {
  type: 'PaymentRefundSucceeded';
  orderId: string;
  paymentId: string;
  refundId: string;
  amount: Money;
}

/** From shipping's ShipmentDispatched. */
export interface ShipmentDispatchedMessage {
  type: 'ShipmentDispatched';
  orderId: string;
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
  dispatchedAt: string;
}

/** From shipping's ShipmentDelivered; the return and acceptance windows are the order actor's settings. */
export interface ShipmentDeliveredMessage {
  type: 'ShipmentDelivered';
  orderId: string;
  deliveredAt: string;
}

/** From shipping's ShipmentReturned: what came back, per line. */
export interface ShipmentReturnedMessage {
  type: 'ShipmentReturned';
  orderId: string;
  lines: ReturnedLine[];
  receivedAt: string;
}

export type OrderMessage =
  | StockReservedReply
  | StockReservationRejectedReply
  | TimerFiredMessage
  | PaymentCapturedMessage
  | PaymentRefundSucceededMessage
  | ShipmentDispatchedMessage
  | ShipmentDeliveredMessage
  | ShipmentReturnedMessage;
