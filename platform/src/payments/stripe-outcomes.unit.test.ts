/**
 * How the Stripe adapter maps what the SDK returns or throws (real SDK error classes, a stubbed
 * client method): the answers stripe-mock cannot give, since it always returns one canned object.
 */
import Stripe from 'stripe';
import { createTestPaymentInput } from './contract';
import { PaymentIdempotencyError, PaymentProviderUnavailableError } from './port';
import { createStripePaymentProvider } from './stripe';
import { stripePaymentIntent } from './stripe-testing';

const providerAnswering = (answer: () => Promise<unknown>) => {
  const client = { paymentIntents: { create: jest.fn(answer) }, refunds: { create: jest.fn(answer) } };
  return { client, provider: createStripePaymentProvider(client as unknown as Stripe, { webhookSecret: 'whsec_x' }) };
};
const intent = (overrides: Record<string, unknown>) => async () => stripePaymentIntent(overrides);
const failing = (error: Error) => async () => {
  throw error;
};
const refundInput = { refundId: 'refund-1', paymentId: 'pay-1', providerReference: 'pi_1', amount: 500, currency: 'EUR' };

describe('stripe adapter outcomes', () => {
  it('sends a confirmed card PaymentIntent with our ids in metadata and the payment id as Idempotency-Key', async () => {
    const { client, provider } = providerAnswering(intent({ id: 'pi_1', status: 'succeeded', amount: 4200, amount_received: 4200 }));
    const input = createTestPaymentInput({ amount: 4200, currency: 'EUR' });
    expect(await provider.createPayment(input)).toEqual({ status: 'succeeded', providerReference: 'pi_1', amount: 4200, currency: 'EUR' });
    expect(client.paymentIntents.create).toHaveBeenCalledWith(
      expect.objectContaining({ amount: 4200, currency: 'eur', confirm: true, payment_method: 'pm_card_visa', return_url: input.returnUrl, metadata: { orderId: input.orderId, paymentId: input.paymentId, customerReference: input.customerReference } }),
      { idempotencyKey: input.paymentId },
    );
  });

  it.each([
    [{ status: 'requires_action', next_action: { type: 'redirect_to_url', redirect_to_url: { url: 'https://hooks.stripe.com/3ds', return_url: 'x' } } }, { status: 'requires_action', actionUrl: 'https://hooks.stripe.com/3ds' }],
    [{ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } }, { status: 'requires_action', actionUrl: null }],
    [{ status: 'processing' }, { status: 'processing' }],
    [{ status: 'requires_payment_method', last_payment_error: { code: 'card_declined', decline_code: 'do_not_honor', message: 'declined' } }, { status: 'declined', code: 'do_not_honor' }],
  ])('maps an intent %j', async (overrides, expected) => {
    const { provider } = providerAnswering(intent({ id: 'pi_2', ...overrides }));
    expect(await provider.createPayment(createTestPaymentInput())).toMatchObject({ providerReference: 'pi_2', ...expected });
  });

  it('answers a card error as a decline carrying the intent', async () => {
    const error = new Stripe.errors.StripeCardError({ message: 'Your card has insufficient funds.', code: 'card_declined', decline_code: 'insufficient_funds', payment_intent: stripePaymentIntent({ id: 'pi_3' }) as never });
    const { provider } = providerAnswering(failing(error));
    expect(await provider.createPayment(createTestPaymentInput())).toEqual({ status: 'declined', providerReference: 'pi_3', code: 'insufficient_funds', message: 'Your card has insufficient funds.' });
  });

  it.each([
    ['a connection error', new Stripe.errors.StripeConnectionError({ message: 'ECONNRESET' })],
    ['an API error', new Stripe.errors.StripeAPIError({ message: 'server error' })],
    ['a rate limit', new Stripe.errors.StripeRateLimitError({ message: 'slow down' })],
  ])('turns %s into a retriable error', async (_label, error) => {
    const { provider } = providerAnswering(failing(error));
    await expect(provider.createPayment(createTestPaymentInput())).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    await expect(provider.refund(refundInput)).rejects.toMatchObject({ retriable: true, code: 'unavailable' });
  });

  it('turns a reused idempotency key into a conflict, and rethrows what it does not know', async () => {
    await expect(providerAnswering(failing(new Stripe.errors.StripeIdempotencyError({ message: 'keys' }))).provider.createPayment(createTestPaymentInput())).rejects.toBeInstanceOf(PaymentIdempotencyError);
    const authentication = new Stripe.errors.StripeAuthenticationError({ message: 'bad key' });
    await expect(providerAnswering(failing(authentication)).provider.createPayment(createTestPaymentInput())).rejects.toBe(authentication);
  });

  it('answers a refused refund as a failed outcome, with our refund id as Idempotency-Key', async () => {
    const { client, provider } = providerAnswering(failing(new Stripe.errors.StripeInvalidRequestError({ message: 'Refund amount is greater than unrefunded amount', code: 'amount_too_large' })));
    expect(await provider.refund(refundInput)).toMatchObject({ status: 'failed', code: 'amount_too_large' });
    expect(client.refunds.create).toHaveBeenCalledWith({ payment_intent: 'pi_1', amount: 500, metadata: { paymentId: 'pay-1', refundId: 'refund-1' } }, { idempotencyKey: 'refund-1' });
  });

  it.each([
    ['succeeded', { status: 'succeeded', providerRefundReference: 're_1', amount: 500, currency: 'EUR' }],
    ['pending', { status: 'pending', providerRefundReference: 're_1' }],
    ['failed', { status: 'failed', providerRefundReference: 're_1', code: 'lost_or_stolen_card' }],
  ])('maps a %s refund', async (status, expected) => {
    const { provider } = providerAnswering(async () => ({ id: 're_1', object: 'refund', amount: 500, currency: 'eur', status, failure_reason: status === 'failed' ? 'lost_or_stolen_card' : null }));
    expect(await provider.refund(refundInput)).toMatchObject(expected);
  });
});
