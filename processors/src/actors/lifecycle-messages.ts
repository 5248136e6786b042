import type { Money, NotificationChannel, NotificationKind, OrderRefundReason, OrderReturnLine, PostalAddress, ShipmentLine } from '@ecommerce/schemas';
import { inboxTopics } from '@ecommerce/platform';
import type { ActorType } from '@ecommerce/platform';

/** The actors after confirmation (issue #9), with inboxes named in the platform's topic map (`inboxTopics`, DESIGN §5). */
export const paymentActorType = 'payment' as const satisfies ActorType;
export const shipmentActorType = 'shipment' as const satisfies ActorType;
export const notificationActorType = 'notification' as const satisfies ActorType;
export const paymentInboxTopic = inboxTopics.payment;
export const shipmentInboxTopic = inboxTopics.shipment;
export const notificationInboxTopic = inboxTopics.notification;

// ── payment inbox, keyed by payment id ─────────────────────────────────────
/** From PaymentRequested: ask the provider for the money (once: the payment id is the idempotency key). */
export interface ExecutePaymentMessage {
  type: 'ExecutePayment';
  paymentId: string;
}

/** From PaymentRefundRequested: ask the provider for the refund (the refund id is the idempotency key). */
export interface ExecuteRefundMessage {
  type: 'ExecuteRefund';
  paymentId: string;
  refundId: string;
}

/** From the order's OrderRefundRequested (a late or duplicate payment, a cancellation, a return). */
export interface RequestRefundMessage {
  type: 'RequestRefund';
  paymentId: string;
  refundId: string;
  amount: Money;
  reason: OrderRefundReason;
}

export type PaymentMessage = ExecutePaymentMessage | ExecuteRefundMessage | RequestRefundMessage;

// ── shipment inbox, keyed by shipment id ───────────────────────────────────
/** From OrderPaid: what the order bought and where it goes, as the order stream said when it was paid. */
export interface OpenShipmentMessage {
  type: 'OpenShipment';
  shipmentId: string;
  orderId: string;
  customerId: string;
  lines: ShipmentLine[];
  /** null on an order placed without one: the shipment actor refuses it (a dead letter naming the order). */
  address: PostalAddress | null;
}

/** From OrderCancelled of a paid order: nothing will be sent. */
export interface CancelShipmentMessage {
  type: 'CancelShipment';
  shipmentId: string;
}

/** From OrderReturnRequested: these quantities are coming back. */
export interface ExpectReturnMessage {
  type: 'ExpectReturn';
  shipmentId: string;
  lines: OrderReturnLine[];
  requestedAt: string;
}

export type ShipmentMessage = OpenShipmentMessage | CancelShipmentMessage | ExpectReturnMessage;

// ── notification inbox, keyed by user id ──────────────────────────────────
/** A notable event (`planNotifications` knows its type) about `userId`. */
export interface NotifyMessage {
  type: 'Notify';
  userId: string;
  eventId: string;
  event: { type: string; data: Record<string, unknown> };
}

/** From NotificationQueued on email or SMS: send it, unless the stream shows it settled. */
export interface DeliverMessage {
  type: 'Deliver';
  userId: string;
  notificationId: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  recipient: string;
  subject: string;
  text: string;
}

export type NotificationMessage = NotifyMessage | DeliverMessage;
