import { stageWrites } from './staged';
import { testReadStores } from './test-stores.fixture';
import type { TestReadStore } from './test-stores.fixture';
import type { Document } from './port';

interface Product extends Document {
  name: string;
  sku?: string;
  stock?: number;
}

const guard = (stream: string, revision: number) => ({ stream, revision });

describe.each(testReadStores)('writes staged in memory over the %s read store', (_name, open) => {
  let opened: TestReadStore;
  let run = 0;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(() => opened.cleanup());
  const names = () => {
    run += 1;
    return { staged: `staged_${run}`, other: `other_${run}` };
  };

  it('writes nothing to the store until a flush, then each document once with all its revisions', async () => {
    const { staged: name } = names();
    const target = opened.store.collection<Product>(name);
    const staged = stageWrites(opened.store, { collections: [name] });
    const products = staged.collection<Product>(name);
    await products.updateIfNewer({ id: 'p1', set: { name: 'Shoe' }, guard: guard('product-p1', 0), upsert: true });
    await products.updateIfNewer({ id: 'p1', set: { stock: 4 }, guard: guard('inventory-S.1', 3) });
    await products.updateIfNewer({ id: 'p1', set: { stock: 9 }, guard: guard('inventory-S.1', 2) });
    await products.replaceManyIfNewer([{ id: 'p2', doc: { _id: 'p2', name: 'Boot' }, guard: guard('product-p2', 1) }]);
    expect(await products.findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'Shoe', stock: 4, _revisions: { 'product-p1': 0, 'inventory-S.1': 3 } });
    expect({ staged: staged.stagedDocuments(), inStore: await target.count() }).toEqual({ staged: 2, inStore: 0 });

    await staged.flush();
    expect({ staged: staged.stagedDocuments(), inStore: await target.find({}, { sort: { _id: 1 } }) }).toEqual({
      staged: 0,
      inStore: [
        { _id: 'p1', name: 'Shoe', stock: 4, _revisions: { 'product-p1': 0, 'inventory-S.1': 3 } },
        { _id: 'p2', name: 'Boot', _revisions: { 'product-p2': 1 } },
      ],
    });
    // Read back after the flush: a redelivery is stale, a newer write applies on top of what the store holds.
    expect(await products.updateIfNewer({ id: 'p1', set: { stock: 1 }, guard: guard('inventory-S.1', 3) })).toBe('stale');
    expect(await products.updateIfNewer({ id: 'p1', set: { name: 'Red shoe' }, guard: guard('product-p1', 1) })).toBe('applied');
    await staged.close();
    expect(await target.findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'Red shoe', stock: 4, _revisions: { 'product-p1': 1, 'inventory-S.1': 3 } });
  });

  it('answers a find by an `_id` list from memory, without a flush, and reads back only what an earlier flush wrote', async () => {
    const { staged: name } = names();
    const target = opened.store.collection<Product>(name);
    const staged = stageWrites(opened.store, { collections: [name] });
    const products = staged.collection<Product>(name);
    await products.upsertMany([{ _id: 'p1', name: 'Shoe' }, { _id: 'p2', name: 'Boot' }]);
    await staged.flush();
    await products.upsert({ _id: 'p3', name: 'Sock' });
    await products.updateIfNewer({ id: 'p1', set: { stock: 2 }, guard: guard('inventory-S.1', 0) });
    // the appliers read a batch's documents so (`readByIds`): p2 read back from the store, p4 known absent
    expect(await products.find({ _id: { $in: ['p1', 'p2', 'p3', 'p4'] } }, { sort: { _id: 1 } })).toEqual([
      { _id: 'p1', name: 'Shoe', stock: 2, _revisions: { 'inventory-S.1': 0 } },
      { _id: 'p2', name: 'Boot' },
      { _id: 'p3', name: 'Sock' },
    ]);
    // nothing flushed for it: the store still holds the first flush alone
    expect({ staged: staged.stagedDocuments(), inStore: await target.find({}, { sort: { _id: 1 } }) }).toEqual({ staged: 2, inStore: [{ _id: 'p1', name: 'Shoe' }, { _id: 'p2', name: 'Boot' }] });
    await staged.close();
  });

  it('answers other queries, counts and the collection list from the store after a flush; other collections and checkpoints are the store\'s', async () => {
    const { staged: name, other } = names();
    const staged = stageWrites(opened.store, { collections: [name] });
    await staged.collection<Product>(name).upsert({ _id: 'p1', name: 'Shoe', sku: 'S-1' });
    expect(await staged.collection<Product>(name).find({ sku: 'S-1' })).toEqual([{ _id: 'p1', name: 'Shoe', sku: 'S-1' }]);
    await staged.collection<Product>(name).upsert({ _id: 'p2', name: 'Boot', sku: 'S-2' });
    expect(await staged.collection(name).count()).toBe(2);
    await staged.collection<Product>(name).upsert({ _id: 'p3', name: 'Hat' });
    expect(await staged.listCollections()).toContain(name);
    expect(await opened.store.collection(name).count()).toBe(3);

    await staged.collection<Product>(other).upsert({ _id: 'o1', name: 'direct' });
    expect(await opened.store.collection(other).findOne({ _id: 'o1' })).toEqual({ _id: 'o1', name: 'direct' });
    await staged.setCheckpoint(`checkpoint_${name}`, { at: 7 });
    expect(await opened.store.getCheckpoint(`checkpoint_${name}`)).toEqual({ at: 7 });
    expect(staged.stagedDocuments()).toBe(0);
    await staged.close();
  });

  it('sends a collection to the store once it deletes, so a tombstone keeps an older write out', async () => {
    const { staged: name } = names();
    const staged = stageWrites(opened.store, { collections: [name] });
    const products = staged.collection<Product>(name);
    await products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'Shoe' }, guard: guard('product-p1', 1) });
    expect(await products.replaceIfNewer({ id: 'p1', doc: null, guard: guard('product-p1', 3) })).toBe('applied');
    expect(await products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'redelivered' }, guard: guard('product-p1', 2) })).toBe('stale');
    await products.upsert({ _id: 'p2', name: 'written at once' });
    expect(staged.stagedDocuments()).toBe(0);
    expect(await opened.store.collection(name).find({})).toEqual([{ _id: 'p2', name: 'written at once' }]);
    await staged.close();
  });

  it.each([false, true])('keeps a write that comes while a delete sends the collection to the store (flushed before: %s)', async (flushedBefore) => {
    const { staged: name } = names();
    const staged = stageWrites(opened.store, { collections: [name] });
    const products = staged.collection<Product>(name);
    await products.upsertMany([{ _id: 'p1', name: 'v1' }, { _id: 'p2', name: 'v1' }]);
    if (flushedBefore) {
      await staged.flush();
      await products.upsert({ _id: 'p1', name: 'v2' });
    }
    // the delete flushes the stage's older p1, then the newer write lands on top of it
    const [deleted, written] = await Promise.allSettled([
      products.replaceIfNewer({ id: 'p2', doc: null, guard: guard('product-p2', 5) }),
      products.upsert({ _id: 'p1', name: 'v9' }),
    ]);
    expect({ deleted: deleted.status, written: written.status }).toEqual({ deleted: 'fulfilled', written: 'fulfilled' });
    expect(await opened.store.collection<Product>(name).findOne({ _id: 'p1' })).toMatchObject({ name: 'v9' });
    await staged.close();
  });

  it('keeps the writes made while a flush is under way', async () => {
    const { staged: name } = names();
    const staged = stageWrites(opened.store, { collections: [name], chunkSize: 7 });
    const products = staged.collection<Product>(name);
    const write = (index: number, revision: number) => products.updateIfNewer({ id: `p${index}`, set: { name: `v${revision}` }, guard: guard(`product-p${index}`, revision), upsert: true });
    await Promise.all(Array.from({ length: 40 }, (_, index) => write(index, 0)));
    await Promise.all([staged.flush(), ...Array.from({ length: 40 }, (_, index) => write(index, 1)), staged.flush(), ...Array.from({ length: 20 }, (_, index) => write(index, 2))]);
    await staged.close();
    const stored = await opened.store.collection<Product>(name).find({}, { sort: { _id: 1 } });
    expect(stored).toHaveLength(40);
    for (const doc of stored) expect(doc.name).toBe(Number(doc._id.slice(1)) < 20 ? 'v2' : 'v1');
  });

  it('refuses a write that breaks a unique index in the stage, as the store would', async () => {
    const { staged: name } = names();
    const staged = stageWrites(opened.store, { collections: [name] });
    const products = staged.collection<Product>(name);
    await products.createIndex({ keys: { sku: 1 }, unique: true, name: 'sku_unique' });
    await products.upsert({ _id: 'p1', name: 'Shoe', sku: 'S-1' });
    await expect(products.updateIfNewer({ id: 'p2', set: { sku: 'S-1' }, guard: guard('product-p2', 0), upsert: true })).rejects.toMatchObject({ code: 'conflict' });
    await staged.flush();
    // After a flush the stage no longer holds p1: the store's own index refuses the duplicate at the next flush.
    await products.upsert({ _id: 'p3', name: 'Boot', sku: 'S-1' });
    await products.upsert({ _id: 'p4', name: 'Hat', sku: 'S-4' });
    await expect(staged.flush()).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('sku_unique') });
    // Mended and flushed again: whatever the failed bulk write did write (p4, on a MongoDB-wire server) is written over, not refused.
    await products.upsert({ _id: 'p3', name: 'Boot', sku: 'S-3' });
    await staged.close();
    expect(await opened.store.collection<Product>(name).find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'p1', name: 'Shoe', sku: 'S-1' }, { _id: 'p3', name: 'Boot', sku: 'S-3' }, { _id: 'p4', name: 'Hat', sku: 'S-4' },
    ]);
  });
});
