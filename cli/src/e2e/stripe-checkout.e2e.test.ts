/**
 * The shop with Stripe as its payment provider, through HTTP, the whole platform in this process
 * and the Stripe adapter pointed at stripe-mock: the customer's order is confirmed by the
 * processors, the pay answer carries Stripe Checkout's page (the payment actor opened the session
 * on stripe-mock), a signed `checkout.session.completed` moves the order to paid, and a refund
 * goes to the PaymentIntent that webhook named.
 */
import Stripe from 'stripe';
import { newProduct, registerCustomer, startTestPlatform } from './harness';
import type { TestPlatform } from './harness';
import { rowAddress } from './lifecycle-steps.fixture';
import { waitUntil } from './processes';

jest.setTimeout(90_000);

const stripeMockUrl = process.env.STRIPE_MOCK_URL;
const describeWithStripeMock = stripeMockUrl ? describe : describe.skip;
if (!stripeMockUrl) console.log('stripe checkout e2e skipped: set STRIPE_MOCK_URL to run it (scripts/infra/stripe-mock.sh start)');

const webhookSecret = 'whsec_checkout_e2e';

function signedCompletion(paymentId: string, orderId: string, amount: number): { rawBody: string; headers: Record<string, string> } {
  const session = {
    id: `cs_test_${paymentId.replace(/-/g, '').slice(0, 20)}`, object: 'checkout.session', mode: 'payment', status: 'complete', payment_status: 'paid',
    amount_total: amount, currency: 'eur', client_reference_id: orderId, payment_intent: `pi_${paymentId.replace(/-/g, '').slice(0, 20)}`, metadata: { orderId, paymentId },
  };
  const rawBody = JSON.stringify({ id: `evt_${paymentId.replace(/-/g, '')}`, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: 'checkout.session.completed', data: { object: session } });
  return { rawBody, headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret: webhookSecret }) } };
}

describeWithStripeMock('paying with Stripe Checkout (stripe-mock)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({
      env: { PAYMENT_PROVIDER: 'stripe', STRIPE_API_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_BASE: stripeMockUrl as string, PUBLIC_URL: 'http://shop.test:8080' },
    });
  });
  afterAll(() => platform?.close());

  it('tells the web shop to use the hosted checkout', async () => {
    const answer = await platform.request('GET', '/api/checkout/payment', { anonymous: true });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ provider: 'stripe', checkout: 'hosted' });
  });

  it('answers the checkout page on pay; the signed completion moves the order to paid; the refund goes to its PaymentIntent', async () => {
    const { token } = await registerCustomer(platform, 'Checkout Customer');
    const product = await platform.request('POST', '/api/products', { body: newProduct({ initialStock: 10, price: { amount: 2599, currency: 'EUR' } }) });
    expect(product.status).toBe(201);
    const placed = await platform.request('POST', '/api/orders', { token, body: { lines: [{ productId: String(product.body.id), quantity: 2 }], shippingAddress: rowAddress() } });
    expect(placed.status).toBe(202);
    const orderId = String(placed.body.orderId);
    const orderStatus = async () => String((await platform.request('GET', `/api/orders/${orderId}`, { token })).body.status);
    await waitUntil(async () => (await orderStatus()) === 'confirmed', 'the order confirmed', 30_000, 100);

    const paid = await platform.request('POST', `/api/orders/${orderId}/pay`, { token, body: {} });
    expect(paid.status).toBe(202);
    expect(paid.body.redirectUrl).toEqual(expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//));
    const paymentId = String(paid.body.paymentId);
    const payment = await platform.eventStore.readStream(`payment-${paymentId}`);
    expect(payment.map((event) => event.type)).toEqual(['PaymentRequested', 'PaymentActionRequired']);
    expect(payment[1]?.data).toMatchObject({ redirectUrl: paid.body.redirectUrl, providerPaymentId: expect.stringMatching(/^cs_/) });

    const completion = signedCompletion(paymentId, orderId, 5198);
    const received = await platform.request('POST', '/api/payments/webhooks/stripe', { anonymous: true, rawBody: completion.rawBody, headers: completion.headers });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ received: true, applied: true });
    expect((await platform.request('POST', '/api/payments/webhooks/stripe', { anonymous: true, rawBody: completion.rawBody, headers: completion.headers })).body).toMatchObject({ applied: false });
    await waitUntil(async () => (await orderStatus()) === 'paid', 'the order paid', 30_000, 100);

    const refund = await platform.request('POST', `/api/admin/payments/${paymentId}/refund`, { body: { amount: { amount: 1000, currency: 'EUR' }, reason: 'a damaged box' } });
    expect(refund.status).toBe(202);
    await waitUntil(async () => (await platform.eventStore.readStream(`payment-${paymentId}`)).some((event) => event.type === 'PaymentRefundSucceeded'), 'the refund at stripe-mock', 30_000, 100);
    const captured = (await platform.eventStore.readStream(`payment-${paymentId}`)).find((event) => event.type === 'PaymentCaptured');
    expect(captured?.data).toMatchObject({ providerPaymentId: `pi_${paymentId.replace(/-/g, '').slice(0, 20)}`, amount: { amount: 5198, currency: 'EUR' } });
  });
});
