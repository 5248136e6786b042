/**
 * Stripe webhook verification and normalization: payloads signed by the SDK's
 * `webhooks.generateTestHeaderString`, verified by `webhooks.constructEvent`. No server needed.
 */
import Stripe from 'stripe';
import { ValidationError } from '../errors';
import { WebhookSignatureError } from './port';
import { createStripePaymentProvider } from './stripe';
import { signStripeEvent, signedPaymentSucceeded, stripePaymentIntent } from './stripe-testing';

const secret = 'whsec_test_secret';
// No request is made: the client only verifies signatures here.
const provider = createStripePaymentProvider(new Stripe('sk_test_unused'), { webhookSecret: secret });
const notice = { eventId: 'evt_1', paymentId: 'pay-1', providerReference: 'pi_1', amount: 4200, currency: 'EUR' };

const refundObject = (overrides: Record<string, unknown> = {}) => ({
  id: 're_1',
  object: 'refund',
  amount: 1500,
  currency: 'eur',
  payment_intent: 'pi_1',
  status: 'succeeded',
  failure_reason: null,
  metadata: { paymentId: 'pay-1', refundId: 'refund-1' },
  ...overrides,
});

describe('stripe webhooks', () => {
  it('verifies and normalizes payment_intent.succeeded', () => {
    const { rawBody, headers } = signedPaymentSucceeded(notice, secret);
    expect(provider.parseWebhook(rawBody, headers)).toEqual({
      id: 'evt_1',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      type: 'payment_succeeded',
      paymentId: 'pay-1',
      providerReference: 'pi_1',
      amount: 4200,
      currency: 'EUR',
    });
  });

  it('normalizes payment_intent.payment_failed with the decline code', () => {
    const object = stripePaymentIntent({ id: 'pi_2', status: 'requires_payment_method', amount_received: 0, metadata: { paymentId: 'pay-2' }, last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' } });
    const { rawBody, headers } = signStripeEvent({ id: 'evt_2', type: 'payment_intent.payment_failed', object }, secret);
    expect(provider.parseWebhook(rawBody, headers)).toMatchObject({ type: 'payment_failed', paymentId: 'pay-2', providerReference: 'pi_2', failureCode: 'insufficient_funds', amount: 4200 });
  });

  it.each([
    ['refund.created', 'succeeded', { type: 'refund_succeeded' }],
    ['refund.updated', 'succeeded', { type: 'refund_succeeded' }],
    ['refund.failed', 'failed', { type: 'refund_failed', failureCode: 'expired_or_canceled_card' }],
    ['refund.updated', 'pending', { type: 'unhandled', providerType: 'refund.updated:pending' }],
  ])('normalizes %s with status %s', (type, status, expected) => {
    const object = refundObject({ status, ...(status === 'failed' ? { failure_reason: 'expired_or_canceled_card' } : {}) });
    const { rawBody, headers } = signStripeEvent({ id: 'evt_r', type, object }, secret);
    const event = provider.parseWebhook(rawBody, headers);
    expect(event).toMatchObject(expected);
    if (event.type !== 'unhandled') expect(event).toMatchObject({ paymentId: 'pay-1', refundId: 'refund-1', providerReference: 'pi_1', providerRefundReference: 're_1', amount: 1500, currency: 'EUR' });
  });

  it('acknowledges, as unhandled, other event types and payments that are not ours', () => {
    const foreign = signStripeEvent({ id: 'evt_3', type: 'payment_intent.succeeded', object: stripePaymentIntent({ metadata: {} }) }, secret);
    expect(provider.parseWebhook(foreign.rawBody, foreign.headers)).toMatchObject({ id: 'evt_3', type: 'unhandled', providerType: 'payment_intent.succeeded' });
    const charge = signStripeEvent({ id: 'evt_4', type: 'charge.refunded', object: { id: 'ch_1', object: 'charge' } }, secret);
    expect(provider.parseWebhook(charge.rawBody, charge.headers)).toMatchObject({ type: 'unhandled', providerType: 'charge.refunded' });
  });

  describe('refuses, as a 400 that names the header', () => {
    const refused = (rawBody: Buffer, headers: Record<string, string | string[] | undefined>) => {
      try {
        provider.parseWebhook(rawBody, headers);
      } catch (error) {
        return error;
      }
      throw new Error('expected the delivery to be refused');
    };

    it('a tampered body', () => {
      const { rawBody, headers } = signedPaymentSucceeded(notice, secret);
      const tampered = Buffer.from(rawBody.toString('utf8').replace('"amount": 4200', '"amount": 1'));
      expect(tampered.equals(rawBody)).toBe(false);
      const error = refused(tampered, headers);
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error).toMatchObject({ code: 'validation', issues: [{ field: 'headers.stripe-signature' }] });
      expect((error as Error).message).not.toContain('\n');
    });

    it('a wrong secret', () => {
      const { rawBody, headers } = signedPaymentSucceeded(notice, 'whsec_other');
      expect(refused(rawBody, headers)).toBeInstanceOf(WebhookSignatureError);
    });

    it('a timestamp outside the tolerance', () => {
      const { rawBody, headers } = signedPaymentSucceeded(notice, secret, Math.floor(Date.now() / 1000) - 301);
      expect(refused(rawBody, headers)).toBeInstanceOf(WebhookSignatureError);
    });

    it('a missing or malformed header', () => {
      const { rawBody } = signedPaymentSucceeded(notice, secret);
      expect(refused(rawBody, {})).toBeInstanceOf(WebhookSignatureError);
      expect(refused(rawBody, { 'stripe-signature': 'nonsense' })).toBeInstanceOf(WebhookSignatureError);
    });

    it('never a body parsed before verification', () => {
      const { headers } = signedPaymentSucceeded(notice, secret);
      expect(refused(Buffer.from('{"id":"evt_forged"}'), headers)).toBeInstanceOf(ValidationError);
    });
  });

  it('accepts a delivery within the tolerance by the injected clock, and the first of several headers', () => {
    const sentAt = 1_800_000_000;
    const clocked = createStripePaymentProvider(new Stripe('sk_test_unused'), { webhookSecret: secret, webhookToleranceSeconds: 60, clock: () => new Date((sentAt + 60) * 1000) });
    const { rawBody, headers } = signedPaymentSucceeded(notice, secret, sentAt);
    expect(clocked.parseWebhook(rawBody, { 'stripe-signature': [headers['stripe-signature'] as string, 'other'] })).toMatchObject({ type: 'payment_succeeded' });
    const late = createStripePaymentProvider(new Stripe('sk_test_unused'), { webhookSecret: secret, webhookToleranceSeconds: 60, clock: () => new Date((sentAt + 61) * 1000) });
    expect(() => late.parseWebhook(rawBody, headers)).toThrow(WebhookSignatureError);
  });
});
