import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedReadStore } from '@ecommerce/platform';
import type { Document, ReadCollection, ReadStore, RecordedEvent } from '@ecommerce/platform';
import { productCollections } from '@ecommerce/schemas';
import type { ProductDocument, StockDocument } from './document';
import { productsProjection } from './projection';
import { countingReads } from '../counting-reads.fixture';

let position = 0;
const occurredAt = '2024-05-01T10:00:00.000Z';

function createTestEvent(streamId: string, revision: number, type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1;
  return { id: `evt-${position}`, type, streamId, revision, position, data, metadata: { occurredAt }, recordedAt: new Date(occurredAt) };
}

const productIdOf = (sku: string) => `product-of-${sku}`;
const created = (sku: string) => createTestEvent(`product-${productIdOf(sku)}`, 0, 'ProductCreated', {
  productId: productIdOf(sku), sku, name: `Thing ${sku}`, description: 'A thing', category: 'things', tags: [], price: { amount: 500, currency: 'EUR' }, listedBy: null,
});
const stockEvent = (sku: string, revision: number, type: string, data: Record<string, unknown>) => createTestEvent(`inventory-${sku}`, revision, type, { sku, ...data });
const restocked = (sku: string, revision: number, quantity: number) => stockEvent(sku, revision, 'StockRestocked', { quantity });
const reserved = (sku: string, revision: number, quantity: number) => stockEvent(sku, revision, 'StockReserved', { orderId: `order-${revision}`, quantity, expiresAt: occurredAt });

/** The store with its collections' read queries (`countingReads`) and guarded writes counted, all collections together. */
function countingStore(inner: ReadStore): { store: ReadStore; queries: () => number; guardedWrites: () => number } {
  const readCounters: Array<() => number> = [];
  let guardedWrites = 0;
  const collection = <T extends Document>(name: string): ReadCollection<T> => {
    const counted = countingReads(inner.collection<T>(name));
    readCounters.push(counted.queries);
    return Object.assign(Object.create(counted.collection) as ReadCollection<T>, {
      updateIfNewer: ((write, before) => ((guardedWrites += 1), counted.collection.updateIfNewer(write, before))) as ReadCollection<T>['updateIfNewer'],
      updateManyIfNewer: ((writes, before) => ((guardedWrites += 1), counted.collection.updateManyIfNewer(writes, before))) as ReadCollection<T>['updateManyIfNewer'],
    });
  };
  return { store: Object.assign(Object.create(inner) as ReadStore, { collection }), queries: () => readCounters.reduce((sum, queries) => sum + queries(), 0), guardedWrites: () => guardedWrites };
}

