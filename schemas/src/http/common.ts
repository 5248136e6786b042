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
