import { z } from 'zod';
import { commandAcceptedSchema, cursorSchema, idSchema, moneyViewSchema, queryInteger, skuSchema, trimmedText } from './common';

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

export const placeOrderBody = z
  .strictObject({ lines: z.array(orderLineInput).min(1, 'an order needs at least one line').max(orderLinesMax, `at most ${orderLinesMax} lines`) })
  .superRefine((body, context) => {
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

export const orderViewSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  /** placed, confirmed, paid, rejected, expired, cancelled (more as the lifecycle grows). */
  status: z.string(),
  lines: z.array(orderLineView),
  total: moneyViewSchema,
  timeline: z.array(z.object({ status: z.string(), event: z.string(), at: z.string() })),
  paymentDeadline: z.string().nullable(),
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
