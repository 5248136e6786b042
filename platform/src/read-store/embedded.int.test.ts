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
});
