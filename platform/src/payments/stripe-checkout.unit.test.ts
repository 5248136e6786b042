/**
 * Stripe Checkout without a server: the session's parameters, and its `checkout.session.*`
 * webhooks (signed by the SDK's `generateTestHeaderString`, verified by `constructEvent`)
 * normalized into our provider events.
 */
import Stripe from 'stripe';
import { checkoutIdempotencyKey, checkoutSessionParams } from './stripe-checkout';
import { WebhookSignatureError } from './port';
import { createStripePaymentProvider } from './stripe';
import { signStripeEvent, stripeCheckoutSession } from './stripe-testing';

const secret = 'whsec_checkout_unit';
const provider = createStripePaymentProvider(new Stripe('sk_test_unused'), { webhookSecret: secret });
const input = {
  paymentId: 'pay-1', orderId: 'order-1', amount: 4200, currency: 'EUR', customerReference: 'user-1',
  successUrl: 'https://shop.test/orders/order-1?checkout=success', cancelUrl: 'https://shop.test/orders/order-1?checkout=cancelled',
};

describe('stripe checkout sessions', () => {
  it("asks for a payment of the order's amount and currency, with our ids and the shop's order page to come back to", () => {
    expect(checkoutSessionParams(input)).toEqual({
      mode: 'payment',
      client_reference_id: 'order-1',
      metadata: { orderId: 'order-1', paymentId: 'pay-1', customerReference: 'user-1' },
      line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 4200, product_data: { name: 'Order order-1' } } }],
      // not `paymentId`: a decline on the Checkout page is not the payment's outcome (the customer may try another card there)
      payment_intent_data: { metadata: { orderId: 'order-1', checkoutPaymentId: 'pay-1' } },
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
    });
  });

  it("derives its idempotency key from the payment id, apart from the card path's key", () => {
    expect(checkoutIdempotencyKey('pay-1')).toBe('checkout-pay-1');
    expect(checkoutIdempotencyKey('pay-1')).not.toBe('pay-1');
  });

  it('refuses money that is not whole minor units before calling Stripe', async () => {
    await expect(provider.openCheckout?.({ ...input, amount: 10.5 })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('stripe checkout webhooks', () => {
  const parse = (type: string, session: Record<string, unknown>, id = 'evt_cs') => {
    const { rawBody, headers } = signStripeEvent({ id, type, object: session }, secret);
    return provider.parseWebhook(rawBody, headers);
  };

  it('reads a completed, paid session as our payment succeeded, with the PaymentIntent refunds are made against', () => {
    expect(parse('checkout.session.completed', stripeCheckoutSession('pay-1', { payment_intent: 'pi_123' }))).toEqual({
      id: 'evt_cs', occurredAt: expect.any(String), type: 'payment_succeeded', paymentId: 'pay-1', providerReference: 'pi_123', amount: 4200, currency: 'EUR',
    });
  });

  it('waits for the async result of a completed session not paid yet, then reads it', () => {
    expect(parse('checkout.session.completed', stripeCheckoutSession('pay-1', { payment_status: 'unpaid' }))).toMatchObject({ type: 'unhandled', providerType: 'checkout.session.completed' });
    expect(parse('checkout.session.async_payment_succeeded', stripeCheckoutSession('pay-1', { payment_intent: 'pi_9' }))).toMatchObject({ type: 'payment_succeeded', paymentId: 'pay-1', providerReference: 'pi_9' });
    expect(parse('checkout.session.async_payment_failed', stripeCheckoutSession('pay-1', { payment_status: 'unpaid' }))).toMatchObject({ type: 'payment_failed', paymentId: 'pay-1', failureCode: 'async_payment_failed' });
  });

  it('reads an expired session as our payment failed', () => {
    const expired = stripeCheckoutSession('pay-2', { status: 'expired', payment_status: 'unpaid', payment_intent: null });
    expect(parse('checkout.session.expired', expired)).toMatchObject({ type: 'payment_failed', paymentId: 'pay-2', providerReference: expired.id, failureCode: 'checkout_expired' });
  });

  it('acknowledges a session that is not ours without acting on it', () => {
    expect(parse('checkout.session.completed', stripeCheckoutSession('pay-3', { metadata: {} }))).toMatchObject({ type: 'unhandled' });
  });

  it('refuses a tampered delivery', () => {
    const { rawBody, headers } = signStripeEvent({ id: 'evt_t', type: 'checkout.session.completed', object: stripeCheckoutSession('pay-4') }, secret);
    const tampered = Buffer.from(rawBody.toString('utf8').replace('"amount_total": 4200', '"amount_total": 1'));
    expect(tampered.equals(rawBody)).toBe(false);
    expect(() => provider.parseWebhook(tampered, headers)).toThrow(WebhookSignatureError);
  });
});
