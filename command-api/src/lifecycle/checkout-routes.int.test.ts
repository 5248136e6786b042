/**
 * Hosted checkout through the command API (Stripe Checkout): which pay step the shop offers, the
 * pay route that waits for the session's page, and the `checkout.session.*` webhooks, signed with
 * the SDK's `generateTestHeaderString`, recorded once. The payment actor is not running here: the
 * test appends what it would (PaymentActionRequired with the session's URL) with the payment decider.
 */
import Stripe from 'stripe';
import { createSandboxPaymentProvider, createStripePaymentProvider } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import { createPaymentCommands } from './payments';
import { startTestApp, userIdOf } from './test-app.fixture';
import type { TestApp } from './test-app.fixture';

const customer: Principal = { sub: userIdOf(11), role: 'customer' };
const webhookSecret = 'whsec_checkout_routes';

function signedCheckoutEvent(id: string, type: string, session: Record<string, unknown>, secret = webhookSecret): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object: session } }, null, 2);
  return { body, headers: { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) } };
}

const checkoutSession = (paymentId: string, overrides: Record<string, unknown> = {}) => ({
  id: `cs_test_${paymentId.slice(0, 8)}`, object: 'checkout.session', mode: 'payment', status: 'complete', payment_status: 'paid', amount_total: 1250, currency: 'eur',
  payment_intent: `pi_${paymentId.slice(0, 8)}`, client_reference_id: 'order', metadata: { paymentId, orderId: 'order' }, ...overrides,
});

