import type { Money, StockReleaseReason } from '@ecommerce/schemas';
import { inboxTopicOf } from '../runtime/inbox';

/** Actor types: their inboxes are `ecommerce.<type>.inbox` (DESIGN §5). */
export const inventoryActorType = 'inventory';
export const orderActorType = 'order';
export const inventoryInboxTopic = inboxTopicOf(inventoryActorType);
export const orderInboxTopic = inboxTopicOf(orderActorType);

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

/** Reserved → sold; sent at delivery (a later issue), never on payment. */
export interface CommitStockMessage {
  type: 'CommitStock';
  sku: string;
  orderId: string;
}

export type InventoryMessage = ReserveStockMessage | ReleaseStockMessage | CommitStockMessage;

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

/** From the payment processor (a later issue); keeps `Paid` reachable meanwhile. */
export interface PaymentSucceededMessage {
  type: 'PaymentSucceeded';
  orderId: string;
  paymentId: string;
  amount: Money;
}

export type OrderMessage = StockReservedReply | StockReservationRejectedReply | TimerFiredMessage | PaymentSucceededMessage;
