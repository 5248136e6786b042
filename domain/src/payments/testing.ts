/** Fixture builders for payment tests: each call returns fresh objects. Test-only. */
import type { PaymentCommand, ProviderOutcome, RefundPayment, RequestPayment } from './commands';
import type { PaymentEvent } from './events';

export const testPaymentId = 'pay-1';
export const testAt = '2025-03-14T10:20:00.000Z';

export const createTestRequestPayment = (overrides: Partial<RequestPayment['data']> = {}): RequestPayment => ({
  type: 'RequestPayment',
  data: { paymentId: testPaymentId, orderId: 'o-1', customerId: 'c-1', amount: { amount: 3150, currency: 'EUR' }, provider: 'sandbox', methodReference: 'tok_visa', requestedAt: testAt, ...overrides },
});
export const paymentRequested = (): PaymentEvent => ({ type: 'PaymentRequested', data: { ...createTestRequestPayment().data } });

export const outcome = (data: ProviderOutcome): PaymentCommand => ({ type: 'RecordPaymentOutcome', data: { paymentId: testPaymentId, at: testAt, ...data } });

export const paymentCaptured = (): PaymentEvent => ({
  type: 'PaymentCaptured',
  data: { paymentId: testPaymentId, orderId: 'o-1', amount: { amount: 3150, currency: 'EUR' }, providerPaymentId: null, at: testAt },
});

export const createTestRefundPayment = (refundId: string, amount: number, currency = 'EUR'): RefundPayment => ({
  type: 'RefundPayment',
  data: { paymentId: testPaymentId, refundId, amount: { amount, currency }, reason: null, requestedAt: testAt },
});
export const refundRequested = (refundId: string, amount: number): PaymentEvent => ({
  type: 'PaymentRefundRequested',
  data: { paymentId: testPaymentId, orderId: 'o-1', refundId, amount: { amount, currency: 'EUR' }, reason: null, requestedAt: testAt },
});

export const refundOutcome = (refundId: string, succeeded: boolean): PaymentCommand => ({
  type: 'RecordRefundOutcome',
  data: succeeded ? { paymentId: testPaymentId, refundId, at: testAt, outcome: 'succeeded' } : { paymentId: testPaymentId, refundId, at: testAt, outcome: 'failed', code: 'expired_card' },
});
export const refundSucceeded = (refundId: string, amount: number): PaymentEvent => ({
  type: 'PaymentRefundSucceeded',
  data: { paymentId: testPaymentId, orderId: 'o-1', refundId, amount: { amount, currency: 'EUR' }, providerRefundId: null, at: testAt },
});
export const refundFailed = (refundId: string, amount: number): PaymentEvent => ({
  type: 'PaymentRefundFailed',
  data: { paymentId: testPaymentId, orderId: 'o-1', refundId, amount: { amount, currency: 'EUR' }, code: 'expired_card', at: testAt },
});
