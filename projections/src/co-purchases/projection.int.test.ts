import type { ReadStore, RecordedEvent } from '@ecommerce/platform';
import { coPurchaseCollections } from '@ecommerce/schemas';
import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { partitionedBatches, seededRandom } from '../lifecycle.fixture';
import { createSalesEvents, salesIds } from '../analytics/sales.fixture';
import { coPurchaseCount } from './document';
import type { CoPurchaseOrderDocument, CoPurchasePairDocument } from './document';
import { coPurchasesProjection } from './projection';

const { mug, shoe, pan, orders } = salesIds;

describe.each(testReadStores)('co-purchases projection on the %s read store', (_name, open) => {
  let opened: TestReadStore;
  let store: ReadStore;
  let version = 0;
  const pairs = () => store.collection<CoPurchasePairDocument>(coPurchaseCollections(version).pairs);
  /** Each directed pair with its count, sorted. */
  const counts = async () => (await pairs().find({}, { sort: { _id: 1 } })).map((pair) => [pair.productId, pair.otherProductId, coPurchaseCount(pair)]);
  const everything = async () => ({
    orders: await store.collection<CoPurchaseOrderDocument>(coPurchaseCollections(version).orders).find({}, { sort: { _id: 1 } }),
    pairs: await pairs().find({}, { sort: { _id: 1 } }),
  });
  const nextVersion = async () => {
    version += 1;
    await coPurchasesProjection.setup(store, version);
  };

  beforeAll(async () => {
    opened = await open();
    store = opened.store;
  });
  afterAll(() => opened.cleanup());
  beforeEach(nextVersion);

  it('counts each completed order once in every pair of its products, both ways; other orders not at all', async () => {
    await coPurchasesProjection.apply(store, version, createSalesEvents());
    // completed: order 1 (mug, shoe) and order 2 (mug, pan); order 3 (mug, shoe, pan) was only paid
    expect(await counts()).toEqual(
      [[mug, pan, 1], [mug, shoe, 1], [pan, mug, 1], [shoe, mug, 1]].sort((a, b) => `${a[0]}:${a[1]}`.localeCompare(`${b[0]}:${b[1]}`)),
    );
    expect((await pairs().findOne({ _id: `${mug}:${shoe}` }))?.orders).toEqual({ [orders[0]]: expect.any(String) });
    expect(await pairs().find({ productId: mug })).toHaveLength(2);
  });

  it('adds up completions of several orders of the same pair, in one batch or many', async () => {
    const events = createSalesEvents();
    const third = `order-${orders[2]}`;
    const last = events.filter((event) => event.streamId === third).at(-1) as RecordedEvent;
    const completion = (revision: number, position: number): RecordedEvent => ({ ...last, id: `${third}@${revision}`, type: 'OrderCompleted', revision, position, data: { orderId: orders[2], acceptedBy: 'deadline', completedAt: 'x' } });
    await coPurchasesProjection.apply(store, version, [...events, completion(last.revision + 1, 1000)]);
    expect(coPurchaseCount((await pairs().findOne({ _id: `${mug}:${shoe}` })) as CoPurchasePairDocument)).toBe(2);
    expect(coPurchaseCount((await pairs().findOne({ _id: `${shoe}:${pan}` })) as CoPurchasePairDocument)).toBe(1);
    // the same completion redelivered, or the order told of its completion twice, is not a second order
    await coPurchasesProjection.apply(store, version, [completion(last.revision + 1, 1000)]);
    await coPurchasesProjection.apply(store, version, [completion(last.revision + 2, 1001)]);
    expect(coPurchaseCount((await pairs().findOne({ _id: `${mug}:${pan}` })) as CoPurchasePairDocument)).toBe(2);
  });

  it('ends the same whatever the interleaving of partitions and batch sizes', async () => {
    const events = createSalesEvents();
    await coPurchasesProjection.apply(store, version, events);
    const expected = await everything();
    for (const seed of [1, 2, 3]) {
      await nextVersion();
      const random = seededRandom(seed);
      const partitions = partitionedBatches(events, 3, random).filter((batches) => batches.length > 0);
      while (partitions.length > 0) {
        const index = Math.floor(random() * partitions.length);
        const batches = partitions[index] as RecordedEvent[][];
        await coPurchasesProjection.apply(store, version, batches.shift() as RecordedEvent[]);
        if (batches.length === 0) partitions.splice(index, 1);
      }
      expect(await everything()).toEqual(expected);
    }
  });

  it('changes nothing on redelivery, whole, reversed or in overlapping batches', async () => {
    const events = createSalesEvents();
    await coPurchasesProjection.apply(store, version, events.slice(0, 25));
    await coPurchasesProjection.apply(store, version, events.slice(15));
    const once = await everything();
    await coPurchasesProjection.apply(store, version, events);
    await coPurchasesProjection.apply(store, version, [...events].reverse());
    expect(await everything()).toEqual(once);
    expect(once.pairs).toHaveLength(4);
  });

  it('declares the per-product index on the MongoDB-wire server', async () => {
    if (!opened.indexNames) return; // the embedded store plans its own
    expect(await opened.indexNames(coPurchaseCollections(version).pairs)).toEqual(expect.arrayContaining(['product']));
  });
});
