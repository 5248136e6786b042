import { z } from 'zod';
import { cursorSchema, idSchema, moneyViewSchema, queryInteger } from './common';
import { currencyCodes, maxMoneyAmount } from '../money';

/**
 * What the read side answers about the order lifecycle (payments, shipments, notifications), and
 * the queries of its lists. Views are built field by field from the read models; nothing else leaks.
 */

export const postalAddressViewSchema = z.object({
  recipient: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string(),
});

/** A saved address of the caller: `id` is what `shippingAddressId` and the address routes take. */
export const savedAddressViewSchema = postalAddressViewSchema.extend({ id: z.string() });

export const notificationPreferencesViewSchema = z.object({ email: z.boolean(), sms: z.boolean(), phoneNumber: z.string().nullable() });

const dateOrTimePattern = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$/;

/** An instant as a query takes it: what it says, and whether it named a whole day. */
export interface QueryInstant {
  at: Date;
  wholeDay: boolean;
}

/** An ISO 8601 date (`2024-05-01`, a whole UTC day) or date-time with a zone (`2024-05-01T10:00:00Z`); impossible dates are refused. */
export const queryInstant = z
  .string({ error: 'must be an ISO 8601 date or date-time' })
  .regex(dateOrTimePattern, 'must be an ISO 8601 date (2024-05-01) or date-time with a zone (2024-05-01T10:00:00Z)')
  .transform((text, context): QueryInstant => {
    const at = new Date(text);
    const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
    // Date rolls 2024-02-31 over to March; a date that does not round-trip does not exist
    const calendar = new Date(Date.UTC(year, month - 1, day));
    if (Number.isNaN(at.getTime()) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
      context.addIssue({ code: 'custom', message: 'is not a date that exists', input: text });
      return z.NEVER;
    }
    return { at, wholeDay: text.length === 10 };
  });

/** Every status of an order (the domain's list; the read side cannot import the domain). */
export const orderStatusValues = [
  'placed', 'confirmed', 'paid', 'shipped', 'delivered', 'completed', 'return_requested', 'returned', 'refunded', 'rejected', 'expired', 'cancelled',
] as const;

/**
 * Admins' order list: newest first; `from` and `to` bound `placedAt`, both inclusive (a date is its whole UTC day);
 * `minTotal` and `maxTotal` bound the total in minor units, both inclusive, of orders in `currency` (amounts of
 * different currencies do not compare, so a bound needs the currency).
 */
export const listAdminOrdersQuery = z
  .strictObject({
    status: z.enum(orderStatusValues).optional(),
    customerId: idSchema.optional(),
    from: queryInstant.optional(),
    to: queryInstant.optional(),
    currency: z.enum(currencyCodes, { error: 'must be an ISO 4217 currency code like EUR' }).optional(),
    minTotal: queryInteger(0, maxMoneyAmount).optional(),
    maxTotal: queryInteger(0, maxMoneyAmount).optional(),
    limit: queryInteger(1, 100).default(20),
    cursor: cursorSchema.optional(),
  })
  .superRefine((query, context) => {
    for (const bound of ['minTotal', 'maxTotal'] as const) {
      if (query[bound] !== undefined && query.currency === undefined) context.addIssue({ code: 'custom', path: ['currency'], message: `is required with ${bound}` });
    }
    if (query.minTotal !== undefined && query.maxTotal !== undefined && query.minTotal > query.maxTotal) {
      context.addIssue({ code: 'custom', path: ['maxTotal'], message: 'must not be below minTotal' });
    }
  });

/** How an order's payment stands: the payment that paid it, else its latest attempt. */
export const orderPaymentViewSchema = z.object({
  /** none, requested, requires_action, authorized, captured, declined. */
  status: z.string(),
  paymentId: z.string().nullable(),
  paidAmount: moneyViewSchema.nullable(),
  paidAt: z.string().nullable(),
  attempts: z.array(z.object({
    paymentId: z.string(),
    status: z.string(),
    amount: moneyViewSchema,
    captured: moneyViewSchema,
    declineCode: z.string().nullable(),
    requestedAt: z.string(),
  })),
});

export const refundViewSchema = z.object({
  refundId: z.string(),
  paymentId: z.string(),
  amount: moneyViewSchema,
  /** pending, succeeded, failed. */
  status: z.string(),
  reason: z.string().nullable(),
  requestedAt: z.string(),
});

