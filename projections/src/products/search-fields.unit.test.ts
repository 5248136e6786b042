import { evolveProductFields, foldProductFields, searchFieldsOf } from './document';

const product = { name: 'Summit Hiking Pack', description: 'Pack for hikes', category: 'sports', tags: ['trail'] };

describe('search fields of the products read model', () => {
  it('keeps each word once for prefix search and adds one-deletion keys to words of 4+ letters', () => {
    const { searchTerms, searchKeys } = searchFieldsOf(product);
    expect(searchTerms).toEqual(['summit', 'hiking', 'pack', 'for', 'hikes', 'sports', 'trail']);
    expect(searchKeys).toEqual(expect.arrayContaining(['hiking', 'hikng', 'iking', 'pack', 'pck', 'for', 'trai']));
    expect(searchKeys).not.toContain('fr');
    expect(new Set(searchKeys).size).toBe(searchKeys.length);
  });

  it('stays small for the largest description allowed: words past 32 letters get no deletion keys', () => {
    const oneLongWord = 'x'.repeat(4999);
    const manyWords = Array.from({ length: 1000 }, (_, index) => `w${index.toString(36).padStart(3, 'q')}`).join(' ').slice(0, 5000);
    for (const description of [oneLongWord, manyWords]) {
      const fields = searchFieldsOf({ ...product, description });
      // 25 MB of keys for the long word before the bound; now the word itself
      expect(JSON.stringify(fields).length).toBeLessThan(64 * 1024);
    }
    expect(searchFieldsOf({ ...product, description: `${'y'.repeat(33)} ${'z'.repeat(32)}` }).searchKeys).toEqual(expect.arrayContaining(['y'.repeat(33), 'z'.repeat(31)]));
    expect(searchFieldsOf({ ...product, description: 'y'.repeat(33) }).searchKeys).not.toContain('y'.repeat(32));
  });

  it('rebuilds the search fields when the details change', () => {
    const created = evolveProductFields(null, {
      type: 'ProductCreated', revision: 0, occurredAt: '2024-05-01T10:00:00.000Z',
      data: { productId: 'p', sku: 'SKU-1', ...product, price: { amount: 500, currency: 'EUR' }, listedBy: null },
    });
    expect(created?.searchKeys).toContain('hikng');
    const renamed = evolveProductFields(created, { type: 'ProductDetailsUpdated', revision: 1, occurredAt: '2024-05-01T10:00:00.000Z', data: { productId: 'p', name: 'Lantern', description: '', tags: [] } });
    expect(renamed?.searchTerms).toEqual(['lantern', 'sports']);
    expect(renamed?.searchKeys).toEqual(expect.arrayContaining(['lantern', 'lanern', 'sports', 'sprts']));
    expect(renamed?.searchKeys).not.toContain('hiking');
  });

  it('folds a stream the same as one event at a time, working the search fields out once at the end', () => {
    const events = [
      { type: 'ProductCreated', revision: 0, occurredAt: '2024-05-01T10:00:00.000Z', data: { productId: 'p', sku: 'SKU-1', ...product, price: { amount: 500, currency: 'EUR' }, listedBy: null } },
      { type: 'ProductDetailsUpdated', revision: 1, occurredAt: '2024-05-01T10:01:00.000Z', data: { productId: 'p', name: 'Lantern', description: null, category: null, tags: null } },
      { type: 'ProductPriceChanged', revision: 2, occurredAt: '2024-05-01T10:02:00.000Z', data: { productId: 'p', price: { amount: 700, currency: 'EUR' }, previousPrice: { amount: 500, currency: 'EUR' } } },
    ];
    const stepwise = events.reduce<ReturnType<typeof evolveProductFields>>((fields, event) => evolveProductFields(fields, event), null);
    const folded = foldProductFields(null, events);
    expect(folded.fields).toEqual(stepwise);
    expect(folded.fields?.searchTerms).toEqual(['lantern', 'pack', 'for', 'hikes', 'sports', 'trail']);
    expect({ created: folded.created?.revision, last: folded.last?.revision }).toEqual({ created: 0, last: 2 });

    // A price change keeps the search fields as they were (the same arrays), and an event already seen changes nothing.
    const repriced = foldProductFields(folded.fields, [events[1] as (typeof events)[number], { ...(events[2] as (typeof events)[number]), revision: 3 }]);
    expect(repriced.fields?.searchKeys).toBe(folded.fields?.searchKeys);
    expect({ created: repriced.created, last: repriced.last?.revision, revision: repriced.fields?.revision }).toEqual({ created: undefined, last: 3, revision: 3 });
  });
});
