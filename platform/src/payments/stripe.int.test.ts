/**
 * The Stripe adapter against stripe-mock (scripts/infra/stripe-mock.sh): real requests through the
 * official SDK, validated by stripe-mock against Stripe's OpenAPI spec. stripe-mock answers with
 * canned objects and keeps no state, so the contract runs with `stateful: false` (see contract.ts):
 * here we check what it can show — the requests are valid, carry our idempotency keys and
 * metadata, and the canned answers map into the port's types.
 */
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { createTestPaymentInput, paymentProviderContract } from './contract';
import { PaymentProviderUnavailableError } from './port';
import { createStripePaymentProvider } from './stripe';
import { createStripeClient } from './stripe-client';
import { signedPaymentSucceeded } from './stripe-testing';

const stripeMockUrl = process.env.STRIPE_MOCK_URL;
const describeWithStripeMock = stripeMockUrl ? describe : describe.skip;
if (!stripeMockUrl) console.warn('stripe adapter against stripe-mock skipped: set STRIPE_MOCK_URL to run it (scripts/infra/stripe-mock.sh start)');

const webhookSecret = 'whsec_stripe_mock_test';
const createClient = () => createStripeClient({ apiKey: 'sk_test_123', apiBase: stripeMockUrl ?? 'http://127.0.0.1:12111', maxNetworkRetries: 0, timeoutMs: 5000 });

/** The requests the SDK sent: method, path and Idempotency-Key. */
const recordRequests = (client: ReturnType<typeof createClient>) => {
  const requests: Stripe.RequestEvent[] = [];
  client.on('request', (event: Stripe.RequestEvent) => requests.push(event));
  return requests;
};

describeWithStripeMock('stripe payment provider on stripe-mock', () => {
  paymentProviderContract('stripe (stripe-mock)', () => ({
    provider: createStripePaymentProvider(createClient(), { webhookSecret }),
    stateful: false,
    signWebhook: (notice, options = {}) => signedPaymentSucceeded(notice, options.secret ?? webhookSecret, options.timestampSeconds),
  }));

  it('creates a confirmed PaymentIntent with our payment id as Idempotency-Key, the same key on a repeat', async () => {
    const client = createClient();
    const requests = recordRequests(client);
    const provider = createStripePaymentProvider(client, { webhookSecret });
    const input = createTestPaymentInput({ amount: 2500, currency: 'EUR' });
    const first = await provider.createPayment(input);
    const repeat = await provider.createPayment(input);
    // stripe-mock's canned intent: requires_payment_method, so a decline; a real Stripe repeat would return the first object.
    expect(first).toMatchObject({ status: 'declined', providerReference: expect.stringMatching(/^pi_/) });
    expect(repeat.status).toBe(first.status);
    expect(requests.map((request) => [request.method, request.path, request.idempotency_key])).toEqual([
      ['POST', '/v1/payment_intents', input.paymentId],
      ['POST', '/v1/payment_intents', input.paymentId],
    ]);
  });

  it('refunds with our refund id as Idempotency-Key', async () => {
    const client = createClient();
    const requests = recordRequests(client);
    const provider = createStripePaymentProvider(client, { webhookSecret });
    const refundId = `refund-${randomUUID()}`;
    const outcome = await provider.refund({ refundId, paymentId: 'pay-1', providerReference: 'pi_123', amount: 700, currency: 'EUR' });
    expect(outcome).toMatchObject({ status: 'succeeded', providerRefundReference: expect.stringMatching(/^re_/) });
    expect(requests.map((request) => [request.path, request.idempotency_key])).toEqual([['/v1/refunds', refundId]]);
  });

  it('is checked by stripe-mock: a parameter the API does not know is refused', async () => {
    const client = createClient();
    await expect(client.paymentIntents.create({ amount: 100, currency: 'eur', not_a_parameter: true } as never)).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
  });

  it('turns an unreachable API into a retriable error', async () => {
    const unreachable = createStripeClient({ apiKey: 'sk_test_123', apiBase: 'http://127.0.0.1:9', maxNetworkRetries: 0, timeoutMs: 2000 });
    const provider = createStripePaymentProvider(unreachable, { webhookSecret });
    const error = await provider.createPayment(createTestPaymentInput()).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaymentProviderUnavailableError);
    expect(error).toMatchObject({ retriable: true, code: 'unavailable' });
  });
});
