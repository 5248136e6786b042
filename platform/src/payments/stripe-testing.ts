/** Signed Stripe webhook deliveries for tests, made with the SDK's own test-header helper. */
import Stripe from 'stripe';
import type { PaymentSucceededNotice } from './contract';
import type { WebhookHeaders } from './port';

export interface StripeTestEvent {
  id: string;
  type: string;
  object: Record<string, unknown>;
  createdSeconds?: number;
}

/** A delivery of `event` as Stripe sends it: the JSON body and its Stripe-Signature header. */
export function signStripeEvent(event: StripeTestEvent, secret: string, timestampSeconds?: number): { rawBody: Buffer; headers: WebhookHeaders } {
  const payload = JSON.stringify(
    {
      id: event.id,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: event.createdSeconds ?? Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: event.type,
      data: { object: event.object },
    },
    null,
    2,
  );
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestampSeconds === undefined ? {} : { timestamp: timestampSeconds }) });
  return { rawBody: Buffer.from(payload), headers: { 'stripe-signature': header, 'content-type': 'application/json' } };
}

export const stripePaymentIntent = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'pi_test',
  object: 'payment_intent',
  amount: 4200,
  amount_received: 4200,
  currency: 'eur',
  status: 'succeeded',
  metadata: {},
  last_payment_error: null,
  cancellation_reason: null,
  ...overrides,
});

/** The contract's notice as a `payment_intent.succeeded` delivery. */
export const signedPaymentSucceeded = (notice: PaymentSucceededNotice, secret: string, timestampSeconds?: number) =>
  signStripeEvent(
    {
      id: notice.eventId,
      type: 'payment_intent.succeeded',
      object: stripePaymentIntent({ id: notice.providerReference, amount: notice.amount, amount_received: notice.amount, currency: notice.currency.toLowerCase(), metadata: { orderId: 'order-1', paymentId: notice.paymentId } }),
    },
    secret,
    timestampSeconds,
  );

/** A Checkout Session as its `checkout.session.*` events carry it, for a payment of ours (`paymentId` in its metadata). */
export const stripeCheckoutSession = (paymentId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: `cs_test_${paymentId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`,
  object: 'checkout.session',
  mode: 'payment',
  status: 'complete',
  payment_status: 'paid',
  amount_total: 4200,
  currency: 'eur',
  client_reference_id: 'order-1',
  payment_intent: `pi_${paymentId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`,
  metadata: { orderId: 'order-1', paymentId },
  url: null,
  ...overrides,
});
