import fc from 'fast-check';
import { foldEvents, linesToRelease, orderDecider } from '..';
import type { OrderEvent } from '..';
import { createTestLine, createTestOrderPlaced, createTestRecordReservation } from './testing';

/** Per line: what inventory answers; then the replies in any order, some delivered twice. */
const scenario = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 8 })
  .chain((answers) =>
    fc.record({
      answers: fc.constant(answers),
      deliveries: fc.shuffledSubarray(
        [...answers.keys(), ...answers.keys()],
        { minLength: answers.length * 2, maxLength: answers.length * 2 },
      ),
      duplicates: fc.array(fc.boolean(), { minLength: answers.length * 2, maxLength: answers.length * 2 }),
    }),
  );

describe('an order under any interleaving of reservation replies', () => {
  it('ends confirmed exactly when every line was reserved, otherwise rejected, never both', () => {
    fc.assert(
      fc.property(scenario, ({ answers, deliveries, duplicates }) => {
        const skus = answers.map((_, index) => `SKU-${index}`);
        const history: OrderEvent[] = [createTestOrderPlaced({ lines: skus.map((sku) => createTestLine(sku)) })];
        // Every line is delivered at least once (its first occurrence), later copies only when `duplicates` says so.
        const seen = new Set<number>();
        for (const [position, index] of deliveries.entries()) {
          if (seen.has(index) && !duplicates[position]) continue;
          seen.add(index);
          const command = createTestRecordReservation(skus[index]!, answers[index] ? 'reserved' : 'rejected');
          history.push(...orderDecider.decide(command, foldEvents(orderDecider, history)));
        }
        const types = history.map((event) => event.type);
        const confirmedCount = types.filter((type) => type === 'OrderConfirmed').length;
        const rejectedCount = types.filter((type) => type === 'OrderRejected').length;
        const allReserved = answers.every(Boolean);
        expect([confirmedCount, rejectedCount]).toEqual(allReserved ? [1, 0] : [0, 1]);
        expect(types.filter((type) => type === 'OrderTimerScheduled').length).toBe(confirmedCount);
        // Each line's answer recorded exactly once, whatever the redeliveries.
        expect(types.filter((type) => type === 'OrderLineReserved' || type === 'OrderLineRejected').length).toBe(answers.length);
        const state = foldEvents(orderDecider, history);
        expect(state.status).toBe(allReserved ? 'confirmed' : 'rejected');
        // After a rejection, exactly the reserved lines are left to release.
        expect(linesToRelease(state)).toEqual(skus.filter((_, index) => answers[index]));
      }),
      { numRuns: 500 },
    );
  });
});
