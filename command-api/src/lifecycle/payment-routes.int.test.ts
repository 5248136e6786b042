import Stripe from 'stripe';
import { createSandboxPaymentProvider, createStripePaymentProvider, decodeConsistencyToken } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import { startTestApp, userIdOf } from './test-app.fixture';
import type { TestApp } from './test-app.fixture';

const customer: Principal = { sub: userIdOf(1), role: 'customer' };
const otherCustomer: Principal = { sub: userIdOf(2), role: 'customer' };
const admin: Principal = { sub: userIdOf(3), role: 'admin' };
const unknownId = '00000000-0000-4000-8000-0000000000ff';
const webhookSecret = 'whsec_lifecycle_test';

/** A Stripe delivery, signed with the SDK's own test-header helper. */
function signedStripeEvent(id: string, type: string, object: Record<string, unknown>, secret = webhookSecret): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } }, null, 2);
  return { body, headers: { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) } };
}

const paymentIntent = (paymentId: string, status: string, overrides: Record<string, unknown> = {}) => ({
  id: `pi_${paymentId.slice(0, 8)}`, object: 'payment_intent', amount: 1250, amount_received: status === 'succeeded' ? 1250 : 0, currency: 'eur', status,
  metadata: { paymentId, orderId: 'o' }, last_payment_error: null, cancellation_reason: null, ...overrides,
});

