import { jsonCopy } from './json-copy';
import { emptyRevisions, withRevision } from './revisions';

describe('revisions by stream id', () => {
  it('are plain objects that keep their streams in the order they were added', () => {
    const revisions = emptyRevisions();
    expect(revisions).toEqual({});
    revisions['product-b'] = 2;
    revisions['inventory-a.1'] = 0;
    expect(Object.getPrototypeOf(revisions)).toBe(Object.prototype);
    expect(JSON.stringify(revisions)).toBe('{"product-b":2,"inventory-a.1":0}');
    // copied as plain data by the stores (no JSON round trip), and equal to a literal
    expect(jsonCopy(revisions)).toEqual({ 'product-b': 2, 'inventory-a.1': 0 });
  });

  it('take a guard\'s revision beside the others, the stored ones left as they were', () => {
    const stored = { 'product-p1': 3, 'inventory-S%2E1': 1 };
    expect(withRevision(stored, { stream: 'inventory-S.1', revision: 4 })).toEqual({ 'product-p1': 3, 'inventory-S%2E1': 4 });
    expect(withRevision(stored, { stream: 'order-o1', revision: 0 })).toEqual({ 'product-p1': 3, 'inventory-S%2E1': 1, 'order-o1': 0 });
    expect(withRevision(undefined, { stream: 'order-o1', revision: 0 })).toEqual({ 'order-o1': 0 });
    expect(stored).toEqual({ 'product-p1': 3, 'inventory-S%2E1': 1 });
  });
});
