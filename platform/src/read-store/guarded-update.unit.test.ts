import { withFieldsSet } from './guarded-update';

describe('withFieldsSet', () => {
  it('sets top-level fields as $set does: replaced whole, others kept in place, new ones last', () => {
    const base = { _id: 'p1', name: 'Shoe', stock: { available: 3, inStock: true }, tags: ['red'] };
    const updated = withFieldsSet('p1', base, { stock: { available: 0 }, price: 5, name: 'Red shoe' });
    expect(updated).toEqual({ _id: 'p1', name: 'Red shoe', stock: { available: 0 }, tags: ['red'], price: 5 });
    expect(Object.keys(updated)).toEqual(['_id', 'name', 'stock', 'tags', 'price']);
  });

  it('leaves the base and the caller’s values untouched, and stores JSON copies of the values', () => {
    const base = { _id: 'p1', stock: { available: 3 } };
    const value = { available: 1, at: new Date('2024-05-01T10:00:00.000Z'), gone: undefined };
    const updated = withFieldsSet('p1', base, { stock: value, skipped: undefined });
    value.available = 99;
    expect(base).toEqual({ _id: 'p1', stock: { available: 3 } });
    expect(updated).toEqual({ _id: 'p1', stock: { available: 1, at: '2024-05-01T10:00:00.000Z' } });
    expect('skipped' in updated).toBe(false);
  });

  it('creates a document from the fields when there is no base', () => {
    expect(withFieldsSet('p2', undefined, { name: 'Hat' })).toEqual({ _id: 'p2', name: 'Hat' });
  });

  it('follows dotted paths into nested objects, creating them, without touching the base', () => {
    const base = { _id: 'p1', stock: { available: 3, inStock: true } };
    expect(withFieldsSet('p1', base, { 'stock.available': 0, 'price.amount': 5, name: 'Shoe' })).toEqual({
      _id: 'p1', stock: { available: 0, inStock: true }, price: { amount: 5 }, name: 'Shoe',
    });
    expect(base).toEqual({ _id: 'p1', stock: { available: 3, inStock: true } });
  });

  it('refuses a field named __proto__ rather than setting a prototype, as mingo does', () => {
    const set = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(() => withFieldsSet('p1', { _id: 'p1' }, set)).toThrow(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
