import { z } from 'zod';
import { countryCodes, postalCodePattern } from '../countries';
import { currencyCodes, maxMoneyAmount } from '../money';
import { commandAcceptedSchema, idSchema, skuSchema, trimmedText } from './common';

/*
 * Request bodies and parameters of the order lifecycle's command routes (issue 9). The numbers
 * are the deciders' (addressLimits, trackingLimits, paymentLimits, orderingLimits): the domain
 * checks again, so both refuse the same input.
 */

const wholeNumber = z.number({ error: 'must be a number' }).int('must be a whole number');

/** A shipping address a carrier can use: no unknown fields; line2 and region may be left out (or null). */
export const postalAddressSchema = z.strictObject({
  recipient: trimmedText(200),
  line1: trimmedText(200),
  line2: trimmedText(200).nullable().optional(),
  city: trimmedText(100),
  region: trimmedText(100).nullable().optional(),
  postalCode: z
    .string({ error: 'must be a string' })
    .min(2, 'must be at least 2 characters')
    .max(10, 'must be at most 10 characters')
    .regex(postalCodePattern, 'must be letters, digits, spaces or dashes, starting and ending with a letter or digit'),
  country: z.enum(countryCodes, { error: 'must be an ISO 3166-1 alpha-2 code like FR' }),
});

/** A partial change of a saved address: the fields given replace the saved ones. */
export const updateAddressBody = postalAddressSchema.partial();

export const addressIdParams = z.strictObject({ addressId: idSchema });

/** Where an order ships: a full address or the id of one of the caller's saved addresses, not both. */
export const shippingChoice = {
  shippingAddress: postalAddressSchema.optional(),
  shippingAddressId: idSchema.optional(),
};

export const oneShippingChoice = (body: { shippingAddress?: unknown; shippingAddressId?: unknown }, context: z.RefinementCtx): void => {
  if (body.shippingAddress !== undefined && body.shippingAddressId !== undefined) {
    context.addIssue({ code: 'custom', message: 'give shippingAddress or shippingAddressId, not both', path: ['shippingAddressId'] });
  }
};

/** `POST /api/cart/checkout`: the body may be left out, but an order placed without an address cannot be paid. */
export const checkoutBody = z.strictObject(shippingChoice).superRefine(oneShippingChoice);

/**
 * A provider payment-method token (Stripe's `pm_…` ids, which the sandbox understands too); raw card
 * numbers never enter the API. Left out, the customer pays on the provider's hosted checkout
 * (when `GET /api/checkout/payment` says `hosted`).
 */
export const payOrderBody = z.strictObject({
  paymentMethod: z.string({ error: 'must be a string' }).regex(/^pm_[A-Za-z0-9_]{1,197}$/, 'must be a payment-method token like pm_card_visa').optional(),
});

export const paymentAcceptedSchema = commandAcceptedSchema.extend({
  paymentId: z.string(),
  orderId: z.string(),
  redirectUrl: z.string().nullable().optional().describe("hosted checkout only: the provider's page where the customer pays (send the browser there); null when it was not ready within the wait (the order's payment carries it later)"),
});

/** How the shop takes payments: its own card form (the sandbox), or the provider's hosted page (Stripe Checkout). */
export const paymentCheckoutSchema = z.object({
  provider: z.string(),
  checkout: z.enum(['card_form', 'hosted']).describe('`card_form`: pay with a payment-method token; `hosted`: pay without one and send the customer to the answer\'s `redirectUrl`'),
});

export const returnLineInput = z.strictObject({
  productId: idSchema,
  quantity: wholeNumber.min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
});

export const returnOrderBody = z
  .strictObject({
    lines: z.array(returnLineInput).min(1, 'a return needs at least one line').max(50, 'at most 50 lines'),
    reason: trimmedText(500),
  })
  .superRefine((body, context) => {
    const seen = new Set<string>();
    body.lines.forEach((line, index) => {
      if (seen.has(line.productId)) context.addIssue({ code: 'custom', message: 'each product may appear on one line only', path: ['lines', index, 'productId'] });
      seen.add(line.productId);
    });
  });