describe('payment routes', () => {
  describe('with the sandbox provider', () => {
    const sandbox = createSandboxPaymentProvider();
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ paymentProvider: sandbox });
    });
    afterAll(() => app.close());

    describe('POST /api/orders/:id/pay', () => {
      it('requests a payment of the order total for the caller, with a Location and a payment token', async () => {
        const orderId = await app.placeOrder(customer, { price: 700, quantity: 3 });
        await app.confirm(orderId);
        const answer = await app.call('POST', `/api/orders/${orderId}/pay`, customer, { paymentMethod: 'pm_card_visa' });
        expect(answer.status).toBe(202);
        const paymentId = String(answer.body.paymentId);
        expect(answer.body).toMatchObject({ id: paymentId, orderId, revision: 0 });
        expect(answer.headers.get('location')).toBe(`/api/payments/${paymentId}`);
        expect(decodeConsistencyToken(answer.headers.get('x-consistency-token') as string)).toMatchObject({ stream: `payment-${paymentId}`, revision: 0 });
        expect((await app.eventStore.readStream(`payment-${paymentId}`)).map(({ type, data }) => ({ type, data }))).toEqual([{
          type: 'PaymentRequested',
          data: { paymentId, orderId, customerId: customer.sub, amount: { amount: 2100, currency: 'EUR' }, provider: 'sandbox', methodReference: 'pm_card_visa', requestedAt: app.now().toISOString() },
        }]);
      });

      it("answers 404 for another customer's order, for an admin too, and for an unknown one; nothing is appended", async () => {
        const orderId = await app.placeOrder(customer);
        await app.confirm(orderId);
        const before = await app.eventStore.headPosition();
        for (const principal of [otherCustomer, admin]) expect((await app.call('POST', `/api/orders/${orderId}/pay`, principal, { paymentMethod: 'pm_card_visa' })).status).toBe(404);
        expect((await app.call('POST', `/api/orders/${unknownId}/pay`, customer, { paymentMethod: 'pm_card_visa' })).status).toBe(404);
        expect(await app.eventStore.headPosition()).toBe(before);
      });

      it('answers 401 without a caller', async () => {
        const answer = await app.call('POST', `/api/orders/${unknownId}/pay`, null, { paymentMethod: 'pm_card_visa' });
        expect(answer.status).toBe(401);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      });

      it.each([
        ['an unconfirmed order', async (orderId: string) => void orderId, 'a placed order cannot be paid'],
        ['a paid order', async (orderId: string) => void (await app.pay(orderId)), 'a paid order cannot be paid'],
        ['a cancelled order', async (orderId: string) => void (await app.call('POST', `/api/orders/${orderId}/cancel`, customer)), 'a cancelled order cannot be paid'],
      ])('refuses %s with 409 naming its state, appending nothing', async (_what, prepare, detail) => {
        const orderId = await app.placeOrder(customer);
        await prepare(orderId);
        const before = await app.eventStore.headPosition();
        const answer = await app.call('POST', `/api/orders/${orderId}/pay`, customer, { paymentMethod: 'pm_card_visa' });
        expect(answer.status).toBe(409);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(answer.body.detail).toBe(detail);
        expect(await app.eventStore.headPosition()).toBe(before);
      });

      it('refuses an order past its payment deadline, and one without a shipping address, with 409', async () => {
        const late = await app.placeOrder(customer);
        await app.confirm(late);
        const confirmedAt = app.now();
        app.setNow(new Date(confirmedAt.getTime() + 16 * 60_000));
        try {
          const answer = await app.call('POST', `/api/orders/${late}/pay`, customer, { paymentMethod: 'pm_card_visa' });
          expect(answer.status).toBe(409);
          expect(answer.body.detail).toMatch(/^the payment deadline of this order passed at /);
        } finally {
          app.setNow(confirmedAt);
        }
        const nowhere = await app.placeOrder(customer, { shippingAddress: null });
        await app.confirm(nowhere);
        const answer = await app.call('POST', `/api/orders/${nowhere}/pay`, customer, { paymentMethod: 'pm_card_visa' });
        expect(answer.status).toBe(409);
        expect(answer.body.detail).toBe('a confirmed order without a shipping address cannot be paid');
      });

      it.each([
        [{ paymentMethod: '4242424242424242' }, 'paymentMethod'],
        [{ paymentMethod: 'pm_' }, 'paymentMethod'],
        [{}, 'paymentMethod'],
        [{ paymentMethod: 'pm_card_visa', amount: 1 }, 'amount'],
      ])('refuses body %j with 400 naming %s (raw card numbers never enter)', async (body, field) => {
        const answer = await app.call('POST', `/api/orders/${unknownId}/pay`, customer, body);
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
      });
    });

    describe('the sandbox customer action', () => {
      /** A payment the sandbox answered requires_action for, as the payment actor records it. */
      const paymentWaitingForAction = async () => {
        const orderId = await app.placeOrder(customer);
        await app.confirm(orderId);
        const paymentId = String((await app.call('POST', `/api/orders/${orderId}/pay`, customer, { paymentMethod: 'pm_card_authenticationRequired' })).body.paymentId);
        const outcome = await sandbox.createPayment({ paymentId, orderId, amount: 1250, currency: 'EUR', customerReference: customer.sub, paymentMethod: { type: 'card', token: 'pm_card_authenticationRequired' }, returnUrl: 'http://shop.test/' });
        if (outcome.status !== 'requires_action' || !outcome.actionUrl) throw new Error(`expected requires_action, got ${outcome.status}`);
        await app.onPayment(paymentId, { type: 'RecordPaymentOutcome', data: { paymentId, at: app.now().toISOString(), outcome: 'requires_action', redirectUrl: `http://shop.test${outcome.actionUrl}`, providerPaymentId: outcome.providerReference } });
        return { paymentId, reference: outcome.providerReference, actionUrl: outcome.actionUrl };
      };

      it('serves a page posting to the action, publicly', async () => {
        const { actionUrl } = await paymentWaitingForAction();
        const page = await app.call('GET', actionUrl, null);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toContain('text/html');
        expect(page.text).toContain(`action="${actionUrl}?outcome=succeeded"`);
        expect(page.text).toContain(`action="${actionUrl}?outcome=failed"`);
      });

      it('records a completed action as the capture, once, and a later failure changes nothing', async () => {
        const { paymentId, actionUrl } = await paymentWaitingForAction();
        const first = await app.call('POST', actionUrl, null, { outcome: 'succeeded' });
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({ received: true, applied: true });
        // The page's form: no body, the outcome in the query.
        expect((await app.call('POST', `${actionUrl}?outcome=succeeded`, null)).body).toMatchObject({ applied: false });
        expect((await app.call('POST', actionUrl, null, { outcome: 'failed' })).body).toMatchObject({ applied: false });
        expect(await app.streamTypes(`payment-${paymentId}`)).toEqual(['PaymentRequested', 'PaymentActionRequired', 'PaymentCaptured']);
      });

      it('records a failed action as a decline', async () => {
        const { paymentId, actionUrl } = await paymentWaitingForAction();
        expect((await app.call('POST', `${actionUrl}?outcome=failed`, null)).status).toBe(200);
        expect((await app.eventStore.readStream(`payment-${paymentId}`)).at(-1)).toMatchObject({ type: 'PaymentDeclined', data: { code: 'payment_intent_authentication_failure' } });
      });

      it('answers 404 for a reference the sandbox did not issue, and 400 without an outcome', async () => {
        const before = await app.eventStore.headPosition();
        expect((await app.call('GET', '/api/payments/sandbox/actions/pi_sbx.forged.abc', null)).status).toBe(404);
        expect((await app.call('POST', '/api/payments/sandbox/actions/pi_sbx.forged.abc', null, { outcome: 'succeeded' })).status).toBe(404);
        const { actionUrl } = await paymentWaitingForAction();
        const missing = await app.call('POST', actionUrl, null);
        expect(missing.status).toBe(400);
        expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
        expect((await app.eventStore.readAll({ after: before })).map((event) => event.type)).not.toContain('PaymentCaptured');
      });
    });

    describe('POST /api/admin/payments/:id/refund', () => {
      const capturedPayment = async (price = 1000) => {
        const orderId = await app.placeOrder(customer, { price });
        await app.confirm(orderId);
        return app.capture(orderId);
      };

      it('refunds a part, then by default all that is left, then refuses more with 409', async () => {
        const paymentId = await capturedPayment(1000);
        const partial = await app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { amount: { amount: 300, currency: 'EUR' }, reason: 'scratched' });
        expect(partial.status).toBe(202);
        expect(partial.body).toMatchObject({ paymentId, refundId: expect.any(String) });
        const rest = await app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { reason: 'goodwill' });
        expect(rest.status).toBe(202);
        const requested = (await app.eventStore.readStream(`payment-${paymentId}`)).filter((event) => event.type === 'PaymentRefundRequested');
        expect(requested.map((event) => event.data)).toEqual([
          expect.objectContaining({ refundId: partial.body.refundId, amount: { amount: 300, currency: 'EUR' }, reason: 'scratched' }),
          expect.objectContaining({ refundId: rest.body.refundId, amount: { amount: 700, currency: 'EUR' }, reason: 'goodwill' }),
        ]);
        const before = await app.eventStore.headPosition();
        const more = await app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { amount: { amount: 1, currency: 'EUR' }, reason: 'again' });
        expect(more.status).toBe(409);
        expect(more.body.detail).toBe('a refund of 1 exceeds the 0 left to refund');
        expect((await app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { reason: 'again' })).body.detail).toBe('a captured payment refunded in full has nothing left to refund');
        expect(await app.eventStore.headPosition()).toBe(before);
      });

      it('refuses a payment not captured with 409 naming its state, and an unknown one with 404', async () => {
        const orderId = await app.placeOrder(customer);
        await app.confirm(orderId);
        const paymentId = String((await app.call('POST', `/api/orders/${orderId}/pay`, customer, { paymentMethod: 'pm_card_visa' })).body.paymentId);
        const answer = await app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { reason: 'why not' });
        expect(answer.status).toBe(409);
        expect(answer.body.detail).toBe('a requested payment cannot be refunded');
        expect(await app.streamTypes(`payment-${paymentId}`)).toEqual(['PaymentRequested']);
        expect((await app.call('POST', `/api/admin/payments/${unknownId}/refund`, admin, { reason: 'why not' })).status).toBe(404);
      });

      it('is for admins only: 403 for a customer (even the payer), 401 anonymous', async () => {
        const paymentId = await capturedPayment();
        const before = await app.eventStore.headPosition();
        for (const principal of [customer, otherCustomer]) {
          const answer = await app.call('POST', `/api/admin/payments/${paymentId}/refund`, principal, { reason: 'mine' });
          expect(answer.status).toBe(403);
          expect(answer.headers.get('content-type')).toContain('application/problem+json');
        }
        expect((await app.call('POST', `/api/admin/payments/${paymentId}/refund`, null, { reason: 'mine' })).status).toBe(401);
        expect(await app.eventStore.headPosition()).toBe(before);
      });

      it('never refunds more than the capture under 20 concurrent requests', async () => {
        const paymentId = await capturedPayment(1000);
        const answers = await Promise.all(Array.from({ length: 20 }, () => app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { amount: { amount: 150, currency: 'EUR' }, reason: 'concurrent' })));
        const statuses = answers.map((answer) => answer.status);
        expect(statuses.every((status) => status === 202 || status === 409)).toBe(true);
        const requested = (await app.eventStore.readStream(`payment-${paymentId}`)).filter((event) => event.type === 'PaymentRefundRequested');
        const sum = requested.reduce((total, event) => total + (event.data as { amount: { amount: number } }).amount.amount, 0);
        expect(sum).toBeLessThanOrEqual(1000);
        expect(requested).toHaveLength(statuses.filter((status) => status === 202).length);
        expect(requested.length).toBeGreaterThanOrEqual(1);
      });

      it('refunds "all that is left" exactly once under 20 concurrent requests', async () => {
        const paymentId = await capturedPayment(1000);
        const answers = await Promise.all(Array.from({ length: 20 }, () => app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { reason: 'all of it' })));
        expect(answers.filter((answer) => answer.status === 202)).toHaveLength(1);
        expect(answers.every((answer) => answer.status === 202 || answer.status === 409)).toBe(true);
        const requested = (await app.eventStore.readStream(`payment-${paymentId}`)).filter((event) => event.type === 'PaymentRefundRequested');
        expect(requested.map((event) => event.data)).toEqual([expect.objectContaining({ amount: { amount: 1000, currency: 'EUR' } })]);
      });
    });

    it('refuses a Stripe delivery with 400 when the sandbox is the provider (it verifies no Stripe signature)', async () => {
      const { body, headers } = signedStripeEvent('evt_x', 'payment_intent.succeeded', paymentIntent(unknownId, 'succeeded'));
      const before = await app.eventStore.headPosition();
      const answer = await app.call('POST', '/api/payments/webhooks/stripe', null, body, headers);
      expect(answer.status).toBe(400);
      expect(await app.eventStore.headPosition()).toBe(before);
    });
  });

  describe('POST /api/payments/webhooks/stripe', () => {
    let app: TestApp;
    beforeAll(async () => {
      // No request is made to Stripe: the client only verifies signatures here.
      app = await startTestApp({ paymentProvider: createStripePaymentProvider(new Stripe('sk_test_unused'), { webhookSecret }) });
    });
    afterAll(() => app.close());

    const requestedPayment = async () => {
      const orderId = await app.placeOrder(customer, { price: 1250 });
      await app.confirm(orderId);
      const answer = await app.call('POST', `/api/orders/${orderId}/pay`, customer, { paymentMethod: 'pm_card_visa' });
      expect(answer.status).toBe(202);
      return String(answer.body.paymentId);
    };
    const deliver = (delivery: { body: string; headers: Record<string, string> }) => app.call('POST', '/api/payments/webhooks/stripe', null, delivery.body, delivery.headers);

    it('records a signed payment_intent.succeeded once: the same delivery again, and a payment_failed after it, change nothing', async () => {
      const paymentId = await requestedPayment();
      const succeeded = signedStripeEvent('evt_ok_1', 'payment_intent.succeeded', paymentIntent(paymentId, 'succeeded'));
      const first = await deliver(succeeded);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ received: true, eventId: 'evt_ok_1', applied: true });
      expect((await app.eventStore.readStream(`payment-${paymentId}`)).at(-1)).toMatchObject({ type: 'PaymentCaptured', data: { paymentId, amount: { amount: 1250, currency: 'EUR' }, providerPaymentId: `pi_${paymentId.slice(0, 8)}` } });
      const head = await app.eventStore.headPosition();

      expect((await deliver(succeeded)).body).toEqual({ received: true, eventId: 'evt_ok_1', applied: false });
      const failed = signedStripeEvent('evt_fail_1', 'payment_intent.payment_failed', paymentIntent(paymentId, 'requires_payment_method', { last_payment_error: { type: 'card_error', code: 'card_declined', message: 'declined' } }));
      expect((await deliver(failed)).body).toMatchObject({ applied: false });
      expect(await app.eventStore.headPosition()).toBe(head);
      expect(await app.streamTypes(`payment-${paymentId}`)).toEqual(['PaymentRequested', 'PaymentCaptured']);
    });

    it('records a failure, and a later success (the customer retried at the provider) captures', async () => {
      const paymentId = await requestedPayment();
      const failed = signedStripeEvent('evt_fail_2', 'payment_intent.payment_failed', paymentIntent(paymentId, 'requires_payment_method', { last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'no funds' } }));
      expect((await deliver(failed)).body).toMatchObject({ applied: true });
      expect((await app.eventStore.readStream(`payment-${paymentId}`)).at(-1)).toMatchObject({ type: 'PaymentDeclined', data: { code: 'insufficient_funds', message: 'no funds' } });
      expect((await deliver(signedStripeEvent('evt_ok_2', 'payment_intent.succeeded', paymentIntent(paymentId, 'succeeded')))).body).toMatchObject({ applied: true });
      expect(await app.streamTypes(`payment-${paymentId}`)).toEqual(['PaymentRequested', 'PaymentDeclined', 'PaymentCaptured']);
    });

    it('records refund outcomes by our refund id, once', async () => {
      const paymentId = await requestedPayment();
      await deliver(signedStripeEvent('evt_ok_3', 'payment_intent.succeeded', paymentIntent(paymentId, 'succeeded')));
      const refund = await app.call('POST', `/api/admin/payments/${paymentId}/refund`, admin, { amount: { amount: 250, currency: 'EUR' }, reason: 'late' });
      const refundId = String(refund.body.refundId);
      const refunded = signedStripeEvent('evt_re_1', 'refund.updated', { id: 're_1', object: 'refund', amount: 250, currency: 'eur', payment_intent: `pi_${paymentId.slice(0, 8)}`, status: 'succeeded', failure_reason: null, metadata: { paymentId, refundId } });
      expect((await deliver(refunded)).body).toMatchObject({ applied: true });
      expect((await deliver(refunded)).body).toMatchObject({ applied: false });
      expect((await app.eventStore.readStream(`payment-${paymentId}`)).at(-1)).toMatchObject({ type: 'PaymentRefundSucceeded', data: { refundId, amount: { amount: 250, currency: 'EUR' }, providerRefundId: 're_1' } });
    });

    it('acknowledges events about payments that are not ours, and event types it does not act on, recording nothing', async () => {
      const before = await app.eventStore.headPosition();
      expect((await deliver(signedStripeEvent('evt_foreign', 'payment_intent.succeeded', paymentIntent(unknownId, 'succeeded')))).body).toEqual({ received: true, eventId: 'evt_foreign', applied: false });
      expect((await deliver(signedStripeEvent('evt_charge', 'charge.refunded', { id: 'ch_1', object: 'charge' }))).body).toEqual({ received: true, eventId: 'evt_charge', applied: false });
      expect(await app.eventStore.headPosition()).toBe(before);
    });

    it('refuses a bad signature, a tampered body and a missing header with 400 problem+json, appending nothing', async () => {
      const paymentId = await requestedPayment();
      const before = await app.eventStore.headPosition();
      const wrongSecret = signedStripeEvent('evt_bad_1', 'payment_intent.succeeded', paymentIntent(paymentId, 'succeeded'), 'whsec_someone_else');
      const good = signedStripeEvent('evt_bad_2', 'payment_intent.succeeded', paymentIntent(paymentId, 'succeeded'));
      for (const delivery of [wrongSecret, { body: good.body.replace('"amount": 1250', '"amount": 1'), headers: good.headers }, { body: good.body, headers: {} }]) {
        const answer = await deliver(delivery);
        expect(answer.status).toBe(400);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'headers.stripe-signature' })]);
      }
      expect(await app.eventStore.headPosition()).toBe(before);
      expect(await app.streamTypes(`payment-${paymentId}`)).toEqual(['PaymentRequested']);
    });

    it('serves no sandbox action page when Stripe is the provider', async () => {
      expect((await app.call('GET', '/api/payments/sandbox/actions/pi_sbx.a.b', null)).status).toBe(404);
      expect((await app.call('POST', '/api/payments/sandbox/actions/pi_sbx.a.b', null, { outcome: 'succeeded' })).status).toBe(404);
    });
  });
});