/** Refunds of an order across its payments: `requested` counts pending and succeeded ones. */
export const orderRefundViewSchema = z.object({
  /** none, pending, partially_refunded, refunded. */
  status: z.string(),
  requested: moneyViewSchema,
  succeeded: moneyViewSchema,
  refunds: z.array(refundViewSchema),
});

export const orderShipmentViewSchema = z.object({
  shipmentId: z.string(),
  /** open, dispatched, delivered, return_requested, returned, cancelled. */
  status: z.string(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});

const returnLineView = z.object({ sku: z.string(), quantity: z.number().int() });
const returnedLineView = z.object({ sku: z.string(), restocked: z.number().int(), damaged: z.number().int() });

export const orderReturnViewSchema = z.object({
  lines: z.array(returnLineView),
  reason: z.string(),
  requestedAt: z.string(),
  /** What came back and what it refunds, once received. */
  received: z.object({ lines: z.array(returnedLineView), refundAmount: moneyViewSchema, receivedAt: z.string() }).nullable(),
});

export const paymentIdParams = z.strictObject({ id: idSchema });

export const paymentViewSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  customerId: z.string(),
  /** requested, requires_action, authorized, captured, declined. */
  status: z.string(),
  amount: moneyViewSchema,
  provider: z.string(),
  providerPaymentId: z.string().nullable(),
  captured: moneyViewSchema,
  /** Refunds that succeeded. */
  refunded: moneyViewSchema,
  /** What may still be refunded: captured less pending and succeeded refunds. */
  refundable: moneyViewSchema,
  /** Where the customer completes the payment while `status` is requires_action. */
  redirectUrl: z.string().nullable(),
  declineCode: z.string().nullable(),
  declineMessage: z.string().nullable(),
  refunds: z.array(refundViewSchema),
  requestedAt: z.string(),
  capturedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Revision of the payment stream (the ETag). */
  revision: z.number().int(),
});

export const shipmentStatusValues = ['open', 'dispatched', 'delivered', 'return_requested', 'returned', 'cancelled'] as const;

export const listShipmentsQuery = z.strictObject({
  status: z.enum(shipmentStatusValues).optional(),
  limit: queryInteger(1, 100).default(20),
  cursor: cursorSchema.optional(),
});

export const shipmentViewSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  customerId: z.string(),
  status: z.string(),
  lines: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int() })),
  address: postalAddressViewSchema,
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  openedAt: z.string(),
  dispatchedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  returnRequest: z.object({ lines: z.array(returnLineView), requestedAt: z.string() }).nullable(),
  returned: z.object({ lines: z.array(returnedLineView), receivedAt: z.string() }).nullable(),
  updatedAt: z.string(),
  /** Revision of the shipment stream (the ETag). */
  revision: z.number().int(),
});

export const shipmentPageSchema = z.object({ items: z.array(shipmentViewSchema), nextCursor: z.string().nullable() });

export const listNotificationsQuery = z.strictObject({
  limit: queryInteger(1, 100).default(20),
  cursor: cursorSchema.optional(),
});

export const notificationViewSchema = z.object({
  id: z.string(),
  /** What it is about: user_registered, order_shipped, order_refunded, … */
  kind: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
  readAt: z.string().nullable(),
});

/** One page of the caller's inbox, newest first; `unread` counts the whole inbox. */
export const notificationPageSchema = z.object({ items: z.array(notificationViewSchema), nextCursor: z.string().nullable(), unread: z.number().int() });

export type PostalAddressView = z.infer<typeof postalAddressViewSchema>;
export type SavedAddressView = z.infer<typeof savedAddressViewSchema>;
export type ListAdminOrdersQuery = z.infer<typeof listAdminOrdersQuery>;
export type OrderPaymentView = z.infer<typeof orderPaymentViewSchema>;
export type OrderRefundView = z.infer<typeof orderRefundViewSchema>;
export type RefundView = z.infer<typeof refundViewSchema>;
export type OrderShipmentView = z.infer<typeof orderShipmentViewSchema>;
export type OrderReturnView = z.infer<typeof orderReturnViewSchema>;
export type PaymentView = z.infer<typeof paymentViewSchema>;
export type ListShipmentsQuery = z.infer<typeof listShipmentsQuery>;
export type ShipmentView = z.infer<typeof shipmentViewSchema>;
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;
export type NotificationView = z.infer<typeof notificationViewSchema>;
export type NotificationPage = z.infer<typeof notificationPageSchema>;
