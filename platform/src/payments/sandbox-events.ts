/** The body of a sandbox webhook delivery: a ProviderEvent as JSON, checked after its signature. */
import { z } from 'zod';
import { ValidationError } from '../errors';
import type { ProviderEvent } from './port';

const money = { amount: z.number().int().positive(), currency: z.string().regex(/^[A-Z]{3}$/) };
const base = { id: z.string().min(1), occurredAt: z.string().min(1) };

const providerEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    ...money,
    type: z.enum(['payment_succeeded', 'payment_failed']),
    paymentId: z.string().min(1),
    providerReference: z.string().min(1),
    failureCode: z.string().optional(),
    failureMessage: z.string().optional(),
  }),
  z.object({
    ...base,
    ...money,
    type: z.enum(['refund_succeeded', 'refund_failed']),
    paymentId: z.string().min(1),
    refundId: z.string().min(1),
    providerReference: z.string().min(1),
    providerRefundReference: z.string().min(1),
    failureCode: z.string().optional(),
  }),
  z.object({ ...base, type: z.literal('unhandled'), providerType: z.string() }),
]);

export function parseSandboxEvent(rawBody: Buffer): ProviderEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ValidationError('webhook body is not JSON', [{ field: 'body', message: 'must be JSON' }]);
  }
  const parsed = providerEventSchema.safeParse(json);
  if (!parsed.success) {
    throw new ValidationError('webhook body is not a sandbox event', parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message })));
  }
  return parsed.data;
}
