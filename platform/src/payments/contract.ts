/**
 * The PaymentProvider contract (DESIGN §4.10): the same tests for every adapter.
 *
 * Honest about stripe-mock: it validates each request against Stripe's OpenAPI spec but answers
 * with canned objects and keeps no state (a PaymentIntent comes back `requires_payment_method`
 * whatever the card, a repeat gets a new id, any refund "succeeds"). An adapter under test that
 * answers from canned responses says `stateful: false`, and the tests that need a provider with
 * state (test-card outcomes, idempotent repeats, refund bounds) are skipped for it, saying so;
 * what runs is what both can show: requests accepted, responses mapped into the port's types,
 * money checked before any call, and webhook signatures.
 */
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../errors';
import type { CreatePaymentInput, PaymentOutcome, PaymentProvider, RefundOutcome, WebhookHeaders } from './port';
import { WebhookSignatureError } from './port';

/** What a signed delivery says: a payment of ours succeeded. */
export interface PaymentSucceededNotice {
  eventId: string;
  paymentId: string;
  providerReference: string;
  amount: number;
  currency: string;
}

export interface PaymentProviderUnderTest {
  provider: PaymentProvider;
  /** false when the provider answers from canned responses (stripe-mock). */
  stateful: boolean;
  /** A delivery of the notice in the provider's own format, signed with its webhook secret (or `secret`) at `timestampSeconds` (default now). */
  signWebhook(notice: PaymentSucceededNotice, options?: { secret?: string; timestampSeconds?: number }): { rawBody: Buffer; headers: WebhookHeaders };
}

/** Stripe's test PaymentMethod ids; the sandbox knows them as well as the card numbers. */
const cards = { succeeds: 'pm_card_visa', declined: 'pm_card_visa_chargeDeclined' };

export const createTestPaymentInput = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  paymentId: `pay-${randomUUID()}`,
  orderId: `order-${randomUUID()}`,
  amount: 4200,
  currency: 'EUR',
  customerReference: `user-${randomUUID()}`,
  paymentMethod: { type: 'card', token: cards.succeeds },
  returnUrl: 'http://127.0.0.1:8080/api/payments/return',
  ...overrides,
});

const outcomeStatuses: Array<PaymentOutcome['status']> = ['succeeded', 'declined', 'requires_action', 'processing'];
const refundStatuses: Array<RefundOutcome['status']> = ['succeeded', 'pending', 'failed'];
const referenceOf = (outcome: PaymentOutcome): string => {
  if (outcome.providerReference === null) throw new Error(`no provider reference in ${JSON.stringify(outcome)}`);
  return outcome.providerReference;
};

