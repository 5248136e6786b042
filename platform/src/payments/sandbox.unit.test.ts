import { ValidationError } from '../errors';
import { createTestPaymentInput, paymentProviderContract } from './contract';
import type { CreatePaymentInput, PaymentEvent } from './port';
import { PaymentIdempotencyError, PaymentProviderUnavailableError, WebhookSignatureError } from './port';
import type { SandboxPaymentProviderOptions } from './sandbox';
import { createSandboxPaymentProvider } from './sandbox';
import { sandboxTestCards } from './sandbox-cards';

const createTestSandbox = (overrides: SandboxPaymentProviderOptions = {}) =>
  createSandboxPaymentProvider({ secret: 'test-secret', clock: () => new Date('2026-12-03T10:00:00Z'), ...overrides });

const withCard = (token: string, overrides: Partial<CreatePaymentInput> = {}) => createTestPaymentInput({ paymentMethod: { type: 'card', token }, ...overrides });

paymentProviderContract('sandbox', () => {
  const provider = createSandboxPaymentProvider({ secret: 'contract-secret' });
  return {
    provider,
    stateful: true,
    signWebhook: (notice, options = {}) => {
      const event: PaymentEvent = { id: notice.eventId, occurredAt: new Date().toISOString(), type: 'payment_succeeded', paymentId: notice.paymentId, providerReference: notice.providerReference, amount: notice.amount, currency: notice.currency };
      const signer = options.secret ? createSandboxPaymentProvider({ secret: options.secret }) : provider;
      return signer.signWebhook(event, options.timestampSeconds);
    },
  };
});

