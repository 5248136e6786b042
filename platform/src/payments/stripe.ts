/**
 * The Stripe adapter on the official `stripe` package: one PaymentIntent per payment of ours,
 * created and confirmed in one call with our payment id as its Idempotency-Key and in its
 * metadata; refunds with our refund id as theirs; webhooks verified by
 * `stripe.webhooks.constructEvent` on the raw body. The shop's customers pay on Stripe Checkout
 * (`openCheckout`, stripe-checkout.ts); the card-token path stays for API clients. Stripe errors
 * become ours here: a card decline is an outcome, an outage a retriable
 * PaymentProviderUnavailableError, a reused key a PaymentIdempotencyError; anything else is
 * rethrown as it is.
 */
import type Stripe from 'stripe';
import { AppError, ValidationError } from '../errors';
import type { PaymentOutcome, PaymentProvider, RefundOutcome } from './port';
import { PaymentIdempotencyError, PaymentProviderUnavailableError, WebhookSignatureError, assertMoney, headerValue } from './port';
import { checkoutIdempotencyKey, openStripeCheckout } from './stripe-checkout';
import { normalizeStripeEvent } from './stripe-events';

export interface StripePaymentProviderOptions {
  /** The endpoint's signing secret (`whsec_…`). */
  webhookSecret: string;
  /** Age of the oldest webhook timestamp accepted, in seconds. Default 300, Stripe's. */
  webhookToleranceSeconds?: number;
  /** When a webhook is received, for the tolerance check. */
  clock?: () => Date;
}

const signatureHeader = 'stripe-signature';
const firstLine = (text: string) => text.split('\n')[0]?.trim() ?? text;

/** The fields of a Stripe error we read; its `type` is the SDK's class name. */
interface StripeErrorLike {
  type?: string;
  code?: string;
  decline_code?: string;
  message?: string;
  param?: string;
  statusCode?: number;
  payment_intent?: Stripe.PaymentIntent;
}

const stripeErrorOf = (error: unknown): StripeErrorLike | undefined =>
  error instanceof Error && typeof (error as StripeErrorLike).type === 'string' && (error as StripeErrorLike).type?.startsWith('Stripe') ? (error as StripeErrorLike) : undefined;

/** Outages and Stripe-side failures are retriable; a reused key is ours to fix. Returns undefined for the rest. */
function translateError(error: unknown, idempotencyKey: string): AppError | undefined {
  const stripeError = stripeErrorOf(error);
  if (!stripeError) return undefined;
  switch (stripeError.type) {
    case 'StripeConnectionError':
    case 'StripeAPIError':
    case 'StripeRateLimitError':
      return new PaymentProviderUnavailableError('stripe', stripeError.message ?? stripeError.type, error);
    case 'StripeIdempotencyError':
      return new PaymentIdempotencyError(idempotencyKey, stripeError.message ?? 'refused by Stripe', error);
    default:
      return (stripeError.statusCode ?? 0) >= 500 ? new PaymentProviderUnavailableError('stripe', stripeError.message ?? 'server error', error) : undefined;
  }
}

function outcomeOf(intent: Stripe.PaymentIntent): PaymentOutcome {
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', providerReference: intent.id, amount: intent.amount_received > 0 ? intent.amount_received : intent.amount, currency: intent.currency.toUpperCase() };
    case 'requires_action':
      return { status: 'requires_action', providerReference: intent.id, actionUrl: intent.next_action?.redirect_to_url?.url ?? null };
    case 'processing':
      return { status: 'processing', providerReference: intent.id };
    case 'requires_payment_method':
    case 'canceled': {
      const failure = intent.last_payment_error;
      return {
        status: 'declined',
        providerReference: intent.id,
        code: failure?.decline_code ?? failure?.code ?? 'payment_failed',
        message: failure?.message ?? `payment intent ${intent.status}`,
      };
    }
    default:
      // requires_confirmation / requires_capture cannot follow confirm: true with automatic capture.
      throw new AppError('internal', `stripe payment intent ${intent.id} in unexpected status ${intent.status}`, { details: { providerReference: intent.id } });
  }
}