export function paymentProviderContract(name: string, factory: () => PaymentProviderUnderTest): void {
  describe(`PaymentProvider contract: ${name}`, () => {
    const underTest = factory();
    const { provider } = underTest;
    const itStateful = underTest.stateful ? it : it.skip;
    if (!underTest.stateful) console.warn(`${name}: canned responses, the stateful PaymentProvider contract tests are skipped`);

    it('creates a payment and answers an outcome of the port with the provider reference', async () => {
      const outcome = await provider.createPayment(createTestPaymentInput());
      expect(outcomeStatuses).toContain(outcome.status);
      expect(referenceOf(outcome)).toEqual(expect.any(String));
    });

    itStateful('captures the whole amount with the succeeding test card', async () => {
      const outcome = await provider.createPayment(createTestPaymentInput({ amount: 1999, currency: 'USD' }));
      expect(outcome).toEqual({ status: 'succeeded', providerReference: expect.any(String), amount: 1999, currency: 'USD' });
    });

    itStateful('answers a decline as an outcome, not an error', async () => {
      const outcome = await provider.createPayment(createTestPaymentInput({ paymentMethod: { type: 'card', token: cards.declined } }));
      expect(outcome).toMatchObject({ status: 'declined', code: 'card_declined', message: expect.any(String) });
    });

    itStateful('answers a repeated payment id with the first outcome', async () => {
      const input = createTestPaymentInput();
      const first = await provider.createPayment(input);
      expect(await provider.createPayment(input)).toEqual(first);
    });

    it('refunds part of a capture', async () => {
      const payment = createTestPaymentInput();
      const providerReference = referenceOf(await provider.createPayment(payment));
      const outcome = await provider.refund({ refundId: `refund-${randomUUID()}`, paymentId: payment.paymentId, providerReference, amount: 1000, currency: payment.currency });
      expect(refundStatuses).toContain(outcome.status);
      if (underTest.stateful) expect(outcome).toEqual({ status: 'succeeded', providerRefundReference: expect.any(String), amount: 1000, currency: 'EUR' });
    });

    itStateful('never refunds more than the capture, and repeats a refund id with its first outcome', async () => {
      const payment = createTestPaymentInput({ amount: 3000 });
      const providerReference = referenceOf(await provider.createPayment(payment));
      const refund = (refundId: string, amount: number) => provider.refund({ refundId: `${payment.paymentId}-${refundId}`, paymentId: payment.paymentId, providerReference, amount, currency: 'EUR' });
      const first = await refund('refund-a', 2000);
      expect(first.status).toBe('succeeded');
      expect(await refund('refund-a', 2000)).toEqual(first);
      expect(await refund('refund-b', 1001)).toMatchObject({ status: 'failed', code: expect.stringMatching(/amount_too_large|exceeds/) });
      expect(await refund('refund-c', 1000)).toMatchObject({ status: 'succeeded', amount: 1000 });
    });

    it.each([
      ['a fractional amount', { amount: 10.5 }],
      ['a zero amount', { amount: 0 }],
      ['a lower-case currency', { currency: 'eur' }],
    ])('refuses %s before calling the provider', async (_label, overrides) => {
      await expect(provider.createPayment(createTestPaymentInput(overrides))).rejects.toBeInstanceOf(ValidationError);
    });

    const itHosted = provider.openCheckout ? it : it.skip;
    itHosted('opens a hosted checkout: a session reference and the https page the customer goes to; bad money is refused before any call', async () => {
      const payment = createTestPaymentInput();
      const checkout = {
        paymentId: payment.paymentId, orderId: payment.orderId, amount: payment.amount, currency: payment.currency, customerReference: payment.customerReference,
        successUrl: `http://127.0.0.1:8080/orders/${payment.orderId}?checkout=success`, cancelUrl: `http://127.0.0.1:8080/orders/${payment.orderId}?checkout=cancelled`,
      };
      const session = await provider.openCheckout?.(checkout);
      expect(session).toEqual({ providerReference: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
      await expect(provider.openCheckout?.({ ...checkout, amount: 0 })).rejects.toBeInstanceOf(ValidationError);
    });

    describe('webhooks', () => {
      const notice = (): PaymentSucceededNotice => ({ eventId: `evt_${randomUUID().replace(/-/g, '')}`, paymentId: `pay-${randomUUID()}`, providerReference: 'pi_contract', amount: 4200, currency: 'EUR' });

      it('parses a correctly signed delivery into a normalized event', () => {
        const sent = notice();
        const { rawBody, headers } = underTest.signWebhook(sent);
        expect(provider.parseWebhook(rawBody, headers)).toMatchObject({
          id: sent.eventId,
          type: 'payment_succeeded',
          paymentId: sent.paymentId,
          providerReference: sent.providerReference,
          amount: 4200,
          currency: 'EUR',
        });
      });

      it('refuses a tampered body', () => {
        const { rawBody, headers } = underTest.signWebhook(notice());
        const tampered = Buffer.from(rawBody.toString('utf8').replace('4200', '4201'));
        expect(tampered.equals(rawBody)).toBe(false);
        expect(() => provider.parseWebhook(tampered, headers)).toThrow(WebhookSignatureError);
      });

      it('refuses a delivery signed with another secret', () => {
        const { rawBody, headers } = underTest.signWebhook(notice(), { secret: 'whsec_not_the_right_one' });
        expect(() => provider.parseWebhook(rawBody, headers)).toThrow(WebhookSignatureError);
      });

      it('refuses a delivery older than the tolerance', () => {
        const { rawBody, headers } = underTest.signWebhook(notice(), { timestampSeconds: Math.floor(Date.now() / 1000) - 3600 });
        expect(() => provider.parseWebhook(rawBody, headers)).toThrow(WebhookSignatureError);
      });

      it('refuses a delivery without a signature, as a 400', () => {
        const { rawBody } = underTest.signWebhook(notice());
        const error = (() => {
          try {
            provider.parseWebhook(rawBody, {});
          } catch (caught) {
            return caught;
          }
          return undefined;
        })();
        expect(error).toBeInstanceOf(WebhookSignatureError);
        expect(error).toMatchObject({ code: 'validation' });
      });
    });
  });
}