describe('hosted checkout routes', () => {
  describe('with the sandbox provider', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ paymentProvider: createSandboxPaymentProvider() });
    });
    afterAll(() => app.close());

    it('offers its card form, publicly', async () => {
      const answer = await app.call('GET', '/api/checkout/payment', null);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ provider: 'sandbox', checkout: 'card_form' });
    });

    it('refuses a payment without a card with 400 naming paymentMethod, appending nothing', async () => {
      const orderId = await app.placeOrder(customer, { price: 1250 });
      await app.confirm(orderId);
      const before = await app.eventStore.headPosition();
      const answer = await app.call('POST', `/api/orders/${orderId}/pay`, customer, {});
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'paymentMethod' })]);
      expect(await app.eventStore.headPosition()).toBe(before);
    });
  });

  describe('with Stripe', () => {
    let app: TestApp;
    beforeAll(async () => {
      // No request is made to Stripe here: the actor (not running) opens sessions; the client only verifies signatures.
      app = await startTestApp({ paymentProvider: createStripePaymentProvider(new Stripe('sk_test_unused'), { webhookSecret }) });
    });
    afterAll(() => app.close());

    /** The payment actor's part: the session's page recorded on the payment once it is requested. */
    const actorOpensSession = async (orderId: string, url: string): Promise<string> => {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const requested = (await app.eventStore.readAll()).find((event) => event.type === 'PaymentRequested' && (event.data as { orderId: string }).orderId === orderId);
        if (requested) {
          const { paymentId } = requested.data as { paymentId: string };
          await app.onPayment(paymentId, { type: 'RecordPaymentOutcome', data: { paymentId, at: app.now().toISOString(), outcome: 'requires_action', redirectUrl: url, providerPaymentId: `cs_test_${paymentId.slice(0, 8)}` } });
          return paymentId;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('no payment was requested');
    };

    const payByCheckout = async () => {
      const orderId = await app.placeOrder(customer, { price: 1250 });
      await app.confirm(orderId);
      const url = `https://checkout.stripe.com/c/pay/cs_test_${orderId.slice(0, 8)}`;
      const [answer, paymentId] = await Promise.all([app.call('POST', `/api/orders/${orderId}/pay`, customer, {}), actorOpensSession(orderId, url)]);
      return { answer, paymentId, url, orderId };
    };
    const deliver = (delivery: { body: string; headers: Record<string, string> }) => app.call('POST', '/api/payments/webhooks/stripe', null, delivery.body, delivery.headers);

    it('offers its hosted checkout', async () => {
      expect((await app.call('GET', '/api/checkout/payment', null)).body).toEqual({ provider: 'stripe', checkout: 'hosted' });
    });

    it("requests a hosted-checkout payment and answers the session's page once the actor recorded it", async () => {
      const { answer, paymentId, url, orderId } = await payByCheckout();
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ paymentId, orderId, redirectUrl: url });
      const [requested] = await app.eventStore.readStream(`payment-${paymentId}`);
      expect(requested).toMatchObject({ type: 'PaymentRequested', data: { methodReference: 'hosted_checkout', provider: 'stripe', amount: { amount: 1250, currency: 'EUR' } } });
    });

    it('answers without a page when the actor has not opened the session within the wait; the payment stays requested', async () => {
      const orderId = await app.placeOrder(customer, { price: 1250 });
      await app.confirm(orderId);
      const payments = createPaymentCommands({ eventStore: app.eventStore, clock: () => app.now() }, createStripePaymentProvider(new Stripe('sk_test_unused'), { webhookSecret }), { checkoutWaitMs: 300 });
      const started = Date.now();
      const answer = await payments.pay(customer, orderId, undefined);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(answer).toMatchObject({ orderId, redirectUrl: null });
      expect(await app.streamTypes(`payment-${answer.id}`)).toEqual(['PaymentRequested']);
    });

    it('records a completed session as the capture with its PaymentIntent, once, however often it is delivered', async () => {
      const { paymentId } = await payByCheckout();
      const completed = signedCheckoutEvent(`evt_cs_${paymentId.slice(0, 8)}`, 'checkout.session.completed', checkoutSession(paymentId));
      expect((await deliver(completed)).body).toMatchObject({ received: true, applied: true });
      const head = await app.eventStore.headPosition();
      for (let redelivery = 0; redelivery < 3; redelivery += 1) expect((await deliver(completed)).body).toMatchObject({ applied: false });
      expect(await app.eventStore.headPosition()).toBe(head);
      expect(await app.streamTypes(`payment-${paymentId}`)).toEqual(['PaymentRequested', 'PaymentActionRequired', 'PaymentCaptured']);
      expect((await app.eventStore.readStream(`payment-${paymentId}`)).at(-1)).toMatchObject({ data: { providerPaymentId: `pi_${paymentId.slice(0, 8)}`, amount: { amount: 1250, currency: 'EUR' } } });
      // refunds go to the PaymentIntent: the payment is captured and refundable
      const admin: Principal = { sub: userIdOf(12), role: 'admin' };
      expect((await app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { reason: 'changed mind' })).status).toBe(202);
    });

    it('records an expired session as a decline', async () => {
      const { paymentId } = await payByCheckout();
      const expired = signedCheckoutEvent(`evt_exp_${paymentId.slice(0, 8)}`, 'checkout.session.expired', checkoutSession(paymentId, { status: 'expired', payment_status: 'unpaid', payment_intent: null }));
      expect((await deliver(expired)).body).toMatchObject({ applied: true });
      expect((await app.eventStore.readStream(`payment-${paymentId}`)).at(-1)).toMatchObject({ type: 'PaymentDeclined', data: { code: 'checkout_expired' } });
    });

    it('refuses a tampered completion with 400, appending nothing', async () => {
      const { paymentId } = await payByCheckout();
      const good = signedCheckoutEvent(`evt_tamper_${paymentId.slice(0, 8)}`, 'checkout.session.completed', checkoutSession(paymentId));
      const before = await app.eventStore.headPosition();
      const answer = await deliver({ body: good.body.replace('"amount_total": 1250', '"amount_total": 1'), headers: good.headers });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(await app.eventStore.headPosition()).toBe(before);
      expect(await app.streamTypes(`payment-${paymentId}`)).toEqual(['PaymentRequested', 'PaymentActionRequired']);
    });
  });
});
