import { maxMoneyAmount } from '@ecommerce/schemas';
import { assertPostalAddress, assertTimestamp, assertValidMoney, DomainError, foldEvents, isCurrencyCode, isDomainError, isMinorUnits, sameMoney } from '.';
import type { Decider } from '.';
import { specificationFor } from './testing';

describe('money', () => {
  it.each(['EUR', 'USD', 'JPY'])('accepts currency %s', (code) => expect(isCurrencyCode(code)).toBe(true));
  it.each(['eur', 'EU', 'EURO', '', 'E1R', 42])('refuses currency %p', (code) => expect(isCurrencyCode(code)).toBe(false));
  it.each([0, 1, maxMoneyAmount])('accepts minor units %p', (amount) => expect(isMinorUnits(amount)).toBe(true));
  it.each([-1, 0.1, maxMoneyAmount + 1, Number.MAX_SAFE_INTEGER, 2 ** 53, Number.NaN, Infinity, '5'])('refuses minor units %p', (amount) => expect(isMinorUnits(amount)).toBe(false));

  it('names the offending part of a money field', () => {
    expect(() => assertValidMoney({ amount: -1, currency: 'EUR' }, 'total')).toThrow(expect.objectContaining({ code: 'validation', field: 'total.amount' }));
    expect(() => assertValidMoney({ amount: 1, currency: 'x' })).toThrow(expect.objectContaining({ field: 'price.currency' }));
    expect(() => assertValidMoney({ amount: 1, currency: 'EUR' })).not.toThrow();
  });

  it('compares amount and currency', () => {
    expect(sameMoney({ amount: 1, currency: 'EUR' }, { amount: 1, currency: 'EUR' })).toBe(true);
    expect(sameMoney({ amount: 1, currency: 'EUR' }, { amount: 1, currency: 'USD' })).toBe(false);
    expect(sameMoney({ amount: 1, currency: 'EUR' }, { amount: 2, currency: 'EUR' })).toBe(false);
  });
});

describe('postal address', () => {
  const address = { recipient: 'Ada Lovelace', line1: '1 Main St', line2: null, city: 'Paris', region: null, postalCode: '75008', country: 'FR' };

  it.each(['75008', 'SW1A 1AA', '100-0001', 'D02 X285', 'AB'])('accepts postal code %s', (postalCode) => {
    expect(() => assertPostalAddress({ ...address, postalCode })).not.toThrow();
  });

  it.each<[Record<string, unknown>, string]>([
    [{ postalCode: '1' }, 'shippingAddress.postalCode'],
    [{ postalCode: '12345678901' }, 'shippingAddress.postalCode'],
    [{ postalCode: '-1234' }, 'shippingAddress.postalCode'],
    [{ postalCode: '12_34' }, 'shippingAddress.postalCode'],
    [{ country: 'fr' }, 'shippingAddress.country'],
    [{ country: 'UK' }, 'shippingAddress.country'],
    [{ country: 'FRA' }, 'shippingAddress.country'],
    [{ recipient: ' ' }, 'shippingAddress.recipient'],
    [{ line1: 'x'.repeat(201) }, 'shippingAddress.line1'],
    [{ line2: '' }, 'shippingAddress.line2'],
    [{ city: '' }, 'shippingAddress.city'],
    [{ region: 'r'.repeat(101) }, 'shippingAddress.region'],
  ])('refuses %j naming the field', (overrides, field) => {
    expect(() => assertPostalAddress({ ...address, ...overrides } as typeof address, 'shippingAddress')).toThrow(expect.objectContaining({ code: 'validation', field }));
  });
});

describe('timestamps', () => {
  it('parses ISO 8601 with a zone and refuses anything else, naming the field', () => {
    expect(assertTimestamp('2025-03-14T10:00:00.000Z', 'at')).toBe(Date.parse('2025-03-14T10:00:00.000Z'));
    expect(() => assertTimestamp('2025-03-14', 'at')).toThrow(expect.objectContaining({ code: 'validation', field: 'at' }));
  });
});

describe('DomainError', () => {
  it('carries a code and an optional field', () => {
    const error = DomainError.conflict('SKU already in use', 'sku');
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect([error.name, error.code, error.field, error.message]).toEqual(['DomainError', 'conflict', 'sku', 'SKU already in use']);
    expect(DomainError.notFound('gone').field).toBeUndefined();
    expect(DomainError.preconditionFailed('stale').code).toBe('precondition_failed');
  });
});

describe('foldEvents and the test specification', () => {
  type Counter = Decider<{ type: 'Add'; by: number }, { type: 'Added'; by: number }, number>;
  const counter: Counter = {
    initialState: () => 0,
    evolve: (total, event) => total + event.by,
    decide: (command, total) => {
      if (total + command.by > 3) throw DomainError.conflict('too many', 'by');
      return [{ type: 'Added', by: command.by }];
    },
  };
  const given = specificationFor(counter);

  it('folds from the initial state', () => {
    expect(foldEvents(counter, [{ type: 'Added', by: 2 }, { type: 'Added', by: 1 }])).toBe(3);
  });

  it('fails a test whose expectation is wrong', () => {
    expect(() => given().when({ type: 'Add', by: 1 }).then([])).toThrow();
    expect(() => given().when({ type: 'Add', by: 1 }).thenThrows({ code: 'conflict', field: 'by' })).toThrow(/expected a conflict refusal/);
    expect(() => given({ type: 'Added', by: 3 }).when({ type: 'Add', by: 1 }).thenThrows({ code: 'validation', field: 'by' })).toThrow();
    expect(() => given({ type: 'Added', by: 3 }).when({ type: 'Add', by: 1 }).thenNothingHappens()).toThrow();
  });

  it('passes a test whose expectation holds', () => {
    given({ type: 'Added', by: 3 }).when({ type: 'Add', by: 1 }).thenThrows({ code: 'conflict', field: 'by', message: 'too many' });
    given().when({ type: 'Add', by: 1 }).then([{ type: 'Added', by: 1 }]);
  });
});
