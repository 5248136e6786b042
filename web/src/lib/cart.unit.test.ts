import { priceCart } from './cart';
import type { ProductSummary } from './cart';
import { groupCardNumber, paymentMethodOf } from './test-cards';

const product = (overrides: Partial<ProductSummary> = {}): ProductSummary => ({ id: 'p1', name: 'Mug', price: { amount: 1299, currency: 'EUR' }, status: 'active', stock: { available: 10, inStock: true }, ...overrides });

describe('the cart as displayed', () => {
  it('prices each line and totals in integer minor units', () => {
    const priced = priceCart([{ productId: 'p1', quantity: 3 }, { productId: 'p2', quantity: 1 }], new Map([['p1', product()], ['p2', product({ id: 'p2', price: { amount: 1, currency: 'EUR' } })]]));
    expect(priced.lines.map((line) => line.lineTotal)).toEqual([{ amount: 3897, currency: 'EUR' }, { amount: 1, currency: 'EUR' }]);
    expect(priced.totals).toEqual([{ amount: 3898, currency: 'EUR' }]);
    expect(priced.itemCount).toBe(4);
    expect(priced.canCheckOut).toBe(true);
  });

  it('says what stops a checkout: unknown, discontinued, short of stock, an empty cart', () => {
    const priced = priceCart(
      [{ productId: 'gone', quantity: 1 }, { productId: 'p2', quantity: 1 }, { productId: 'p3', quantity: 5 }],
      new Map([['p2', product({ id: 'p2', status: 'discontinued' })], ['p3', product({ id: 'p3', stock: { available: 2, inStock: true } })]]),
    );
    expect(priced.lines.map((line) => line.problem)).toEqual(['This product is no longer listed.', 'This product is discontinued.', 'Only 2 left.']);
    expect(priced.canCheckOut).toBe(false);
    expect(priceCart([], new Map()).canCheckOut).toBe(false);
  });

  it('refuses to check out a cart priced in two currencies', () => {
    const priced = priceCart([{ productId: 'p1', quantity: 1 }, { productId: 'p2', quantity: 1 }], new Map([['p1', product()], ['p2', product({ id: 'p2', price: { amount: 5, currency: 'USD' } })]]));
    expect(priced.totals).toHaveLength(2);
    expect(priced.canCheckOut).toBe(false);
  });
});

describe('the sandbox card form', () => {
  it('turns a test card number into its payment-method token, and nothing else', () => {
    expect(paymentMethodOf('4242 4242 4242 4242')).toBe('pm_card_visa');
    expect(paymentMethodOf('4000-0000-0000-0002')).toBe('pm_card_visa_chargeDeclined');
    expect(paymentMethodOf('5555555555554444')).toBeUndefined();
    expect(groupCardNumber('42424242424242421234')).toBe('4242 4242 4242 4242 123');
  });
});
