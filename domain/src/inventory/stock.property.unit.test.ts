import fc from 'fast-check';
import { availableOf, DomainError, inventoryDecider, satisfiesStockInvariant } from '..';
import type { AdjustStock, Restock } from '..';

type InventoryCommand = Restock | AdjustStock;

const sku = 'MUG-001';
const restock = fc.integer({ min: 1, max: 1_000 }).map((quantity): InventoryCommand => ({ type: 'Restock', data: { sku, quantity } }));
const adjust = fc
  .integer({ min: -2_000, max: 1_000 })
  .filter((delta) => delta !== 0)
  .map((delta): InventoryCommand => ({ type: 'AdjustStock', data: { sku, delta, reason: 'count' } }));

describe('inventory under random restocks and adjustments', () => {
  it('never makes available stock negative and refuses exactly the write-offs larger than what is available', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(restock, adjust), { maxLength: 60 }), (commands) => {
        let state = inventoryDecider.initialState();
        // An independent model: the plain count of units we expect to be available.
        let expectedAvailable = 0;
        for (const command of commands) {
          const change = command.type === 'Restock' ? command.data.quantity : command.data.delta;
          const shouldAccept = expectedAvailable + change >= 0;
          try {
            const events = inventoryDecider.decide(command, state);
            expect(shouldAccept).toBe(true);
            expect(events).toHaveLength(1);
            state = events.reduce(inventoryDecider.evolve, state);
            expectedAvailable += change;
          } catch (error) {
            expect(shouldAccept).toBe(false);
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('conflict');
            expect((error as DomainError).field).toBe('delta');
          }
          expect(availableOf(state)).toBe(expectedAvailable);
          expect(availableOf(state)).toBeGreaterThanOrEqual(0);
          expect(satisfiesStockInvariant(state)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