export const shipmentIdParams = z.strictObject({ id: idSchema });

export const dispatchShipmentBody = z.strictObject({
  carrier: trimmedText(100),
  trackingNumber: z
    .string({ error: 'must be a string' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,48}[A-Za-z0-9]$/, 'must be 4-50 letters, digits, spaces or dashes, starting and ending with a letter or digit'),
});

/** What came back of each line asked back; a line left out came back with nothing. */
export const returnedLineInput = z.strictObject({
  sku: skuSchema,
  restocked: wholeNumber.min(0, 'must not be negative').max(1000, 'must be at most 1000'),
  damaged: wholeNumber.min(0, 'must not be negative').max(1000, 'must be at most 1000'),
});

export const shipmentReturnedBody = z
  .strictObject({ lines: z.array(returnedLineInput).max(50, 'at most 50 lines') })
  .superRefine((body, context) => {
    const seen = new Set<string>();
    body.lines.forEach((line, index) => {
      if (seen.has(line.sku)) context.addIssue({ code: 'custom', message: 'each SKU may appear on one line only', path: ['lines', index, 'sku'] });
      seen.add(line.sku);
    });
  });

/** Named apart from the read side's `paymentIdParams` (views.ts), which is the same. */
export const refundPaymentParams = z.strictObject({ id: idSchema });

/** A refund is at least one minor unit. */
export const refundMoneySchema = z.strictObject({
  amount: wholeNumber.min(1, 'must be at least 1 minor unit').max(maxMoneyAmount, `must be at most ${maxMoneyAmount} minor units`),
  currency: z.enum(currencyCodes, { error: 'must be an ISO 4217 currency code like EUR' }),
});

/** Without `amount`, all that is left to refund. */
export const refundPaymentBody = z.strictObject({ amount: refundMoneySchema.optional(), reason: trimmedText(500) });

export const refundAcceptedSchema = commandAcceptedSchema.extend({ refundId: z.string(), paymentId: z.string() });

/** References the sandbox hands out (`pi_sbx.<payload>.<signature>`). */
export const sandboxActionParams = z.strictObject({ reference: z.string().regex(/^[A-Za-z0-9._-]{1,500}$/, 'must be a sandbox payment reference') });

export const sandboxOutcomes = ['succeeded', 'failed'] as const;

/** JSON clients send the outcome in the body; the sandbox page's HTML forms, which cannot send JSON, in the query. */
export const sandboxActionBody = z.strictObject({ outcome: z.enum(sandboxOutcomes) });
export const sandboxActionQuery = z.strictObject({ outcome: z.enum(sandboxOutcomes).optional() });

/** A webhook delivery is checked by its signature on the raw body, not by a schema: any JSON object. */
export const stripeWebhookBody = z.record(z.string(), z.unknown());
/** Stripe signs with `Stripe-Signature`; when the platform runs the sandbox provider, its deliveries carry `Sandbox-Signature` instead. */
export const stripeWebhookHeaders = z.object({ 'stripe-signature': z.string().min(1).optional(), 'sandbox-signature': z.string().min(1).optional() });

export const webhookAnswerSchema = z.object({
  received: z.boolean(),
  /** The provider's event id. */
  eventId: z.string(),
  /** Whether anything was recorded (a redelivery, or an event not about one of our payments, records nothing). */
  applied: z.boolean(),
});

export const notificationPreferencesBody = z.strictObject({
  email: z.boolean({ error: 'must be true or false' }),
  sms: z.boolean({ error: 'must be true or false' }),
  phoneNumber: z.string({ error: 'must be a string' }).regex(/^\+[1-9][0-9]{6,14}$/, 'must be in E.164 form, like +33612345678').nullable().optional(),
});

/** Notification ids are `<source event id>:<channel>`. */
export const notificationIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'must be a notification id') });

export type PostalAddressInput = z.infer<typeof postalAddressSchema>;
export type PayOrderBody = z.infer<typeof payOrderBody>;
export type ReturnOrderBody = z.infer<typeof returnOrderBody>;
export type RefundPaymentBody = z.infer<typeof refundPaymentBody>;
