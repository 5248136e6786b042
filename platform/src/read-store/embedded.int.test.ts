import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStoreContract } from './contract';
import { createMemoryReadStore, openEmbeddedReadStore } from './embedded';
import type { Document } from './port';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'read-store-'));

readStoreContract('embedded (SQLite file)', async () => {
  const dir = tempDir();
  const store = openEmbeddedReadStore(path.join(dir, 'read.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

readStoreContract('memory (no file)', async () => {
  const store = createMemoryReadStore();
  return { store, cleanup: () => store.close() };
});

interface Product extends Document {
  name: string;
  sku: string;
}

describe('embedded read store persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds documents, revisions, tombstones, unique indexes and checkpoints again after reopening', async () => {
    const file = path.join(dir, 'read.db');
    const first = openEmbeddedReadStore(file);
    const products = first.collection<Product>('products');
    await products.createIndex({ keys: { sku: 1 }, unique: true, name: 'sku_unique' });
    await products.replaceManyIfNewer([
      { id: 'p1', doc: { _id: 'p1', name: 'Shoe', sku: 'S-1' }, guard: { stream: 'product-p1', revision: 3 } },
      { id: 'p2', doc: { _id: 'p2', name: 'Hat', sku: 'H-1' }, guard: { stream: 'product-p2', revision: 1 } },
    ]);
    await products.updateIfNewer({ id: 'p1', set: { 'stock.available': 4 }, guard: { stream: 'inventory-S.1', revision: 9 } });
    await products.replaceIfNewer({ id: 'p2', doc: null, guard: { stream: 'product-p2', revision: 2 } });
    await first.setCheckpoint('products-projection', { position: '1234' });
    await first.close();

    const second = openEmbeddedReadStore(file);
    const reopened = second.collection<Product>('products');
    expect(await reopened.find({})).toEqual([
      { _id: 'p1', name: 'Shoe', sku: 'S-1', stock: { available: 4 }, _revisions: { 'product-p1': 3, 'inventory-S.1': 9 } },
    ]);
    expect(await reopened.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'old', sku: 'S-1' }, guard: { stream: 'product-p1', revision: 3 } })).toBe('stale');
    expect(await reopened.replaceIfNewer({ id: 'p2', doc: { _id: 'p2', name: 'Hat', sku: 'H-1' }, guard: { stream: 'product-p2', revision: 1 } })).toBe('stale');
    expect(await reopened.count()).toBe(1);
    await expect(reopened.upsert({ _id: 'p3', name: 'Copy', sku: 'S-1' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('sku_unique') });
    expect(await second.getCheckpoint('products-projection')).toEqual({ position: '1234' });
    expect(await second.listCollections()).toEqual(['products']);
    await second.close();
  });

  it('rolls a failed batch back in memory and on disk alike', async () => {
    const file = path.join(dir, 'read.db');
    const first = openEmbeddedReadStore(file);
    const products = first.collection<Product>('products');
    await products.createIndex({ keys: { sku: 1 }, unique: true });
    await products.upsert({ _id: 'p1', name: 'Shoe', sku: 'S-1' });
    const batch = products.replaceManyIfNewer([
      { id: 'p2', doc: { _id: 'p2', name: 'Hat', sku: 'H-1' }, guard: { stream: 'product-p2', revision: 1 } },
      { id: 'p3', doc: { _id: 'p3', name: 'Clash', sku: 'S-1' }, guard: { stream: 'product-p3', revision: 1 } },
    ]);
    await expect(batch).rejects.toMatchObject({ code: 'conflict' });
    expect(await products.count()).toBe(1);
    expect(await products.replaceIfNewer({ id: 'p2', doc: { _id: 'p2', name: 'Hat', sku: 'H-1' }, guard: { stream: 'product-p2', revision: 1 } })).toBe('applied');
    await first.close();
    const second = openEmbeddedReadStore(file);
    expect((await second.collection<Product>('products').find({}, { sort: { _id: 1 } })).map((doc) => doc._id)).toEqual(['p1', 'p2']);
    await second.close();
  });

  describe('deferred writes (a rebuild\'s own stage)', () => {
    const fileOf = () => path.join(dir, 'read.db');
    /** What the file holds now, through a second store on it. */
    const inFile = async (collection: string) => {
      const other = openEmbeddedReadStore(fileOf());
      try {
        return await other.collection<Product>(collection).find({}, { sort: { _id: 1 } });
      } finally {
        await other.close();
      }
    };
    const guard = (stream: string, revision: number) => ({ stream, revision });

    it('keeps a deferred collection\'s writes in memory until a flush writes each document as memory holds it; other collections are written as usual', async () => {
      const store = openEmbeddedReadStore(fileOf());
      const products = store.collection<Product>('products');
      await products.upsert({ _id: 'old', name: 'Old', sku: 'O-1' });
      const stage = store.deferWrites?.(['products']);
      if (!stage) throw new Error('the embedded store has its own stage');
      await products.updateIfNewer({ id: 'p1', set: { name: 'Shoe', sku: 'S-1' }, guard: guard('product-p1', 0), upsert: true });
      await products.updateIfNewer({ id: 'p1', set: { 'stock.available': 4 }, guard: guard('inventory-S.1', 3) });
      await products.replaceIfNewer({ id: 'old', doc: null, guard: guard('product-old', 5) });
      await store.collection<Product>('others').upsert({ _id: 'x', name: 'Elsewhere', sku: 'X' });
      expect(await products.find({})).toEqual([{ _id: 'p1', name: 'Shoe', sku: 'S-1', stock: { available: 4 }, _revisions: { 'product-p1': 0, 'inventory-S.1': 3 } }]);
      expect(stage.stagedDocuments()).toBe(2);
      expect({ products: await inFile('products'), others: await inFile('others') }).toEqual({
        products: [{ _id: 'old', name: 'Old', sku: 'O-1' }],
        others: [{ _id: 'x', name: 'Elsewhere', sku: 'X' }],
      });

      await stage.flush();
      expect(stage.stagedDocuments()).toBe(0);
      expect(await inFile('products')).toEqual([{ _id: 'p1', name: 'Shoe', sku: 'S-1', stock: { available: 4 }, _revisions: { 'product-p1': 0, 'inventory-S.1': 3 } }]);
      // Held back again after a flush, and written by the stage's close; after it, writes reach the file as usual.
      await products.updateIfNewer({ id: 'p1', set: { name: 'Red shoe' }, guard: guard('product-p1', 1) });
      expect((await inFile('products'))[0]?.name).toBe('Shoe');
      await stage.close();
      expect((await inFile('products'))[0]?.name).toBe('Red shoe');
      await products.upsert({ _id: 'p2', name: 'Boot', sku: 'B-1' });
      expect((await inFile('products')).map((doc) => doc._id)).toEqual(['p1', 'p2']);
      await store.close();

      // The tombstone reached the file with the flush: a redelivery of the deleted document is stale after a restart.
      const reopened = openEmbeddedReadStore(fileOf());
      expect(await reopened.collection<Product>('products').replaceIfNewer({ id: 'old', doc: { _id: 'old', name: 'Old', sku: 'O-1' }, guard: guard('product-old', 4) })).toBe('stale');
      await reopened.close();
    });

    it('lists a collection whose first documents a flush wrote, after a restart', async () => {
      const store = openEmbeddedReadStore(fileOf());
      const stage = store.deferWrites?.(['rebuilt']);
      if (!stage) throw new Error('the embedded store has its own stage');
      await store.collection<Product>('rebuilt').insertMany([1, 2, 3].map((n) => ({ _id: `p${n}`, name: `Product ${n}`, sku: `S-${n}` })), { handedOver: true });
      await stage.close();
      await store.close();

      const reopened = openEmbeddedReadStore(fileOf());
      expect(await reopened.listCollections()).toContain('rebuilt');
      expect((await reopened.collection<Product>('rebuilt').find({}, { sort: { _id: 1 } })).map((doc) => doc._id)).toEqual(['p1', 'p2', 'p3']);
      await reopened.close();
    });

    it('takes a refused write back in memory and in the stage; a drop discards what the stage holds; closing the store writes it', async () => {
      const store = openEmbeddedReadStore(fileOf());
      const products = store.collection<Product>('products');
      await products.createIndex({ keys: { sku: 1 }, unique: true, name: 'sku_unique' });
      const stage = store.deferWrites?.(['products']);
      if (!stage) throw new Error('the embedded store has its own stage');
      await products.upsert({ _id: 'p1', name: 'Shoe', sku: 'S-1' });
      await expect(products.replaceManyIfNewer([
        { id: 'p2', doc: { _id: 'p2', name: 'Hat', sku: 'H-1' }, guard: guard('product-p2', 1) },
        { id: 'p3', doc: { _id: 'p3', name: 'Clash', sku: 'S-1' }, guard: guard('product-p3', 1) },
      ])).rejects.toMatchObject({ code: 'conflict' });
      expect({ staged: stage.stagedDocuments(), ids: (await products.find({})).map((doc) => doc._id) }).toEqual({ staged: 1, ids: ['p1'] });
      await stage.flush();
      expect((await inFile('products')).map((doc) => doc._id)).toEqual(['p1']);

      await products.upsert({ _id: 'p4', name: 'Sock', sku: 'K-1' });
      await products.drop();
      expect(stage.stagedDocuments()).toBe(0);
      await products.upsert({ _id: 'p5', name: 'Scarf', sku: 'F-1' });
      expect(await inFile('products')).toEqual([]);
      await store.close();
      expect(await inFile('products')).toEqual([{ _id: 'p5', name: 'Scarf', sku: 'F-1' }]);
    });
  });
});
