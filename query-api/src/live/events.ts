import { z } from 'zod';
import { consistencyHeaders, orderStatusValues } from '@ecommerce/schemas';

/**
 * The `data` of each server-sent event, as zod schemas: the types the streams send are inferred
 * from them, and the OpenAPI document shows them as components.
 */

/** `event: status`, `id:` the order stream revision. */
export const orderLiveEventSchema = z.object({
  orderId: z.string(),
  status: z.string(),
  /** The order stream revision: the event id, and the order's ETag. */
  revision: z.number().int(),
  /** The lifecycle event that left the order in `status`, and when. */
  lastEvent: z.object({ event: z.string(), at: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type OrderLiveEvent = z.infer<typeof orderLiveEventSchema>;

/** `event: availability`, `id:` the sum of the product's and its SKU's stream revisions (grows with every change). */
export const productLiveEventSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  status: z.string(),
  available: z.number().int(),
  inStock: z.boolean(),
});
export type ProductLiveEvent = z.infer<typeof productLiveEventSchema>;

/** `event: figures`, every SSE_ADMIN_INTERVAL_MS. */
export const adminLiveEventSchema = z.object({
  at: z.string(),
  ordersByStatus: z.record(z.enum(orderStatusValues), z.number().int()),
  stockAlerts: z.object({
    /** LOW_STOCK_THRESHOLD: the threshold of SKUs without one of their own. */
    defaultThreshold: z.number().int(),
    /** SKUs with this many units available or fewer than their threshold. */
    count: z.number().int(),
    /** The lowest first, at most 20. */
    items: z.array(z.object({ sku: z.string(), available: z.number().int(), onHand: z.number().int(), reserved: z.number().int(), threshold: z.number().int() })),
  }),
  projections: z.array(z.object({
    projection: z.string(),
    version: z.number().int(),
    /** Messages in the log not yet applied, over every partition, as the projection last checked. */
    lagMessages: z.number().int(),
    /** How long ago the projection last checked its partitions' ends; null before it ever did. */
    checkedAgoMs: z.number().int().nullable(),
  })),
});
export type AdminLiveEvent = z.infer<typeof adminLiveEventSchema>;

const lastEventId = z.string().regex(/^(0|[1-9][0-9]{0,14})$/, 'must be an event id this stream sent (a non-negative integer)').optional();

/** EventSource sends `Last-Event-ID` when it reconnects: the stream resumes after that event. */
export const orderLiveHeaders = consistencyHeaders.extend({ 'last-event-id': lastEventId });
export const productLiveHeaders = z.object({ 'last-event-id': lastEventId });
