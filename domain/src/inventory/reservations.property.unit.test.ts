import fc from 'fast-check';
import { avroSchemaOf } from '@ecommerce/schemas';
import { availableOf, onHandOf, DomainError, inventoryDecider, reservationOf, satisfiesStockInvariant, settlementOf } from '..';
import type { InventoryCommand, InventoryState } from '..';
import { testExpiresAt, testSku as sku } from './testing';

// A handful of order ids, so that the same order comes back (redeliveries, release after commit, ...).
const orderId = fc.constantFrom('o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6');
const command: fc.Arbitrary<InventoryCommand> = fc.oneof(
  fc.record({ orderId, quantity: fc.integer({ min: 1, max: 40 }) }).map(({ orderId, quantity }): InventoryCommand => ({
    type: 'ReserveStock',
    data: { sku, orderId, quantity, expiresAt: testExpiresAt },
  })),
  orderId.map((id): InventoryCommand => ({ type: 'ReleaseStock', data: { sku, orderId: id, reason: 'order_cancelled' } })),
  orderId.map((id): InventoryCommand => ({ type: 'CommitStock', data: { sku, orderId: id } })),
  fc.record({ orderId, quantity: fc.integer({ min: 1, max: 40 }) }).map(({ orderId, quantity }): InventoryCommand => ({
    type: 'ReturnStock',
    data: { sku, orderId, quantity },
  })),
  fc.integer({ min: 1, max: 50 }).map((quantity): InventoryCommand => ({ type: 'Restock', data: { sku, quantity } })),
  fc
    .integer({ min: -60, max: 30 })
    .filter((delta) => delta !== 0)
    .map((delta): InventoryCommand => ({ type: 'AdjustStock', data: { sku, delta, reason: 'count' } })),
);

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** An independent model: what each order holds or bought, by plain bookkeeping. */
interface Model {
  holds: Map<string, number>;
  bought: Map<string, number>;
  answered: Set<string>;
  returned: Map<string, number>;
}

const expectConsistent = (state: InventoryState, model: Model): void => {
  expect(satisfiesStockInvariant(state)).toBe(true);
  expect(availableOf(state)).toBeGreaterThanOrEqual(0);
  // No reservation counted twice: the totals are exactly the sums of the open and committed holds.
  expect(state.reserved).toBe(sum([...state.reservations.values()].map((reservation) => reservation.quantity)));
  expect(state.reserved).toBe(sum([...model.holds.values()]));
  expect(state.sold).toBe(sum([...model.bought.values()]));
  expect(state.returned).toBe(sum([...model.returned.values()]));
  // The ledger of issue 9: onHand = received − adjusted − sold + returned-to-stock.
  expect(onHandOf(state)).toBe(state.received + state.adjustedUp - state.adjustedDown - state.sold + state.returned);
  for (const [id, quantity] of model.returned) expect(quantity).toBeLessThanOrEqual(model.bought.get(id) ?? 0);
  for (const [id, quantity] of model.holds) expect(reservationOf(state, id)?.quantity).toBe(quantity);
  for (const id of state.reservations.keys()) expect(settlementOf(state, id)).toBeUndefined();
};

describe('inventory under random reserve, release, commit, return, restock and adjust', () => {
  it('never oversells, never counts a reservation twice, never returns more than was sold, and every event encodes', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 80 }), (commands) => {
        let state = inventoryDecider.initialState();
        const model: Model = { holds: new Map(), bought: new Map(), answered: new Set(), returned: new Map() };
        for (const current of commands) {
          const availableBefore = availableOf(state);
          let events;
          try {
            events = inventoryDecider.decide(current, state);
          } catch (error) {
            // The only refusals left for valid input: a write-off larger than what is free, a return of what was not bought.
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('conflict');
            if (current.type === 'ReturnStock') {
              const bought = model.holds.get(current.data.orderId) ?? model.bought.get(current.data.orderId);
              expect(bought === undefined || current.data.quantity > bought).toBe(true);
            } else {
              expect(current.type).toBe('AdjustStock');
              expect(current.type === 'AdjustStock' && availableBefore + current.data.delta < 0).toBe(true);
            }
            continue;
          }
          for (const decided of events) expect(avroSchemaOf(decided.type).type.isValid(decided.data)).toBe(true);
          if (current.type === 'ReturnStock') {
            const { orderId: id, quantity } = current.data;
            if (model.returned.has(id)) expect(events).toEqual([]);
            else {
              const held = model.holds.get(id);
              expect(events.map((decided) => decided.type)).toEqual(held === undefined ? ['StockReturned'] : ['StockCommitted', 'StockReturned']);
              if (held !== undefined) {
                model.holds.delete(id);
                model.bought.set(id, held);
              }
              model.returned.set(id, quantity);
            }
            state = events.reduce(inventoryDecider.evolve, state);
            expectConsistent(state, model);
            continue;
          }
          expect(events.length).toBeLessThanOrEqual(1);
          const [event] = events;
          if (current.type === 'ReserveStock') {
            const { orderId: id, quantity } = current.data;
            if (model.answered.has(id)) expect(events).toEqual([]);
            else {
              model.answered.add(id);
              expect(event?.type).toBe(quantity <= availableBefore ? 'StockReserved' : 'StockReservationRejected');
              if (event?.type === 'StockReserved') model.holds.set(id, quantity);
            }
          } else if (current.type === 'ReleaseStock' || current.type === 'CommitStock') {
            const held = model.holds.get(current.data.orderId);
            expect(events.length).toBe(held === undefined ? 0 : 1);
            if (held !== undefined) {
              expect(event?.data).toMatchObject({ quantity: held });
              model.holds.delete(current.data.orderId);
              if (current.type === 'CommitStock') model.bought.set(current.data.orderId, held);
            }
          }
          state = events.reduce(inventoryDecider.evolve, state);
          expectConsistent(state, model);
        }
      }),
      { numRuns: 500 },
    );
  });
});
