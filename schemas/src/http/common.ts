import { z } from 'zod';
import { currencyCodes, maxMoneyAmount } from '../money';

/** Money on the wire: integer minor units and an ISO 4217 code. A float amount is refused, never rounded. */
export const moneySchema = z.strictObject({
  amount: z.number({ error: 'must be a number' }).int('must be an integer number of minor units (cents)').min(0, 'must not be negative').max(maxMoneyAmount, `must be at most ${maxMoneyAmount} minor units`),
  currency: z.enum(currencyCodes, { error: 'must be an ISO 4217 currency code like EUR' }),
});

/** Money as the read side shows it: what the events hold, as recorded. */
export const moneyViewSchema = z.object({ amount: z.number().int(), currency: z.string() });

export const quantitySchema = z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be positive').max(1_000_000_000);

/**
 * Ids are UUIDs: any 8-4-4-4-12 hex spelling, as the document's `format: uuid` says (the
 * version nibble is not checked: an id we never issued is simply unknown, a 404).
 */
export const idSchema = z.guid('must be a UUID');

/*
 * Patterns below are spelled with explicit character lists rather than `\s` or `\p{…}`: the
 * document is read by clients in other regex dialects (Python's, for one), where those classes
 * differ; a list of code points means the same everywhere.
 */

/** What JavaScript's `String#trim` removes: whitespace and line terminators. */
export const trimmedCharacters = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** Holds at least one character that trimming keeps. */
export const notBlankPattern = new RegExp(`[^${trimmedCharacters}]`);

/**
 * Text the server trims: at most `max` characters as sent (the document can only speak of what
 * is sent), and not blank. Checks run in order, so the limit applies before the trim.
 */
export const trimmedText = (max: number) =>
  z.string({ error: 'must be a string' }).max(max, `must be at most ${max} characters`).regex(notBlankPattern, 'must not be blank').trim();

/** Like `trimmedText`, but blank is allowed (and becomes empty). */
export const optionalTrimmedText = (max: number) => z.string({ error: 'must be a string' }).max(max, `must be at most ${max} characters`).trim();

/**
 * A SKU as accepted: 2-64 letters, digits or dashes, not starting with a dash; lower case is
 * accepted and upper-cased (the pattern says what is accepted, the transform what is kept).
 */
export const skuSchema = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/, 'must be 2-64 letters, digits or dashes, not starting with a dash')
  .transform((value) => value.toUpperCase());

/**
 * A whole number in a query string, written plainly (`20`, not `2e1`, ` 20` or `020`), so that the
 * document's `type: integer` is exactly what is accepted.
 */
export const queryInteger = (min: number, max: number) =>
  z
    .string({ error: 'must be a whole number' })
    .regex(/^(0|-?[1-9][0-9]{0,15})$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .meta({ type: 'integer', minimum: min, maximum: max } as Record<string, unknown>);

/** Opaque page cursors, as `nextCursor` hands them out. */
export const cursorSchema = z.string({ error: 'must be a string' }).regex(/^[A-Za-z0-9_-]{1,500}$/, 'must be a nextCursor of a previous page');

/**
 * Header schemas shared by routes. `X-Consistency-Token` is the token a command answered
 * (`<position>.<revision>.<stream>`); `If-Match` an ETag of a stream revision, or `*`;
 * `Idempotency-Key` 1-200 visible ASCII characters.
 */
export const consistencyTokenPattern = /^[0-9]{1,15}\.[0-9]{1,15}\.[\x21-\x7e]{1,200}$/;
export const ifMatchPattern = /^(\*|(W\/)?"[0-9]{1,15}")$/;
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

export const consistencyHeaders = z.object({
  'x-consistency-token': z.string().regex(consistencyTokenPattern, 'must be a consistency token a command answered').optional(),
});
export const ifMatchHeaders = z.object({ 'if-match': z.string().regex(ifMatchPattern, 'must be an ETag like "3", or *').optional() });
export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().regex(idempotencyKeyPattern, 'must be 1-200 visible ASCII characters').optional() });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** What every accepted command answers. */
export const commandAcceptedSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  position: z.number().int(),
  consistencyToken: z.string(),
});
