import { z } from 'zod';
import { cursorSchema, moneyViewSchema, queryInteger } from './common';
import { userViewSchema } from './users';

/**
 * The admins' views (issue 11): per-SKU low-stock thresholds and the low-stock list, users with
 * their orders, and the dead-letter queue with its replay.
 */

/** Avro `int`: the largest threshold an event can carry. */
export const maxLowStockThreshold = 2 ** 31 - 1;

export const lowStockThresholdBody = z.strictObject({
  threshold: z
    .number({ error: 'must be a whole number or null' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(maxLowStockThreshold, `must be at most ${maxLowStockThreshold}`)
    .nullable(),
});

export const lowStockQuery = z.strictObject({
  limit: queryInteger(1, 100).default(20),
  /** Overrides the `LOW_STOCK_THRESHOLD` setting for SKUs without a threshold of their own. */
  defaultThreshold: queryInteger(0, maxLowStockThreshold).optional(),
});

export const lowStockItemSchema = z.object({
  sku: z.string(),
  available: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  threshold: z.number().int(),
  /** `sku`: the SKU's own threshold; `default`: the setting (or the query's `defaultThreshold`). */
  thresholdSource: z.enum(['sku', 'default']),
  /** threshold − available (≥ 0): how many units short of leaving the low-stock list. */
  shortfall: z.number().int(),
});

export const lowStockPageSchema = z.object({ items: z.array(lowStockItemSchema), defaultThreshold: z.number().int() });

/** A user for admins: the profile and the orders they placed (totals per currency, as placed, before cancellations and refunds). */
export const adminUserViewSchema = userViewSchema.extend({
  orders: z.object({ count: z.number().int(), placedTotals: z.array(moneyViewSchema) }),
});

export const adminUserPageSchema = z.object({ items: z.array(adminUserViewSchema), nextCursor: z.string().nullable() });

/** A dead letter's id in URLs: `<partition>-<offset>` in the dead-letter topic (the CLI's `<partition>/<offset>`). */
export const deadLetterIdParams = z.strictObject({ id: z.string({ error: 'must be a string' }).regex(/^(0|[1-9][0-9]{0,5})-(0|[1-9][0-9]{0,15})$/, 'must be <partition>-<offset>') });

export const listDeadLettersQuery = z.strictObject({
  limit: queryInteger(1, 100).default(20),
  cursor: cursorSchema.optional(),
});

export const deadLetterViewSchema = z.object({
  id: z.string(),
  /** When it was dead-lettered. */
  at: z.string().nullable(),
  reason: z.string(),
  attempts: z.number().int().nullable(),
  /** Who gave up on it: a consumer group (`projection.<name>.v<n>`, the router, an actor host) or the mirror. */
  source: z.object({
    kind: z.enum(['message', 'event-store']),
    consumerGroup: z.string(),
    /** Where the original message was (kind `message`); null for a stored event the mirror could not encode. */
    topic: z.string().nullable(),
    partition: z.number().int().nullable(),
    offset: z.number().int().nullable(),
    /** The stored event's `$all` position (kind `event-store`). */
    position: z.number().int().nullable(),
  }).nullable(),
  key: z.string().nullable(),
  eventType: z.string().nullable(),
  sizeBytes: z.number().int(),
  /** The original message's headers (the dead-letter annotations are the fields above). */
  headers: z.record(z.string(), z.string()),
  /** Whether a message of this kind may be replayed (a mirror dead letter is corrected by a new event instead). */
  replayable: z.boolean(),
});

export const deadLetterPageSchema = z.object({ items: z.array(deadLetterViewSchema), nextCursor: z.string().nullable() });

export const deadLetterReplayedSchema = z.object({
  id: z.string(),
  /** Where the copy went: the original topic, at a new offset. */
  replayedTo: z.object({ topic: z.string(), partition: z.number().int(), offset: z.number().int() }),
  replayedAt: z.string(),
});

export type LowStockThresholdBody = z.infer<typeof lowStockThresholdBody>;
export type LowStockQuery = z.infer<typeof lowStockQuery>;
export type LowStockItem = z.infer<typeof lowStockItemSchema>;
export type AdminUserView = z.infer<typeof adminUserViewSchema>;
export type ListDeadLettersQuery = z.infer<typeof listDeadLettersQuery>;
export type DeadLetterView = z.infer<typeof deadLetterViewSchema>;
export type DeadLetterReplayed = z.infer<typeof deadLetterReplayedSchema>;
