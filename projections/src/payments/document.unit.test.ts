import { evolvePaymentFields } from './document';
import type { PaymentFields } from './document';

const paymentId = '00000000-0000-4000-8000-0000000000b1';
const orderId = '00000000-0000-4000-8000-0000000000a1';
const customerId = '00000000-0000-4000-8000-0000000000c1';
const euros = (amount: number) => ({ amount, currency: 'EUR' });

const createTestEvent = (type: string, data: Record<string, unknown>, revision: number) => ({
  type, data: { paymentId, orderId, ...data }, revision, occurredAt: `2024-05-01T10:00:0${revision}.000Z`,
});

const requested = createTestEvent('PaymentRequested', { customerId, amount: euros(2000), provider: 'sandbox', methodReference: 'pm_card_visa', requestedAt: '2024-05-01T10:00:00.000Z' }, 0);

const fold = (...events: Array<ReturnType<typeof createTestEvent>>): PaymentFields | null =>
  events.reduce<PaymentFields | null>((fields, event) => evolvePaymentFields(fields, event), null);

describe('evolvePaymentFields', () => {
  it('starts a requested payment from PaymentRequested, without the method reference', () => {
    const fields = fold(requested);
    expect(fields).toEqual({
      paymentId, orderId, customerId, status: 'requested', amount: euros(2000), provider: 'sandbox', providerPaymentId: null, captured: 0,
      redirectUrl: null, declineCode: null, declineMessage: null, refunds: [], requestedAt: '2024-05-01T10:00:00.000Z', capturedAt: null,
      updatedAt: '2024-05-01T10:00:00.000Z', revision: 0,
    });
    expect(JSON.stringify(fields)).not.toContain('pm_card_visa');
  });

  it('shows where to act while an action is required, and forgets it once captured', () => {
    const acting = fold(requested, createTestEvent('PaymentActionRequired', { redirectUrl: 'https://pay.example/3ds', providerPaymentId: 'pi_1', at: 'x' }, 1));
    expect(acting).toMatchObject({ status: 'requires_action', redirectUrl: 'https://pay.example/3ds', providerPaymentId: 'pi_1', revision: 1 });
    const captured = evolvePaymentFields(acting, createTestEvent('PaymentCaptured', { amount: euros(2000), providerPaymentId: null, at: '2024-05-01T10:00:02.000Z' }, 2));
    expect(captured).toMatchObject({ status: 'captured', captured: 2000, capturedAt: '2024-05-01T10:00:02.000Z', redirectUrl: null, providerPaymentId: 'pi_1' });
  });

  it('records the decline code and message', () => {
    expect(fold(requested, createTestEvent('PaymentDeclined', { code: 'insufficient_funds', message: 'Not enough money.', at: 'x' }, 1)))
      .toMatchObject({ status: 'declined', declineCode: 'insufficient_funds', declineMessage: 'Not enough money.', captured: 0 });
  });

  it('follows each refund from pending to succeeded or failed, a refund id once', () => {
    const refund = (refundId: string, amount: number, revision: number) =>
      createTestEvent('PaymentRefundRequested', { refundId, amount: euros(amount), reason: 'goodwill', requestedAt: `2024-05-01T10:00:0${revision}.000Z` }, revision);
    const fields = fold(
      requested,
      createTestEvent('PaymentCaptured', { amount: euros(2000), providerPaymentId: 'pi_1', at: 'x' }, 1),
      refund('r1', 500, 2),
      refund('r2', 700, 3),
      refund('r1', 500, 4),
      createTestEvent('PaymentRefundSucceeded', { refundId: 'r1', amount: euros(500), providerRefundId: 're_1', at: '2024-05-01T10:00:05.000Z' }, 5),
      createTestEvent('PaymentRefundFailed', { refundId: 'r2', amount: euros(700), code: 'expired_card', at: '2024-05-01T10:00:06.000Z' }, 6),
    );
    expect(fields?.refunds).toEqual([
      { refundId: 'r1', amount: euros(500), status: 'succeeded', reason: 'goodwill', failureCode: null, requestedAt: '2024-05-01T10:00:02.000Z', settledAt: '2024-05-01T10:00:05.000Z' },
      { refundId: 'r2', amount: euros(700), status: 'failed', reason: 'goodwill', failureCode: 'expired_card', requestedAt: '2024-05-01T10:00:03.000Z', settledAt: '2024-05-01T10:00:06.000Z' },
    ]);
    expect(fields).toMatchObject({ status: 'captured', revision: 6 });
  });

  it('ignores events of a payment it has not seen requested, and a second PaymentRequested', () => {
    expect(evolvePaymentFields(null, createTestEvent('PaymentCaptured', { amount: euros(1), providerPaymentId: null, at: 'x' }, 1))).toBeNull();
    const before = fold(requested);
    expect(evolvePaymentFields(before, { ...requested, revision: 3 })).toBe(before);
  });
});
