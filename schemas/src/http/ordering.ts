import { z } from 'zod';
import { commandAcceptedSchema, cursorSchema, idSchema, moneyViewSchema, queryInteger, skuSchema, trimmedText } from './common';
import { orderPaymentViewSchema, orderRefundViewSchema, orderReturnViewSchema, orderShipmentViewSchema, postalAddressViewSchema } from './views';
import { oneShippingChoice, shippingChoice } from './lifecycle';

/** The same numbers as the domain's `cartLimits` and `orderingLimits` (the deciders check again). */
const cartQuantityMax = 99;
const orderQuantityMax = 1000;
const orderLinesMax = 50;

const wholeNumber = z.number({ error: 'must be a number' }).int('must be a whole number');

export const cartItemParams = z.strictObject({ productId: idSchema });

/** Sets the line's quantity; 0 removes the line. */
export const setCartItemBody = z.strictObject({
  quantity: wholeNumber.min(0, 'must not be negative').max(cartQuantityMax, `must be at most ${cartQuantityMax}`),
});

export const orderLineInput = z.strictObject({
  productId: idSchema,
  quantity: wholeNumber.min(1, 'must be at least 1').max(orderQuantityMax, `must be at most ${orderQuantityMax}`),
});

/** Where it ships: `shippingAddress`, or `shippingAddressId` (a saved address of the caller); an order without one cannot be paid. */
export const placeOrderBody = z
  .strictObject({ lines: z.array(orderLineInput).min(1, 'an order needs at least one line').max(orderLinesMax, `at most ${orderLinesMax} lines`), ...shippingChoice })
  .superRefine((body, context) => {
    oneShippingChoice(body, context);
    const seen = new Set<string>();
    body.lines.forEach((line, index) => {
      if (seen.has(line.productId)) context.addIssue({ code: 'custom', message: 'each product may appear on one line only', path: ['lines', index, 'productId'] });
      seen.add(line.productId);
    });
  });

export const orderIdParams = z.strictObject({ id: idSchema });

export const cancelOrderBody = z.strictObject({ reason: trimmedText(500).optional() });

/** A placed order: `id` and `orderId` are the same; the token waits for the order's read model. */
export const orderAcceptedSchema = commandAcceptedSchema.extend({ orderId: z.string() });

/** A checkout also empties the cart: `cartConsistencyToken` waits for the cart's read model. */
export const checkoutAcceptedSchema = orderAcceptedSchema.extend({ cartConsistencyToken: z.string() });

const orderLineView = z.object({ productId: z.string(), sku: z.string(), name: z.string(), quantity: z.number().int(), unitPrice: moneyViewSchema });

/** An order with its whole lifecycle, as its customer and admins see it. */
export const orderViewSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  /** placed, confirmed, paid, shipped, delivered, completed, return_requested, returned, refunded, rejected, expired, cancelled. */
  status: z.string(),
  lines: z.array(orderLineView),
  total: moneyViewSchema,
  /** Null on orders placed before addresses existed. */
  shippingAddress: postalAddressViewSchema.nullable(),
  /** Every lifecycle event, oldest first, with the status it left the order in. */
  timeline: z.array(z.object({ status: z.string(), event: z.string(), at: z.string() })),
  paymentDeadline: z.string().nullable(),
  payment: orderPaymentViewSchema,
  refund: orderRefundViewSchema,
  /** Once the order is paid and its shipment opened (or shipped). */
  shipment: orderShipmentViewSchema.nullable(),
  /** Once delivered: until when a return may be asked for, and when the order accepts itself. */
  delivery: z.object({ deliveredAt: z.string(), returnWindowEndsAt: z.string(), acceptanceDeadline: z.string() }).nullable(),
  /** Once completed: by the customer, or by the acceptance deadline. */
  completion: z.object({ acceptedBy: z.string(), completedAt: z.string() }).nullable(),
  return: orderReturnViewSchema.nullable(),
  placedAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int(),
});

export const listOrdersQuery = z.strictObject({
  limit: queryInteger(1, 100).default(20),
  cursor: cursorSchema.optional(),
});

export const orderPageSchema = z.object({ items: z.array(orderViewSchema), nextCursor: z.string().nullable() });

export const cartViewSchema = z.object({
  customerId: z.string(),
  items: z.array(z.object({ productId: z.string(), quantity: z.number().int() })),
  /** Revision of the cart stream; -1 for a customer who never had a cart. */
  revision: z.number().int(),
});

export const inventorySkuParams = z.strictObject({ sku: skuSchema });

export const inventoryViewSchema = z.object({
  sku: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  sold: z.number().int(),
  /** Units back from returns, fit to sell again (part of onHand). */
  returned: z.number().int(),
  /** Revision of the inventory stream; -1 when no stock movement was ever recorded. */
  revision: z.number().int(),
});

export type SetCartItemBody = z.infer<typeof setCartItemBody>;
export type PlaceOrderBody = z.infer<typeof placeOrderBody>;
export type OrderLineInput = z.infer<typeof orderLineInput>;
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;
export type OrderView = z.infer<typeof orderViewSchema>;
export type CartView = z.infer<typeof cartViewSchema>;
export type InventoryView = z.infer<typeof inventoryViewSchema>;
