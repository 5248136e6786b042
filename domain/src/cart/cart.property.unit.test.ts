import fc from 'fast-check';
import { cartDecider, cartLimits } from '..';
import type { CartCommand } from '..';
import { checkDeciderProperties } from '../shared/properties';

const customerId = 'c-1';
// Few products so lines merge and limits are reached; some quantities out of bounds.
const productId = fc.constantFrom('p-1', 'p-2', 'p-3', 'p-4');
const quantity = fc.oneof(fc.integer({ min: 0, max: cartLimits.quantityMax + 2 }), fc.constantFrom(-1, 1.5, Number.NaN));
const orderId = fc.constantFrom('o-1', 'o-2', 'o-3');

const command: fc.Arbitrary<CartCommand> = fc.oneof(
  fc.record({ productId, quantity }).map(({ productId, quantity }): CartCommand => ({ type: 'AddItem', data: { customerId, productId, quantity } })),
  fc.record({ productId, quantity }).map(({ productId, quantity }): CartCommand => ({ type: 'ChangeQuantity', data: { customerId, productId, quantity } })),
  productId.map((productId): CartCommand => ({ type: 'RemoveItem', data: { customerId, productId } })),
  fc.constant<CartCommand>({ type: 'ClearCart', data: { customerId } }),
  orderId.map((orderId): CartCommand => ({ type: 'CheckOut', data: { customerId, orderId } })),
);

describe('a cart under any sequence of commands', () => {
  it('keeps one line per product, whole quantities within bounds, at most the line limit; checkout empties it and a retried checkout appends nothing', () => {
    checkDeciderProperties({
      decider: cartDecider,
      command,
      invariant: (cart) => {
        expect(cart.lines.length).toBeLessThanOrEqual(cartLimits.linesMax);
        expect(new Set(cart.lines.map((line) => line.productId)).size).toBe(cart.lines.length);
        for (const line of cart.lines) {
          expect(Number.isSafeInteger(line.quantity)).toBe(true);
          expect(line.quantity).toBeGreaterThanOrEqual(1);
          expect(line.quantity).toBeLessThanOrEqual(cartLimits.quantityMax);
        }
      },
      step: ({ before, command: current, events, after }) => {
        if (current.type === 'CheckOut' && events.length > 0) {
          expect(before.lines.length).toBeGreaterThan(0);
          expect(after).toEqual({ lines: [], lastOrderId: current.data.orderId });
        }
        if (current.type !== 'CheckOut') expect(after.lastOrderId).toBe(before.lastOrderId);
      },
      // What HTTP retries repeat: a PUT of a quantity (0 is a removal: see the API's SetCartItem), a
      // DELETE, a clear, a checkout. Adding is not among them: it adds again.
      isRetried: (current) =>
        current.type === 'RemoveItem' || current.type === 'ClearCart' || current.type === 'CheckOut' || (current.type === 'ChangeQuantity' && current.data.quantity > 0),
      maxCommands: 60,
    });
  });
});
