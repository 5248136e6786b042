import fc from 'fast-check';
import { avroSchemaOf, maxMoneyAmount } from '@ecommerce/schemas';
import { committedRefundsOf, DomainError, paymentDecider, satisfiesRefundInvariant } from '..';
import type { PaymentCommand, PaymentState } from '..';

const paymentId = 'pay-1';
const at = '2025-03-14T10:20:00.000Z';
const refundId = fc.constantFrom('r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6', 'r-7', 'r-8');
const amount = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.constant(maxMoneyAmount), fc.constant(maxMoneyAmount + 1), fc.double({ min: 0, max: 100, noNaN: true }));
const currency = fc.constantFrom('EUR', 'EUR', 'EUR', 'USD');

const command: fc.Arbitrary<PaymentCommand> = fc.oneof(
  fc.record({ amount, currency }).map(({ amount, currency }): PaymentCommand => ({
    type: 'RequestPayment',
    data: { paymentId, orderId: 'o-1', customerId: 'c-1', amount: { amount, currency }, provider: 'sandbox', methodReference: 'tok', requestedAt: at },
  })),
  fc.constantFrom<PaymentCommand>(
    { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'captured' } },
    { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'authorized' } },
    { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'declined', code: 'card_declined' } },
    { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'requires_action', redirectUrl: 'https://bank.example/3ds' } },
  ),
  fc.record({ refundId, amount, currency }).map(({ refundId, amount, currency }): PaymentCommand => ({
    type: 'RefundPayment',
    data: { paymentId, refundId, amount: { amount, currency }, reason: null, requestedAt: at },
  })),
  fc.record({ refundId, succeeded: fc.boolean() }).map(({ refundId, succeeded }): PaymentCommand => ({
    type: 'RecordRefundOutcome',
    data: succeeded ? { paymentId, refundId, at, outcome: 'succeeded' } : { paymentId, refundId, at, outcome: 'failed', code: 'declined' },
  })),
);

const isMinorUnits = (value: number) => Number.isInteger(value) && value >= 0 && value <= maxMoneyAmount;

describe('a payment under any sequence of commands', () => {
  it('never refunds more than was captured, keeps every amount integer within bounds and its currency, and every event encodes', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state: PaymentState = paymentDecider.initialState();
        for (const current of commands) {
          let events;
          try {
            events = paymentDecider.decide(current, state);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          for (const event of events) {
            expect(avroSchemaOf(event.type).type.isValid(event.data)).toBe(true);
            if ('amount' in event.data) {
              expect(isMinorUnits(event.data.amount.amount)).toBe(true);
              if (state.status !== 'absent') expect(event.data.amount.currency).toBe(state.amount.currency);
            }
          }
          state = events.reduce(paymentDecider.evolve, state);
          expect(satisfiesRefundInvariant(state)).toBe(true);
          if (state.status !== 'absent') {
            expect(committedRefundsOf(state)).toBeLessThanOrEqual(state.captured);
            expect(isMinorUnits(state.captured)).toBe(true);
            expect([0, state.amount.amount]).toContain(state.captured);
            for (const refund of Object.values(state.refunds)) expect(refund.amount.currency).toBe(state.amount.currency);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