describe('productsProjection', () => {
  let dir: string;
  let store: ReadStore;
  const products = () => store.collection<ProductDocument>(productCollections(1).products);
  const stock = () => store.collection<StockDocument>(productCollections(1).stock);
  const productOf = (sku: string) => products().findOne({ _id: productIdOf(sku) });
  const everything = async () => ({ products: await products().find({}, { sort: { _id: 1 } }), stock: await stock().find({}, { sort: { _id: 1 } }) });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'products-projection-'));
    store = openEmbeddedReadStore(path.join(dir, 'read.db'));
    await productsProjection.setup(store, 1);
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('folds a batch of interleaved SKUs into one stock document and product stock each, guarded by the last revision', async () => {
    await productsProjection.apply(store, 1, [created('A'), created('B')]);
    await productsProjection.apply(store, 1, [restocked('A', 0, 10), restocked('B', 0, 5), reserved('A', 1, 3), reserved('B', 1, 5), reserved('A', 2, 2)]);
    expect(await stock().findOne({ _id: 'A' })).toEqual({
      _id: 'A', sku: 'A', productId: productIdOf('A'), received: 10, adjusted: 0, reserved: 5, sold: 0, returned: 0, available: 5, revision: 2,
      _revisions: { [`product-${productIdOf('A')}`]: 0, 'inventory-A': 2 },
    });
    expect(await productOf('A')).toMatchObject({ stock: { available: 5, inStock: true }, _revisions: { [`product-${productIdOf('A')}`]: 0, 'inventory-A': 2 } });
    expect(await productOf('B')).toMatchObject({ stock: { available: 0, inStock: false }, _revisions: { 'inventory-B': 1 } });
  });

  it("reads a batch's stock documents of several SKUs in one query and writes them, then their products, in one guarded write each", async () => {
    await productsProjection.apply(store, 1, [created('A'), created('B'), created('C')]);
    const counting = countingStore(store);
    await productsProjection.apply(counting.store, 1, [restocked('A', 0, 10), restocked('B', 0, 5), restocked('C', 0, 1), reserved('A', 1, 3), reserved('C', 1, 1)]);
    // one SKU at a time this was three reads and six guarded writes
    expect(counting.queries()).toBe(1);
    expect(counting.guardedWrites()).toBe(2);
    expect(await stock().find({}, { sort: { _id: 1 } })).toMatchObject([{ _id: 'A', available: 7, revision: 1 }, { _id: 'B', available: 5, revision: 0 }, { _id: 'C', available: 0, revision: 1 }]);
    expect(await productOf('A')).toMatchObject({ stock: { available: 7, inStock: true } });
    expect(await productOf('B')).toMatchObject({ stock: { available: 5, inStock: true } });
    expect(await productOf('C')).toMatchObject({ stock: { available: 0, inStock: false } });
  });

  it("reads the owners of SKUs whose stock came before their product once more, after the stock's write", async () => {
    const counting = countingStore(store);
    await productsProjection.apply(counting.store, 1, [restocked('A', 0, 4), restocked('B', 0, 2)]);
    expect(counting.queries()).toBe(2);
    expect(counting.guardedWrites()).toBe(1);
    await productsProjection.apply(store, 1, [created('A')]);
    await productsProjection.apply(store, 1, [reserved('A', 1, 1), reserved('B', 1, 1)]);
    expect(await productOf('A')).toMatchObject({ stock: { available: 3, inStock: true } });
    expect(await stock().findOne({ _id: 'B' })).toMatchObject({ available: 1, revision: 1 });
  });

  it('makes units back from a return available again on the product', async () => {
    await productsProjection.apply(store, 1, [created('A'), restocked('A', 0, 2), reserved('A', 1, 2), stockEvent('A', 2, 'StockCommitted', { orderId: 'order-1', quantity: 2 })]);
    expect(await productOf('A')).toMatchObject({ stock: { available: 0, inStock: false } });
    await productsProjection.apply(store, 1, [stockEvent('A', 3, 'StockReturned', { orderId: 'order-1', quantity: 1 })]);
    expect(await stock().findOne({ _id: 'A' })).toMatchObject({ received: 2, sold: 2, returned: 1, available: 1, revision: 3 });
    expect(await productOf('A')).toMatchObject({ stock: { available: 1, inStock: true } });
  });

  it('copies the counts to a product created after its stock, in a later batch or the same one', async () => {
    await productsProjection.apply(store, 1, [restocked('A', 0, 10), reserved('A', 1, 4)]);
    await productsProjection.apply(store, 1, [created('A')]);
    expect(await productOf('A')).toMatchObject({ name: 'Thing A', stock: { available: 6, inStock: true }, _revisions: { 'inventory-A': 1 } });

    await productsProjection.apply(store, 1, [restocked('B', 0, 7), created('B'), reserved('B', 1, 2)]);
    expect(await productOf('B')).toMatchObject({ stock: { available: 5, inStock: true }, _revisions: { 'inventory-B': 1 } });
    expect(await stock().findOne({ _id: 'B' })).toMatchObject({ productId: productIdOf('B'), available: 5, revision: 1 });
  });

  it('leaves stock of a SKU no product holds yet in the stock collection only', async () => {
    await productsProjection.apply(store, 1, [restocked('A', 0, 3)]);
    expect(await products().count()).toBe(0);
    expect(await stock().findOne({ _id: 'A' })).toMatchObject({ available: 3, revision: 0 });
    expect((await stock().findOne({ _id: 'A' }))?.productId).toBeUndefined();
  });

  it('changes nothing on redelivery, whole or overlapping the next batch', async () => {
    const first = [created('A'), restocked('A', 0, 10), reserved('A', 1, 1), reserved('A', 2, 1)];
    await productsProjection.apply(store, 1, first);
    const before = await everything();
    await productsProjection.apply(store, 1, first);
    expect(await everything()).toEqual(before);

    await productsProjection.apply(store, 1, [reserved('A', 2, 1), reserved('A', 3, 2)]);
    expect(await stock().findOne({ _id: 'A' })).toMatchObject({ reserved: 4, available: 6, revision: 3 });
    expect(await productOf('A')).toMatchObject({ stock: { available: 6, inStock: true }, _revisions: { 'inventory-A': 3 } });
  });

  it('brings the product up to its stock document when a redelivered batch finds the stock already written', async () => {
    await productsProjection.apply(store, 1, [created('A'), restocked('A', 0, 10)]);
    // As if the process stopped between the stock write and the product write of this batch.
    await stock().updateIfNewer({ id: 'A', set: { sku: 'A', received: 10, adjusted: 0, reserved: 3, sold: 0, available: 7, revision: 1 }, guard: { stream: 'inventory-A', revision: 1 } });
    expect(await productOf('A')).toMatchObject({ stock: { available: 10 } });
    await productsProjection.apply(store, 1, [reserved('A', 1, 3)]);
    expect(await productOf('A')).toMatchObject({ stock: { available: 7, inStock: true }, _revisions: { 'inventory-A': 1 } });
  });

  it("links the SKU to its product when the batch creating the product is redelivered after a failed write", async () => {
    let failures = 1;
    const failingOnce: ReadStore = {
      ...store,
      collection: <T extends Document>(name: string) => {
        const collection = store.collection<T>(name);
        if (name !== productCollections(1).stock) return collection;
        return {
          ...collection,
          name: collection.name,
          updateIfNewer: (...args: Parameters<typeof collection.updateIfNewer>) => (failures-- > 0 ? Promise.reject(new Error('read store unavailable')) : collection.updateIfNewer(...args)),
        };
      },
    };
    await expect(productsProjection.apply(failingOnce, 1, [created('A')])).rejects.toThrow('read store unavailable');
    await productsProjection.apply(failingOnce, 1, [created('A')]);
    await productsProjection.apply(store, 1, [restocked('A', 0, 10)]);
    expect(await stock().findOne({ _id: 'A' })).toMatchObject({ productId: productIdOf('A') });
    expect(await productOf('A')).toMatchObject({ stock: { available: 10, inStock: true } });
  });

  it('keeps catalog changes and stock counts apart on the product', async () => {
    await productsProjection.apply(store, 1, [created('A'), restocked('A', 0, 2)]);
    const renamed = createTestEvent(`product-${productIdOf('A')}`, 1, 'ProductDetailsUpdated', { productId: productIdOf('A'), name: 'Better thing' });
    const discontinued = createTestEvent(`product-${productIdOf('A')}`, 2, 'ProductDiscontinued', { productId: productIdOf('A') });
    await productsProjection.apply(store, 1, [renamed, discontinued]);
    await productsProjection.apply(store, 1, [reserved('A', 1, 2)]);
    expect(await productOf('A')).toMatchObject({
      name: 'Better thing', status: 'discontinued', revision: 2, stock: { available: 0, inStock: false },
      _revisions: { [`product-${productIdOf('A')}`]: 2, 'inventory-A': 1 },
    });
  });

  it("folds a product's events of one batch into what they give one by one, its stock link guarded by the creation", async () => {
    const stream = `product-${productIdOf('A')}`;
    const history = [
      created('A'),
      createTestEvent(stream, 1, 'ProductDetailsUpdated', { productId: productIdOf('A'), name: 'Better thing' }),
      createTestEvent(stream, 2, 'ProductPriceChanged', { productId: productIdOf('A'), price: { amount: 700, currency: 'EUR' } }),
      restocked('A', 0, 4),
    ];
    await productsProjection.apply(store, 1, history);
    const folded = await everything();

    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'products-projection-'));
    store = openEmbeddedReadStore(path.join(dir, 'read.db'));
    await productsProjection.setup(store, 1);
    for (const event of history) await productsProjection.apply(store, 1, [event]);

    expect(await everything()).toEqual(folded);
    expect(folded.products[0]).toMatchObject({ name: 'Better thing', price: { amount: 700 }, revision: 2, stock: { available: 4 }, _revisions: { [stream]: 2, 'inventory-A': 0 } });
    expect(folded.stock[0]?._revisions).toEqual({ [stream]: 0, 'inventory-A': 0 });
  });
});