function refundOutcomeOf(refund: Stripe.Refund): RefundOutcome {
  switch (refund.status) {
    case 'succeeded':
      return { status: 'succeeded', providerRefundReference: refund.id, amount: refund.amount, currency: refund.currency.toUpperCase() };
    case 'failed':
    case 'canceled':
      return { status: 'failed', providerRefundReference: refund.id, code: refund.failure_reason ?? refund.status, message: `refund ${refund.status}` };
    default:
      return { status: 'pending', providerRefundReference: refund.id };
  }
}

export function createStripePaymentProvider(stripe: Stripe, options: StripePaymentProviderOptions): PaymentProvider {
  if (!options.webhookSecret) throw new ValidationError('the Stripe adapter needs a webhook secret', [{ field: 'webhookSecret', message: 'must not be empty' }]);
  const toleranceSeconds = options.webhookToleranceSeconds ?? 300;
  const clock = options.clock ?? (() => new Date());

  return {
    name: 'stripe',

    async createPayment(input) {
      assertMoney(input.amount, input.currency);
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            confirm: true,
            payment_method: input.paymentMethod.token,
            allowed_payment_method_types: ['card'],
            return_url: input.returnUrl,
            metadata: { orderId: input.orderId, paymentId: input.paymentId, customerReference: input.customerReference },
          },
          { idempotencyKey: input.paymentId },
        );
        return outcomeOf(intent);
      } catch (error) {
        const stripeError = stripeErrorOf(error);
        const paymentMethodRefused = stripeError?.type === 'StripeInvalidRequestError' && stripeError.param === 'payment_method';
        if (stripeError?.type === 'StripeCardError' || paymentMethodRefused) {
          return {
            status: 'declined',
            providerReference: stripeError?.payment_intent?.id ?? null,
            code: stripeError?.decline_code ?? stripeError?.code ?? 'card_declined',
            message: stripeError?.message ?? 'declined',
          };
        }
        throw translateError(error, input.paymentId) ?? error;
      }
    },

    async openCheckout(input) {
      try {
        return await openStripeCheckout(stripe, input);
      } catch (error) {
        throw translateError(error, checkoutIdempotencyKey(input.paymentId)) ?? error;
      }
    },

    async refund(input) {
      assertMoney(input.amount, input.currency);
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: input.providerReference, amount: input.amount, metadata: { paymentId: input.paymentId, refundId: input.refundId } },
          { idempotencyKey: input.refundId },
        );
        return refundOutcomeOf(refund);
      } catch (error) {
        const stripeError = stripeErrorOf(error);
        // amount_too_large, charge_already_refunded, resource_missing, …: refused, nothing refunded
        // (a parameter_… code is a request of ours the API does not accept: rethrown).
        if (stripeError?.type === 'StripeInvalidRequestError' && stripeError.code && !stripeError.code.startsWith('parameter_')) {
          return { status: 'failed', providerRefundReference: null, code: stripeError.code, message: stripeError.message ?? stripeError.code };
        }
        throw translateError(error, input.refundId) ?? error;
      }
    },

    parseWebhook(rawBody, headers) {
      const signature = headerValue(headers, signatureHeader);
      if (!signature) throw new WebhookSignatureError('no Stripe-Signature header', signatureHeader);
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret, toleranceSeconds, undefined, clock().getTime());
      } catch (error) {
        if (stripeErrorOf(error)?.type === 'StripeSignatureVerificationError') throw new WebhookSignatureError(firstLine((error as Error).message), signatureHeader);
        if (error instanceof SyntaxError) throw new ValidationError('webhook body is not JSON', [{ field: 'body', message: 'must be JSON' }]);
        throw error;
      }
      return normalizeStripeEvent(event);
    },
  };
}
