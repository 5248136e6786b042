/** Contract: revision-guarded writes, tombstones and unguarded upserts. */
import type { ContractContext } from './contract-helpers';
import type { Document } from './port';
import { revisionPath } from './revisions';

interface Product extends Document {
  name: string;
  stock?: { available: number };
}

const product = (id: string, name: string) => ({ _id: id, name });

export function guardedWritesContract({ freshCollection }: ContractContext): void {
  describe('guarded replace', () => {
    it('applies a first and a newer revision, and reports the same or an older one as stale', async () => {
      const products = freshCollection<Product>();
      const guard = (revision: number) => ({ stream: 'product-p1', revision });
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'v3'), guard: guard(3) })).toBe('applied');
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'again v3'), guard: guard(3) })).toBe('stale');
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'v2'), guard: guard(2) })).toBe('stale');
      expect(await products.findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'v3', _revisions: { 'product-p1': 3 } });
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'v4'), guard: guard(4) })).toBe('applied');
      expect(await products.findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'v4', _revisions: { 'product-p1': 4 } });
    });

    it('tracks each source stream separately, stream ids with dots and dollars included', async () => {
      const products = freshCollection<Product>();
      const productStream = (revision: number) => ({ stream: 'product-p1', revision });
      const stockStream = (revision: number) => ({ stream: 'inventory-sku.1$a', revision });
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'named'), guard: productStream(5) })).toBe('applied');
      expect(await products.replaceIfNewer({ id: 'p1', doc: { ...product('p1', 'named'), stock: { available: 2 } }, guard: stockStream(2) })).toBe('applied');
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'old stock'), guard: stockStream(1) })).toBe('stale');
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'old name'), guard: productStream(5) })).toBe('stale');
      const stored = await products.findOne({ _id: 'p1' });
      expect(stored).toEqual({ _id: 'p1', name: 'named', stock: { available: 2 }, _revisions: { 'product-p1': 5, 'inventory-sku.1$a': 2 } });
      expect(await products.count({ [revisionPath('inventory-sku.1$a')]: { $gte: 2 } })).toBe(1);
      expect(await products.count({ [revisionPath('inventory-sku.1$a')]: { $gte: 3 } })).toBe(0);
    });

    it('deletes with a null document and keeps the revision, so an older write cannot resurrect it', async () => {
      const products = freshCollection<Product>();
      const guard = (revision: number) => ({ stream: 'product-p1', revision });
      await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'v1'), guard: guard(1) });
      await products.replaceIfNewer({ id: 'keep', doc: product('keep', 'other'), guard: { stream: 'product-keep', revision: 1 } });
      expect(await products.replaceIfNewer({ id: 'p1', doc: null, guard: guard(2) })).toBe('applied');
      expect(await products.findOne({ _id: 'p1' })).toBeNull();
      expect(await products.find({})).toEqual([expect.objectContaining({ _id: 'keep' })]);
      expect(await products.count()).toBe(1);
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'redelivered v1'), guard: guard(1) })).toBe('stale');
      expect(await products.replaceIfNewer({ id: 'p1', doc: null, guard: guard(2) })).toBe('stale');
      expect(await products.findOne({ _id: 'p1' })).toBeNull();
      expect(await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'v3'), guard: guard(3) })).toBe('applied');
      expect(await products.findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'v3', _revisions: { 'product-p1': 3 } });
    });

    it('remembers a delete of a document it never had', async () => {
      const products = freshCollection<Product>();
      expect(await products.replaceIfNewer({ id: 'ghost', doc: null, guard: { stream: 's', revision: 4 } })).toBe('applied');
      expect(await products.replaceIfNewer({ id: 'ghost', doc: product('ghost', 'late'), guard: { stream: 's', revision: 3 } })).toBe('stale');
      expect(await products.count()).toBe(0);
    });
  });

  describe('guarded replace of many', () => {
    it('reports outcomes in input order, applying writes to one id in sequence', async () => {
      const products = freshCollection<Product>();
      await products.replaceIfNewer({ id: 'c', doc: product('c', 'c5'), guard: { stream: 'sc', revision: 5 } });
      await products.replaceIfNewer({ id: 'd', doc: product('d', 'd1'), guard: { stream: 'sd', revision: 1 } });
      const outcomes = await products.replaceManyIfNewer([
        { id: 'a', doc: product('a', 'a1'), guard: { stream: 'sa', revision: 1 } },
        { id: 'a', doc: product('a', 'a1 again'), guard: { stream: 'sa', revision: 1 } },
        { id: 'b', doc: product('b', 'b3'), guard: { stream: 'sb', revision: 3 } },
        { id: 'c', doc: product('c', 'c4'), guard: { stream: 'sc', revision: 4 } },
        { id: 'a', doc: product('a', 'a2'), guard: { stream: 'sa', revision: 2 } },
        { id: 'c', doc: product('c', 'c6'), guard: { stream: 'sc', revision: 6 } },
        { id: 'd', doc: null, guard: { stream: 'sd', revision: 2 } },
        { id: 'd', doc: product('d', 'd1 redelivered'), guard: { stream: 'sd', revision: 1 } },
      ]);
      expect(outcomes).toEqual(['applied', 'stale', 'applied', 'stale', 'applied', 'applied', 'applied', 'stale']);
      const stored = await products.find({}, { sort: { _id: 1 } });
      expect(stored.map((doc) => [doc._id, doc.name, doc._revisions])).toEqual([
        ['a', 'a2', { sa: 2 }],
        ['b', 'b3', { sb: 3 }],
        ['c', 'c6', { sc: 6 }],
      ]);
      expect(await products.replaceManyIfNewer([{ id: 'd', doc: product('d', 'd1'), guard: { stream: 'sd', revision: 1 } }])).toEqual(['stale']);
      expect(await products.replaceManyIfNewer([])).toEqual([]);
    });
  });

  describe('guarded partial update', () => {
    it('sets only the given fields, per stream, creating the document only when asked', async () => {
      const products = freshCollection<Product>();
      const stock = (revision: number) => ({ stream: 'inventory-sku1', revision });
      const catalog = (revision: number) => ({ stream: 'product-p1', revision });
      expect(await products.updateIfNewer({ id: 'p1', set: { 'stock.available': 1 }, guard: stock(1) })).toBe('stale');
      expect(await products.count()).toBe(0);
      expect(await products.updateIfNewer({ id: 'p1', set: { name: 'Shoe' }, guard: catalog(1), upsert: true })).toBe('applied');
      expect(await products.updateIfNewer({ id: 'p1', set: { 'stock.available': 7 }, guard: stock(3) })).toBe('applied');
      expect(await products.updateIfNewer({ id: 'p1', set: { 'stock.available': 6 }, guard: stock(3) })).toBe('stale');
      expect(await products.updateIfNewer({ id: 'p1', set: { name: 'Red shoe' }, guard: catalog(2) })).toBe('applied');
      expect(await products.findOne({ _id: 'p1' })).toEqual({
        _id: 'p1',
        name: 'Red shoe',
        stock: { available: 7 },
        _revisions: { 'product-p1': 2, 'inventory-sku1': 3 },
      });
    });

    it('cannot resurrect a deleted document with an older revision', async () => {
      const products = freshCollection<Product>();
      const guard = (revision: number) => ({ stream: 'product-p1', revision });
      await products.replaceIfNewer({ id: 'p1', doc: product('p1', 'v1'), guard: guard(1) });
      await products.replaceIfNewer({ id: 'p1', doc: null, guard: guard(3) });
      expect(await products.updateIfNewer({ id: 'p1', set: { name: 'v2' }, guard: guard(2), upsert: true })).toBe('stale');
      expect(await products.findOne({ _id: 'p1' })).toBeNull();
      expect(await products.updateIfNewer({ id: 'p1', set: { name: 'v4' }, guard: guard(4), upsert: true })).toBe('applied');
      expect(await products.findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'v4', _revisions: { 'product-p1': 4 } });
    });

    it('refuses to set the fields the store manages', async () => {
      const products = freshCollection<Product>();
      await expect(products.updateIfNewer({ id: 'p1', set: { _revisions: {} }, guard: { stream: 's', revision: 1 }, upsert: true })).rejects.toMatchObject({ code: 'validation' });
    });

    it('guards against what the caller read just before, one document at a time too', async () => {
      const products = freshCollection<Product>();
      await products.updateIfNewer({ id: 'p', set: { name: 'v1' }, guard: { stream: 'product-p', revision: 1 }, upsert: true });
      await products.updateIfNewer({ id: 'r', set: { name: 'r1' }, guard: { stream: 'product-r', revision: 1 }, upsert: true });
      const at = Date.now();
      const readBefore = (id: string, doc: Product | null) => ({ docs: new Map([[id, doc]]), at });
      const [p, r] = [await products.findOne({ _id: 'p' }), await products.findOne({ _id: 'r' })];
      // after the caller's reads: another stream's fields on p, a newer revision of r, and q created
      await products.updateIfNewer({ id: 'p', set: { stock: { available: 3 } }, guard: { stream: 'inventory-p', revision: 1 } });
      await products.updateIfNewer({ id: 'r', set: { name: 'r3' }, guard: { stream: 'product-r', revision: 3 } });
      await products.updateIfNewer({ id: 'q', set: { name: 'q1' }, guard: { stream: 'product-q', revision: 1 }, upsert: true });
      expect(await products.updateIfNewer({ id: 'p', set: { name: 'v2' }, guard: { stream: 'product-p', revision: 2 } }, readBefore('p', p))).toBe('applied');
      expect(await products.updateIfNewer({ id: 'r', set: { name: 'r2' }, guard: { stream: 'product-r', revision: 2 } }, readBefore('r', r))).toBe('stale');
      expect(await products.updateIfNewer({ id: 'q', set: { name: 'q0' }, guard: { stream: 'product-q', revision: 0 }, upsert: true }, readBefore('q', null))).toBe('stale');
      expect(await products.updateIfNewer({ id: 'n', set: { name: 'n0' }, guard: { stream: 'product-n', revision: 0 }, upsert: true }, readBefore('n', null))).toBe('applied');
      expect(await products.find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'n', name: 'n0', _revisions: { 'product-n': 0 } },
        { _id: 'p', name: 'v2', stock: { available: 3 }, _revisions: { 'product-p': 2, 'inventory-p': 1 } },
        { _id: 'q', name: 'q1', _revisions: { 'product-q': 1 } },
        { _id: 'r', name: 'r3', _revisions: { 'product-r': 3 } },
      ]);
    });
  });

  describe('guarded partial update of many', () => {
    it('reports outcomes in input order: stale, created only when asked, per stream, one id in sequence, tombstones kept', async () => {
      const products = freshCollection<Product>();
      await products.updateIfNewer({ id: 'live', set: { name: 'Shoe' }, guard: { stream: 'product-live', revision: 2 }, upsert: true });
      await products.replaceIfNewer({ id: 'gone', doc: null, guard: { stream: 'product-gone', revision: 5 } });
      const outcomes = await products.updateManyIfNewer([
        { id: 'live', set: { 'stock.available': 4 }, guard: { stream: 'inventory-live', revision: 1 } },
        { id: 'live', set: { name: 'old name' }, guard: { stream: 'product-live', revision: 2 } },
        { id: 'new', set: { name: 'Boot' }, guard: { stream: 'product-new', revision: 0 }, upsert: true },
        { id: 'absent', set: { 'stock.available': 1 }, guard: { stream: 'inventory-absent', revision: 0 } },
        { id: 'gone', set: { name: 'redelivered' }, guard: { stream: 'product-gone', revision: 4 }, upsert: true },
        { id: 'live', set: { name: 'Red shoe' }, guard: { stream: 'product-live', revision: 3 } },
        { id: 'again', set: { name: 'A1' }, guard: { stream: 'product-again', revision: 1 }, upsert: true },
      ]);
      expect(outcomes).toEqual(['applied', 'stale', 'applied', 'stale', 'stale', 'applied', 'applied']);
      const stored = await products.find({}, { sort: { _id: 1 } });
      expect(stored).toEqual([
        { _id: 'again', name: 'A1', _revisions: { 'product-again': 1 } },
        { _id: 'live', name: 'Red shoe', stock: { available: 4 }, _revisions: { 'product-live': 3, 'inventory-live': 1 } },
        { _id: 'new', name: 'Boot', _revisions: { 'product-new': 0 } },
      ]);
      // Redelivered: nothing changes.
      expect(await products.updateManyIfNewer([
        { id: 'new', set: { name: 'Boot again' }, guard: { stream: 'product-new', revision: 0 }, upsert: true },
        { id: 'again', set: { name: 'A1 again' }, guard: { stream: 'product-again', revision: 1 }, upsert: true },
      ])).toEqual(['stale', 'stale']);
      expect(await products.updateManyIfNewer([{ id: 'gone', set: { name: 'back' }, guard: { stream: 'product-gone', revision: 6 }, upsert: true }])).toEqual(['applied']);
      expect(await products.findOne({ _id: 'gone' })).toEqual({ _id: 'gone', name: 'back', _revisions: { 'product-gone': 6 } });
      expect(await products.updateManyIfNewer([])).toEqual([]);
    });

    it('guards against what the caller read just before: a document changed since is written over only by a newer write', async () => {
      const products = freshCollection<Product>();
      const stream = 'product.p$1';
      await products.replaceIfNewer({ id: 'p', doc: product('p', 'v1'), guard: { stream, revision: 1 } });
      await products.replaceIfNewer({ id: 'r', doc: product('r', 'r1'), guard: { stream: 'product-r', revision: 1 } });
      const at = Date.now();
      const docs = new Map([
        ['p', await products.findOne({ _id: 'p' })],
        ['r', await products.findOne({ _id: 'r' })],
        ['q', null],
      ]);
      // after the caller's read: another stream's fields, a newer revision of r, and q created
      await products.updateIfNewer({ id: 'p', set: { stock: { available: 3 } }, guard: { stream: 'inventory-p', revision: 1 } });
      await products.replaceIfNewer({ id: 'r', doc: product('r', 'r3'), guard: { stream: 'product-r', revision: 3 } });
      await products.updateIfNewer({ id: 'q', set: { name: 'q1' }, guard: { stream: 'product-q', revision: 1 }, upsert: true });
      const updates = [
        { id: 'p', set: { name: 'v2' }, guard: { stream, revision: 2 } },
        { id: 'q', set: { name: 'q0' }, guard: { stream: 'product-q', revision: 0 }, upsert: true },
      ];
      expect(await products.updateManyIfNewer(updates, { docs, at })).toEqual(['applied', 'stale']);
      expect(await products.replaceManyIfNewer([{ id: 'r', doc: product('r', 'r2'), guard: { stream: 'product-r', revision: 2 } }], { docs, at })).toEqual(['stale']);
      expect(await products.find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'p', name: 'v2', stock: { available: 3 }, _revisions: { [stream]: 2, 'inventory-p': 1 } },
        { _id: 'q', name: 'q1', _revisions: { 'product-q': 1 } },
        { _id: 'r', name: 'r3', _revisions: { 'product-r': 3 } },
      ]);
    });

    it('refuses to set the fields the store manages', async () => {
      const products = freshCollection<Product>();
      await expect(products.updateManyIfNewer([{ id: 'p1', set: { _revisions: {} }, guard: { stream: 's', revision: 1 }, upsert: true }])).rejects.toMatchObject({ code: 'validation' });
    });
  });

  describe('unguarded writes', () => {
    it('upserts many documents at once, keeping the revisions they carry for later guarded writes', async () => {
      const products = freshCollection<Product>();
      await products.upsert(product('p0', 'before'));
      await products.upsertMany([]);
      await products.upsertMany([
        { ...product('p0', 'replaced'), _revisions: { 'product-p0': 2 } },
        { ...product('p1', 'staged'), stock: { available: 3 }, _revisions: { 'product-p1': 4, 'inventory-S.1': 7 } },
      ]);
      expect(await products.find({}, { sort: { _id: 1 } })).toEqual([
        { ...product('p0', 'replaced'), _revisions: { 'product-p0': 2 } },
        { ...product('p1', 'staged'), stock: { available: 3 }, _revisions: { 'product-p1': 4, 'inventory-S.1': 7 } },
      ]);
      expect(await products.updateIfNewer({ id: 'p1', set: { 'stock.available': 2 }, guard: { stream: 'inventory-S.1', revision: 7 } })).toBe('stale');
      expect(await products.updateIfNewer({ id: 'p1', set: { name: 'renamed' }, guard: { stream: 'product-p1', revision: 5 } })).toBe('applied');
      expect(await products.findOne({ _id: 'p1' })).toEqual({ ...product('p1', 'renamed'), stock: { available: 3 }, _revisions: { 'product-p1': 5, 'inventory-S.1': 7 } });
    });

    it('inserts many new documents with their revisions, and refuses one whose id is live', async () => {
      const products = freshCollection<Product>();
      await products.insertMany([]);
      await products.insertMany([
        { ...product('p1', 'one'), _revisions: { 'product-p1': 2 } },
        { ...product('p2', 'two'), _revisions: { 'product-p2': 0, 'inventory-S.2': 5 } },
      ]);
      expect(await products.find({}, { sort: { _id: 1 } })).toEqual([
        { ...product('p1', 'one'), _revisions: { 'product-p1': 2 } },
        { ...product('p2', 'two'), _revisions: { 'product-p2': 0, 'inventory-S.2': 5 } },
      ]);
      expect(await products.updateIfNewer({ id: 'p2', set: { name: 'late' }, guard: { stream: 'inventory-S.2', revision: 5 } })).toBe('stale');
      await expect(products.insertMany([product('p1', 'again')])).rejects.toMatchObject({ code: 'conflict' });
      expect(await products.findOne({ _id: 'p1' })).toMatchObject({ name: 'one' });
    });

    it('takes documents handed over as it takes copies, and never changes them in place', async () => {
      const products = freshCollection<Product & { sku: string }>();
      await products.createIndex({ keys: { sku: 1 }, unique: true, name: 'sku_unique' });
      const handed: Array<Product & { sku: string }> = [
        { ...product('p1', 'one'), sku: 'S-1', _revisions: { 'product-p1': 2 } },
        { ...product('p2', 'two'), sku: 'S-2', _revisions: { 'product-p2': 0, 'inventory-S.2': 5 } },
      ];
      const asHanded = structuredClone(handed);
      await products.insertMany(handed, { handedOver: true });
      expect(await products.find({}, { sort: { _id: 1 } })).toEqual(asHanded);
      expect(await products.updateIfNewer({ id: 'p2', set: { name: 'late' }, guard: { stream: 'inventory-S.2', revision: 5 } })).toBe('stale');
      expect(await products.updateIfNewer({ id: 'p1', set: { name: 'renamed' }, guard: { stream: 'product-p1', revision: 3 } })).toBe('applied');
      const found = await products.findOne({ _id: 'p1' });
      expect(found).toEqual({ ...product('p1', 'renamed'), sku: 'S-1', _revisions: { 'product-p1': 3 } });
      (found as { name: string }).name = 'changed by the caller';
      expect(await products.findOne({ _id: 'p1' })).toMatchObject({ name: 'renamed' });
      expect(handed).toEqual(asHanded);
      await expect(products.insertMany([{ ...product('p3', 'three'), sku: 'S-1' }], { handedOver: true })).rejects.toMatchObject({ code: 'conflict' });
      await expect(products.insertMany([{ ...product('p1', 'again'), sku: 'S-9' }], { handedOver: true })).rejects.toMatchObject({ code: 'conflict' });
      expect(await products.count()).toBe(2);
    });

    it('refuses upserts that break a unique index with a conflict naming it', async () => {
      const products = freshCollection<Product & { sku: string }>();
      await products.createIndex({ keys: { sku: 1 }, unique: true, name: 'sku_unique' });
      await products.upsert({ ...product('p1', 'one'), sku: 'S-1' });
      await expect(products.upsertMany([{ ...product('p2', 'two'), sku: 'S-2' }, { ...product('p3', 'three'), sku: 'S-1' }])).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('sku_unique'),
      });
      expect(await products.findOne({ sku: 'S-1' })).toMatchObject({ _id: 'p1' });
      await expect(products.insertMany([{ ...product('p4', 'four'), sku: 'S-4' }, { ...product('p5', 'five'), sku: 'S-1' }])).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('sku_unique'),
      });
    });

    it('upserts and deletes one document', async () => {
      const products = freshCollection<Product>();
      await products.upsert(product('p1', 'first'));
      await products.upsert(product('p1', 'second'));
      expect(await products.find({})).toEqual([{ _id: 'p1', name: 'second' }]);
      expect(await products.deleteOne('p1')).toBe(true);
      expect(await products.deleteOne('p1')).toBe(false);
      expect(await products.count()).toBe(0);
    });
  });
}
