import fc from 'fast-check';
import { jsonCopy } from './json-copy';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('jsonCopy', () => {
  it('gives what a JSON round trip gives, for any JSON-like value', () => {
    const values = fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: false, withBigInt: false, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withObjectString: true }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), values), (value) => {
        expect(jsonCopy(value)).toStrictEqual(roundTrip(value));
      }),
      { numRuns: 500 },
    );
  });

  it('shares nothing with the original', () => {
    const original = { tags: ['a'], price: { amount: 1 } };
    const copy = jsonCopy(original);
    copy.tags.push('b');
    copy.price.amount = 2;
    expect(original).toEqual({ tags: ['a'], price: { amount: 1 } });
  });

  it('takes the round trip for what is not plain data: dates, toJSON, -0, NaN, undefined in arrays, an own __proto__ key', () => {
    const at = new Date('2024-05-01T10:00:00.000Z');
    const tricky = { at, custom: { toJSON: () => 'custom' }, zero: -0, nan: Number.NaN, list: [undefined, () => 1, Infinity], gone: undefined, [Symbol('s')]: 1 };
    expect(jsonCopy(tricky)).toStrictEqual({ at: '2024-05-01T10:00:00.000Z', custom: 'custom', zero: 0, nan: null, list: [null, null, null] });
    const withProto = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = jsonCopy(withProto);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
