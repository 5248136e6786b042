import { z } from 'zod';

/** Money on the wire: integer minor units and an ISO 4217 code. A float amount is refused, never rounded. */
export const moneySchema = z.strictObject({
  amount: z.number({ error: 'must be a number' }).int('must be an integer number of minor units (cents)').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like EUR'),
});

export const quantitySchema = z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be positive').max(1_000_000_000);

export const idSchema = z.string().uuid('must be a UUID');

export const skuSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,63}$/, 'must be 2-64 letters, digits or dashes'));

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
