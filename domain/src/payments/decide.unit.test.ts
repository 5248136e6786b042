import { foldEvents, paymentDecider, paymentStreamId, refundableOf, refundedOf } from '..';
import type { PaymentEvent } from '..';
import { specificationFor } from '../shared/testing';
import {
  createTestRefundPayment as refund,
  createTestRequestPayment as request,
  outcome,
  paymentCaptured as captured,
  paymentRequested as requested,
  refundFailed,
  refundOutcome,
  refundRequested,
  refundSucceeded,
  testAt,
} from './testing';

const given = specificationFor(paymentDecider);
const url = 'https://bank.example/3ds?session=abc';

describe('RequestPayment', () => {
  it('requests a payment once; the same request again records nothing, another is refused', () => {
    given().when(request()).then([requested()]);
    given(requested()).when(request()).thenNothingHappens();
    given(requested()).when(request({ amount: { amount: 1, currency: 'EUR' } })).thenThrows({ code: 'conflict', field: 'paymentId' });
  });

  it.each([
    [{ amount: { amount: 0, currency: 'EUR' } }, 'amount.amount'],
    [{ amount: { amount: 10_000_000_001, currency: 'EUR' } }, 'amount.amount'],
    [{ amount: { amount: 1.5, currency: 'EUR' } }, 'amount.amount'],
    [{ amount: { amount: 100, currency: 'EURO' } }, 'amount.currency'],
    [{ provider: 'Stripe!' }, 'provider'],
    [{ methodReference: '' }, 'methodReference'],
    [{ methodReference: 'x'.repeat(201) }, 'methodReference'],
    [{ orderId: '' }, 'orderId'],
    [{ requestedAt: 'now' }, 'requestedAt'],
  ])('refuses invalid data %j', (overrides, field) => {
    given().when(request(overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('RecordPaymentOutcome', () => {
  const actionRequired: PaymentEvent = { type: 'PaymentActionRequired', data: { paymentId: 'pay-1', orderId: 'o-1', redirectUrl: url, providerPaymentId: 'pi_1', at: testAt } };
  const authorized: PaymentEvent = { type: 'PaymentAuthorized', data: { paymentId: 'pay-1', orderId: 'o-1', providerPaymentId: null, at: testAt } };
  const declined: PaymentEvent = { type: 'PaymentDeclined', data: { paymentId: 'pay-1', orderId: 'o-1', code: 'card_declined', message: null, at: testAt } };

  it('records each report of the provider', () => {
    given(requested()).when(outcome({ outcome: 'requires_action', redirectUrl: url, providerPaymentId: 'pi_1' })).then([actionRequired]);
    given(requested(), actionRequired).when(outcome({ outcome: 'authorized' })).then([authorized]);
    given(requested(), authorized).when(outcome({ outcome: 'captured' })).then([captured()]);
    given(requested()).when(outcome({ outcome: 'captured' })).then([captured()]);
    given(requested()).when(outcome({ outcome: 'declined', code: 'card_declined' })).then([declined]);
  });

  it('lets a declined payment succeed later (the customer retried at the provider)', () => {
    given(requested(), declined).when(outcome({ outcome: 'captured' })).then([captured()]);
  });

  it('ignores the same report again, anything after a capture, and stale reports after an authorization', () => {
    given(requested(), declined).when(outcome({ outcome: 'declined', code: 'card_declined' })).thenNothingHappens();
    given(requested(), actionRequired).when(outcome({ outcome: 'requires_action', redirectUrl: url })).thenNothingHappens();
    given(requested(), captured()).when(outcome({ outcome: 'declined', code: 'card_declined' })).thenNothingHappens();
    given(requested(), captured()).when(outcome({ outcome: 'authorized' })).thenNothingHappens();
    given(requested(), captured()).when(outcome({ outcome: 'captured' })).thenNothingHappens();
    given(requested(), authorized).when(outcome({ outcome: 'requires_action', redirectUrl: url })).thenNothingHappens();
  });

  it('refuses an unknown payment and malformed reports', () => {
    given().when(outcome({ outcome: 'captured' })).thenThrows({ code: 'not_found', field: 'paymentId' });
    given(requested()).when(outcome({ outcome: 'requires_action', redirectUrl: 'javascript:alert(1)' })).thenThrows({ code: 'validation', field: 'redirectUrl' });
    given(requested()).when(outcome({ outcome: 'declined', code: '' })).thenThrows({ code: 'validation', field: 'code' });
    given(requested()).when(outcome({ outcome: 'refunded' } as never)).thenThrows({ code: 'validation', field: 'outcome' });
  });
});

describe('RefundPayment', () => {
  it('refunds in parts up to the capture', () => {
    given(requested(), captured()).when(refund('r-1', 1000)).then([refundRequested('r-1', 1000)]);
    given(requested(), captured(), refundRequested('r-1', 1000)).when(refund('r-2', 2150)).then([refundRequested('r-2', 2150)]);
  });

  it('is idempotent by refund id', () => {
    given(requested(), captured(), refundRequested('r-1', 1000)).when(refund('r-1', 1000)).thenNothingHappens();
    given(requested(), captured(), refundRequested('r-1', 1000)).when(refund('r-1', 999)).thenThrows({ code: 'conflict', field: 'refundId' });
  });

  it('refuses more than is left, counting pending and succeeded refunds but not failed ones', () => {
    given(requested(), captured(), refundRequested('r-1', 1000)).when(refund('r-2', 2151)).thenThrows({ code: 'conflict', field: 'amount.amount', message: /2150 left/ });
    given(requested(), captured(), refundRequested('r-1', 1000), refundSucceeded('r-1', 1000)).when(refund('r-2', 2151)).thenThrows({ code: 'conflict', field: 'amount.amount' });
    given(requested(), captured(), refundRequested('r-1', 1000), refundFailed('r-1', 1000)).when(refund('r-2', 3150)).then([refundRequested('r-2', 3150)]);
  });

  it('refuses another currency and a payment not captured, naming its state', () => {
    given(requested(), captured()).when(refund('r-1', 100, 'USD')).thenThrows({ code: 'conflict', field: 'amount.currency' });
    given(requested()).when(refund('r-1', 100)).thenThrows({ code: 'conflict', message: /requested payment cannot be refunded/ });
    given().when(refund('r-1', 100)).thenThrows({ code: 'not_found', field: 'paymentId' });
    given(requested(), captured()).when(refund('r-1', 0)).thenThrows({ code: 'validation', field: 'amount.amount' });
  });
});

describe('RecordRefundOutcome', () => {
  const pending = () => [requested(), captured(), refundRequested('r-1', 1000)];

  it('settles a pending refund', () => {
    given(...pending()).when(refundOutcome('r-1', true)).then([refundSucceeded('r-1', 1000)]);
    given(...pending()).when(refundOutcome('r-1', false)).then([refundFailed('r-1', 1000)]);
  });

  it('lets a succeeded refund fail later, and nothing else move', () => {
    given(...pending(), refundSucceeded('r-1', 1000)).when(refundOutcome('r-1', false)).then([refundFailed('r-1', 1000)]);
    given(...pending(), refundSucceeded('r-1', 1000)).when(refundOutcome('r-1', true)).thenNothingHappens();
    given(...pending(), refundFailed('r-1', 1000)).when(refundOutcome('r-1', true)).thenNothingHappens();
  });

  it('refuses an unknown refund', () => {
    given(...pending()).when(refundOutcome('r-9', true)).thenThrows({ code: 'not_found', field: 'refundId' });
  });

  it('folds what was refunded and what is left', () => {
    const state = foldEvents(paymentDecider, [...pending(), refundSucceeded('r-1', 1000), refundRequested('r-2', 500)]);
    expect(state.status === 'captured' && [refundedOf(state), refundableOf(state)]).toEqual([1000, 1650]);
    expect(paymentStreamId('pay-1')).toBe('payment-pay-1');
  });
});