describe('sandbox payment provider', () => {
  describe('test cards', () => {
    it.each([
      [sandboxTestCards.declined, 'card_declined'],
      [sandboxTestCards.insufficientFunds, 'insufficient_funds'],
      [sandboxTestCards.expired, 'expired_card'],
      ['4111 1111 1111 1112', 'incorrect_number'],
      ['5555555555554444', 'card_declined'],
    ])('%s declines with %s', async (card, code) => {
      expect(await createTestSandbox().createPayment(withCard(card))).toMatchObject({ status: 'declined', code, providerReference: expect.stringMatching(/^pi_sbx\./) });
    });

    it('4242 4242 4242 4242 captures the amount', async () => {
      const outcome = await createTestSandbox().createPayment(withCard('4242 4242 4242 4242', { amount: 12345, currency: 'JPY' }));
      expect(outcome).toEqual({ status: 'succeeded', providerReference: expect.stringMatching(/^pi_sbx\./), amount: 12345, currency: 'JPY' });
    });

    it('4000 0000 0000 0119 is a retriable provider error, every time', async () => {
      const sandbox = createTestSandbox();
      const input = withCard(sandboxTestCards.processingError);
      for (const attempt of [1, 2]) {
        const error = await sandbox.createPayment(input).then(() => undefined, (caught: unknown) => caught);
        expect({ attempt, error }).toMatchObject({ attempt, error: expect.any(PaymentProviderUnavailableError) });
        expect(error).toMatchObject({ retriable: true, code: 'unavailable' });
      }
    });

    it('4000 0025 0000 3155 requires 3-D Secure at our URL, and its completion is the event a webhook would bring', async () => {
      const sandbox = createTestSandbox({ actionUrl: (reference) => `https://shop.test/3ds/${reference}` });
      const input = withCard(sandboxTestCards.requiresAction, { amount: 5000 });
      const outcome = await sandbox.createPayment(input);
      if (outcome.status !== 'requires_action') throw new Error(`expected requires_action, got ${outcome.status}`);
      expect(outcome.actionUrl).toBe(`https://shop.test/3ds/${outcome.providerReference}`);

      const succeeded = sandbox.completeAction(outcome.providerReference, 'succeeded');
      expect(succeeded).toEqual({ id: expect.stringMatching(/^evt_sbx_/), occurredAt: '2026-12-03T10:00:00.000Z', type: 'payment_succeeded', paymentId: input.paymentId, providerReference: outcome.providerReference, amount: 5000, currency: 'EUR' });
      expect(sandbox.completeAction(outcome.providerReference, 'succeeded').id).toBe(succeeded.id);
      expect(sandbox.completeAction(outcome.providerReference, 'failed')).toMatchObject({ type: 'payment_failed', failureCode: 'payment_intent_authentication_failure' });

      const delivery = sandbox.signWebhook(succeeded);
      expect(sandbox.parseWebhook(delivery.rawBody, delivery.headers)).toEqual(succeeded);
    });

    it('completes only payments that wait for an action', async () => {
      const sandbox = createTestSandbox();
      const captured = await sandbox.createPayment(withCard(sandboxTestCards.succeeds));
      expect(() => sandbox.completeAction(captured.providerReference ?? '', 'succeeded')).toThrow(ValidationError);
      expect(() => sandbox.completeAction('pi_sbx.forged.reference', 'succeeded')).toThrow(ValidationError);
    });

    it('knows Stripe test PaymentMethod ids too', async () => {
      const sandbox = createTestSandbox();
      expect(await sandbox.createPayment(withCard('pm_card_visa_chargeDeclinedInsufficientFunds'))).toMatchObject({ status: 'declined', code: 'insufficient_funds' });
      expect(await sandbox.createPayment(withCard('pm_card_authenticationRequired'))).toMatchObject({ status: 'requires_action' });
    });
  });

  describe('idempotency and restarts', () => {
    it('gives the same outcome and reference after a restart (a new instance with the same secret)', async () => {
      const input = withCard(sandboxTestCards.succeeds);
      expect(await createTestSandbox().createPayment(input)).toEqual(await createTestSandbox().createPayment(input));
    });

    it('answers a repeated payment id with the first outcome, and refuses it with other parameters', async () => {
      const sandbox = createTestSandbox();
      const input = withCard(sandboxTestCards.declined);
      const first = await sandbox.createPayment(input);
      expect(await sandbox.createPayment(input)).toEqual(first);
      await expect(sandbox.createPayment({ ...input, amount: input.amount + 1 })).rejects.toBeInstanceOf(PaymentIdempotencyError);
      await expect(sandbox.createPayment({ ...input, paymentMethod: { type: 'card', token: sandboxTestCards.succeeds } })).rejects.toMatchObject({ code: 'conflict', retriable: false });
    });

    it('lets a payment id retry after a processing error (nothing was recorded)', async () => {
      const sandbox = createTestSandbox();
      const input = withCard(sandboxTestCards.processingError);
      await expect(sandbox.createPayment(input)).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
      expect(await sandbox.createPayment({ ...input, paymentMethod: { type: 'card', token: sandboxTestCards.succeeds } })).toMatchObject({ status: 'succeeded' });
    });
  });

  describe('refunds', () => {
    const captured = async (sandbox = createTestSandbox(), amount = 1000) => {
      const input = withCard(sandboxTestCards.succeeds, { amount });
      const outcome = await sandbox.createPayment(input);
      return { sandbox, input, refund: (refundId: string, refundAmount: number) => sandbox.refund({ refundId, paymentId: input.paymentId, providerReference: outcome.providerReference ?? '', amount: refundAmount, currency: 'EUR' }) };
    };

    it('refunds in parts up to the capture and no further', async () => {
      const { refund } = await captured();
      expect(await refund('r1', 600)).toEqual({ status: 'succeeded', providerRefundReference: expect.stringMatching(/^re_sbx_/), amount: 600, currency: 'EUR' });
      expect(await refund('r2', 401)).toMatchObject({ status: 'failed', code: 'amount_too_large' });
      expect(await refund('r3', 400)).toMatchObject({ status: 'succeeded', amount: 400 });
      expect(await refund('r4', 1)).toMatchObject({ status: 'failed', code: 'amount_too_large' });
    });

    it('repeats a refund id with its first outcome; other parameters are refused', async () => {
      const { refund } = await captured();
      const first = await refund('r1', 700);
      expect(await refund('r1', 700)).toEqual(first);
      expect(await refund('r2', 700)).toMatchObject({ status: 'failed' });
      await expect(refund('r1', 300)).rejects.toBeInstanceOf(PaymentIdempotencyError);
    });

    it('never refunds more than the capture in one refund, also after a restart', async () => {
      const { input, refund } = await captured();
      expect(await refund('r1', 1001)).toMatchObject({ status: 'failed', code: 'amount_too_large' });
      const restarted = createTestSandbox();
      const reference = (await restarted.createPayment(input)).providerReference ?? '';
      expect(await restarted.refund({ refundId: 'r2', paymentId: input.paymentId, providerReference: reference, amount: 1001, currency: 'EUR' })).toMatchObject({ status: 'failed' });
    });

    it('refuses to refund a declined payment or a reference it did not issue', async () => {
      const sandbox = createTestSandbox();
      const input = withCard(sandboxTestCards.declined);
      const declined = await sandbox.createPayment(input);
      expect(await sandbox.refund({ refundId: 'r1', paymentId: input.paymentId, providerReference: declined.providerReference ?? '', amount: 1, currency: 'EUR' })).toMatchObject({ status: 'failed', code: 'payment_not_captured' });
      const other = createTestSandbox({ secret: 'another-secret' });
      expect(await other.refund({ refundId: 'r2', paymentId: input.paymentId, providerReference: declined.providerReference ?? '', amount: 1, currency: 'EUR' })).toMatchObject({ status: 'failed', code: 'resource_missing' });
    });

    it('refuses a refund that names another payment or currency', async () => {
      const { sandbox, input } = await captured();
      const reference = (await sandbox.createPayment(input)).providerReference ?? '';
      await expect(sandbox.refund({ refundId: 'r1', paymentId: 'someone-else', providerReference: reference, amount: 1, currency: 'EUR' })).rejects.toBeInstanceOf(ValidationError);
      await expect(sandbox.refund({ refundId: 'r2', paymentId: input.paymentId, providerReference: reference, amount: 1, currency: 'USD' })).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe('webhooks', () => {
    it('refuses a delivery signed by another sandbox, and a body that is not an event', () => {
      const event: PaymentEvent = { id: 'evt_1', occurredAt: '2026-12-03T10:00:00Z', type: 'payment_succeeded', paymentId: 'p', providerReference: 'r', amount: 1, currency: 'EUR' };
      const delivery = createTestSandbox({ secret: 'other' }).signWebhook(event);
      expect(() => createTestSandbox().parseWebhook(delivery.rawBody, delivery.headers)).toThrow(WebhookSignatureError);
      const sandbox = createTestSandbox();
      const notAnEvent = sandbox.signWebhook({ ...event, amount: -5 });
      expect(() => sandbox.parseWebhook(notAnEvent.rawBody, notAnEvent.headers)).toThrow(ValidationError);
    });

    it('accepts a delivery up to the tolerance old, by the sandbox clock', () => {
      const now = Date.parse('2026-12-03T10:00:00Z') / 1000;
      const sandbox = createTestSandbox({ webhookToleranceSeconds: 60 });
      const event: PaymentEvent = { id: 'evt_2', occurredAt: '2026-12-03T10:00:00Z', type: 'payment_failed', paymentId: 'p', providerReference: 'r', amount: 1, currency: 'EUR', failureCode: 'card_declined' };
      const fresh = sandbox.signWebhook(event, now - 60);
      expect(sandbox.parseWebhook(fresh.rawBody, fresh.headers)).toEqual(event);
      const stale = sandbox.signWebhook(event, now - 61);
      expect(() => sandbox.parseWebhook(stale.rawBody, stale.headers)).toThrow(/outside the tolerance/);
    });
  });
});
