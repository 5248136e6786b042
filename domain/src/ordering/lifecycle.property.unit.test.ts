import fc from 'fast-check';
import { avroSchemaOf } from '@ecommerce/schemas';
import { DomainError, foldEvents, orderDecider, refundIdOf } from '..';
import type { OrderCommand, OrderEvent, OrderStatus } from '..';
import {
  createTestAcceptOrder,
  createTestCancelOrder,
  createTestFireTimer,
  createTestMarkDelivered,
  createTestMarkPaid,
  createTestMarkShipped,
  createTestPlaceOrder,
  createTestRecordRefund,
  createTestRecordReservation,
  createTestRecordReturnReceived,
  createTestRequestReturn,
  testAcceptanceTimerId,
  testAddress,
  testPaymentDeadline,
  testReturnWindowEndsAt,
} from './testing';

/** Every step an order may take; anything else is a bug. */
const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  placed: ['confirmed', 'rejected', 'cancelled'],
  confirmed: ['paid', 'expired', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['completed', 'return_requested'],
  return_requested: ['returned'],
  returned: ['refunded'],
  completed: [],
  refunded: [],
  rejected: [],
  expired: [],
  cancelled: [],
};

const reply = fc
  .record({ sku: fc.constantFrom('MUG-001', 'TEA-001'), reserved: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }) })
  .map(({ sku, reserved }) => createTestRecordReservation(sku, reserved ? 'reserved' : 'rejected'));

const command: fc.Arbitrary<OrderCommand> = fc.oneof(
  fc.constant(createTestPlaceOrder({ shippingAddress: testAddress() })),
  reply,
  fc.constantFrom(createTestMarkPaid(), createTestMarkPaid('pay-2'), createTestMarkPaid('pay-3', 3000)),
  fc.constantFrom(createTestFireTimer(testPaymentDeadline), createTestFireTimer(testReturnWindowEndsAt, testAcceptanceTimerId), createTestFireTimer('2025-03-20T00:00:00.000Z', testAcceptanceTimerId)),
  fc.constant(createTestCancelOrder()),
  fc.constant(createTestMarkShipped()),
  fc.constant(createTestMarkDelivered()),
  fc.constant(createTestAcceptOrder()),
  fc.constantFrom(
    createTestRequestReturn(),
    createTestRequestReturn([{ sku: 'MUG-001', quantity: 2 }, { sku: 'TEA-001', quantity: 1 }]),
    createTestRequestReturn(undefined, '2025-04-01T00:00:00.000Z'),
  ),
  fc
    .record({ restocked: fc.integer({ min: 0, max: 2 }), damaged: fc.integer({ min: 0, max: 2 }) })
    .map(({ restocked, damaged }) => createTestRecordReturnReceived([{ sku: 'MUG-001', restocked, damaged }])),
  fc.constantFrom(createTestRecordRefund(), createTestRecordRefund(refundIdOf('pay-1', 'order_cancelled'), 3150), createTestRecordRefund('admin-1', 100)),
);

/** Mostly an order placed and answered first, so that runs reach delivery, returns and refunds; then any step, in any order. */
const scenario = fc
  .array(reply, { minLength: 2, maxLength: 3 })
  .chain((replies) =>
    fc.array(
      fc.oneof(
        { arbitrary: fc.constant(createTestPlaceOrder({ shippingAddress: testAddress() })), weight: 1 },
        { arbitrary: reply, weight: 1 },
        { arbitrary: fc.constantFrom<OrderCommand>(createTestMarkPaid(), createTestMarkShipped(), createTestMarkDelivered()), weight: 6 },
        { arbitrary: fc.constantFrom<OrderCommand>(createTestCancelOrder(), createTestAcceptOrder()), weight: 1 },
        { arbitrary: command, weight: 6 },
      ),
      { maxLength: 30 },
    ).map((tail): OrderCommand[] => [createTestPlaceOrder({ shippingAddress: testAddress() }), createTestRecordReservation('MUG-001', 'reserved'), ...replies, ...tail]),
  );

/** Delivered first, then anything: returns, refunds, acceptance, late payments. */
const afterDelivery = fc
  .array(command, { maxLength: 20 })
  .map((tail): OrderCommand[] => [
    createTestPlaceOrder({ shippingAddress: testAddress() }),
    createTestRecordReservation('MUG-001', 'reserved'),
    createTestRecordReservation('TEA-001', 'reserved'),
    createTestMarkPaid(),
    createTestMarkShipped(),
    createTestMarkDelivered(),
    ...tail,
  ]);

describe('an order under any sequence of lifecycle commands', () => {
  it('moves only along DESIGN §6, refunds no more than was paid, and every event encodes', () => {
    fc.assert(
      fc.property(fc.oneof(scenario, afterDelivery, fc.array(command, { maxLength: 40 })), (commands) => {
        const history: OrderEvent[] = [];
        const paidBy = new Map<string, number>();
        for (const current of commands) {
          const before = foldEvents(orderDecider, history);
          let events: OrderEvent[];
          try {
            events = orderDecider.decide(current, before);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          for (const event of events) expect(avroSchemaOf(event.type).type.isValid(event.data)).toBe(true);
          if (current.type === 'MarkPaid' && events.length > 0) paidBy.set(current.data.paymentId, current.data.amount.amount);
          history.push(...events);
          const after = foldEvents(orderDecider, history);
          if (before.status !== 'absent' && after.status !== before.status) expect(allowed[before.status]).toContain(after.status);
          if (after.status === 'absent') continue;
          // Per payment, what the order asks back never exceeds what that payment brought in.
          const asked = new Map<string, number>();
          for (const refund of Object.values(after.refundRequests)) asked.set(refund.paymentId, (asked.get(refund.paymentId) ?? 0) + refund.amount.amount);
          for (const [paymentId, amount] of asked) expect(amount).toBeLessThanOrEqual(paidBy.get(paymentId) ?? 0);
        }
        const types = history.map((event) => event.type);
        expect(types.filter((type) => type === 'OrderPaid').length).toBeLessThanOrEqual(1);
        const shippedAt = types.indexOf('OrderShipped');
        if (shippedAt >= 0) expect(types.slice(shippedAt)).not.toContain('OrderCancelled');
      }),
      { numRuns: 500 },
    );
  });
});
