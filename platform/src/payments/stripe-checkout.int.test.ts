/**
 * Stripe Checkout sessions against stripe-mock (scripts/infra/stripe-mock.sh): the request goes
 * through the official SDK and stripe-mock validates it against Stripe's OpenAPI spec (a parameter
 * the API does not know, or a wrong type, is refused). It answers a canned session, echoing part
 * of what it was sent.
 */
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { PaymentProviderUnavailableError } from './port';
import { createStripePaymentProvider } from './stripe';
import { checkoutIdempotencyKey } from './stripe-checkout';
import { createStripeClient } from './stripe-client';

const stripeMockUrl = process.env.STRIPE_MOCK_URL;
const describeWithStripeMock = stripeMockUrl ? describe : describe.skip;
if (!stripeMockUrl) console.warn('stripe checkout against stripe-mock skipped: set STRIPE_MOCK_URL to run it (scripts/infra/stripe-mock.sh start)');

const webhookSecret = 'whsec_stripe_mock_checkout';
const createClient = (apiBase = stripeMockUrl ?? 'http://127.0.0.1:12111') => createStripeClient({ apiKey: 'sk_test_123', apiBase, maxNetworkRetries: 0, timeoutMs: 5000 });

const checkoutInput = () => {
  const orderId = `order-${randomUUID()}`;
  return {
    paymentId: `pay-${randomUUID()}`, orderId, amount: 2599, currency: 'EUR', customerReference: `user-${randomUUID()}`,
    successUrl: `http://127.0.0.1:8080/orders/${orderId}?checkout=success`, cancelUrl: `http://127.0.0.1:8080/orders/${orderId}?checkout=cancelled`,
  };
};

describeWithStripeMock('stripe checkout on stripe-mock', () => {
  it('creates a payment-mode session the API accepts, keyed by the payment id, and answers its page', async () => {
    const client = createClient();
    const requests: Stripe.RequestEvent[] = [];
    client.on('request', (event: Stripe.RequestEvent) => requests.push(event));
    const responses: Stripe.ResponseEvent[] = [];
    client.on('response', (event: Stripe.ResponseEvent) => responses.push(event));
    const provider = createStripePaymentProvider(client, { webhookSecret });
    const input = checkoutInput();

    const session = await provider.openCheckout?.(input);
    expect(session).toEqual({ providerReference: expect.stringMatching(/^cs_/), url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//) });
    expect(requests.map((request) => [request.method, request.path, request.idempotency_key])).toEqual([['POST', '/v1/checkout/sessions', checkoutIdempotencyKey(input.paymentId)]]);
    expect(responses.map((response) => response.status)).toEqual([200]);
    // stripe-mock echoes these of what it was sent
    const echoed = await client.checkout.sessions.create(
      { mode: 'payment', client_reference_id: input.orderId, success_url: input.successUrl, cancel_url: input.cancelUrl, line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 1, product_data: { name: 'x' } } }] },
    );
    expect(echoed).toMatchObject({ mode: 'payment', client_reference_id: input.orderId, success_url: input.successUrl, cancel_url: input.cancelUrl });
  });

  it('is checked by stripe-mock: a session parameter the API does not know is refused', async () => {
    await expect(createClient().checkout.sessions.create({ mode: 'payment', not_a_parameter: true } as never)).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
  });

  it('turns an unreachable API into a retriable error', async () => {
    const provider = createStripePaymentProvider(createClient('http://127.0.0.1:9'), { webhookSecret });
    const error = await provider.openCheckout?.(checkoutInput()).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaymentProviderUnavailableError);
  });
});
