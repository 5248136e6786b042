import type { ReadStore, RecordedEvent } from '@ecommerce/platform';
import { analyticsCollections } from '@ecommerce/schemas';
import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { partitionedBatches, seededRandom } from '../lifecycle.fixture';
import type { AnalyticsFactDocument, ProductCategoryDocument } from './document';
import { analyticsProjection } from './projection';
import { createSalesEvents, salesIds } from './sales.fixture';

const { mug, shoe, pan, customer, orders, payments } = salesIds;
const money = (amount: number, currency = 'EUR') => ({ amount, currency });

describe.each(testReadStores)('analytics projection on the %s read store', (_name, open) => {
  let opened: TestReadStore;
  let store: ReadStore;
  let version = 0;
  const everything = async () => ({
    facts: await store.collection<AnalyticsFactDocument>(analyticsCollections(version).facts).find({}, { sort: { _id: 1 } }),
    categories: await store.collection<ProductCategoryDocument>(analyticsCollections(version).categories).find({}, { sort: { _id: 1 } }),
  });
  const nextVersion = async () => {
    version += 1;
    await analyticsProjection.setup(store, version);
  };

  beforeAll(async () => {
    opened = await open();
    store = opened.store;
  });
  afterAll(() => opened.cleanup());
  beforeEach(nextVersion);

  it('keeps one fact per order, payment and cart stream, and each product\'s latest category', async () => {
    await analyticsProjection.apply(store, version, createSalesEvents());
    const { facts, categories } = await everything();
    expect(categories.map(({ _id, category }) => [_id, category])).toEqual([[mug, 'kitchen'], [shoe, 'sports'], [pan, 'kitchen']]);
    const byId = new Map(facts.map((fact) => [fact._id, fact]));
    expect(facts).toHaveLength(4 + 3 + 1);
    expect(byId.get(`order-${orders[0]}`)).toMatchObject({
      kind: 'order', placedDay: '2024-05-01', paidDay: '2024-05-02', paidAmount: money(11_400), firstDay: '2024-05-01', lastDay: '2024-05-02',
      lines: [{ productId: mug, quantity: 2, amount: money(2400) }, { productId: shoe, quantity: 1, amount: money(9000) }],
    });
    expect(byId.get(`order-${orders[1]}`)).toMatchObject({ paidAmount: money(5000, 'USD') });
    expect(byId.get(`order-${orders[3]}`)).toMatchObject({ placedDay: '2024-05-02', paidDay: null });
    expect(byId.get(`payment-${payments[2]}`)).toMatchObject({ kind: 'payment', capture: { day: '2024-05-02', amount: money(13_200) }, refunds: [{ refundId: 'r1', day: '2024-05-02', amount: money(500) }] });
    expect(byId.get(`cart-${customer}`)).toMatchObject({ kind: 'cart', productIds: [pan], sessions: [{ startedDay: '2024-05-01', checkedOutDay: '2024-05-01' }, { startedDay: '2024-05-02', checkedOutDay: null }] });
    // a range query of the kind the API makes
    const secondOfMay = await store.collection<AnalyticsFactDocument>(analyticsCollections(version).facts).find({ firstDay: { $lte: '2024-05-02' }, lastDay: { $gte: '2024-05-02' } });
    expect(secondOfMay).toHaveLength(7);
    const firstOfMayOnly = await store.collection<AnalyticsFactDocument>(analyticsCollections(version).facts).find({ firstDay: { $lte: '2024-05-01' }, lastDay: { $gte: '2024-05-01' } });
    expect(firstOfMayOnly.map((fact) => fact._id).sort()).toEqual([`cart-${customer}`, `order-${orders[0]}`, `order-${orders[1]}`, `payment-${payments[0]}`].sort());
  });

  it('ends the same whatever the interleaving of partitions and batch sizes', async () => {
    const events = createSalesEvents();
    await analyticsProjection.apply(store, version, events);
    const expected = await everything();
    for (const seed of [1, 2, 3]) {
      await nextVersion();
      const random = seededRandom(seed);
      const partitions = partitionedBatches(events, 3, random).filter((batches) => batches.length > 0);
      while (partitions.length > 0) {
        const index = Math.floor(random() * partitions.length);
        const batches = partitions[index] as RecordedEvent[][];
        await analyticsProjection.apply(store, version, batches.shift() as RecordedEvent[]);
        if (batches.length === 0) partitions.splice(index, 1);
      }
      expect(await everything()).toEqual(expected);
    }
  });

  it('changes nothing on redelivery, whole, reversed or in overlapping batches', async () => {
    const events = createSalesEvents();
    await analyticsProjection.apply(store, version, events.slice(0, 20));
    await analyticsProjection.apply(store, version, events.slice(10, 30));
    await analyticsProjection.apply(store, version, events.slice(5));
    const once = await everything();
    await analyticsProjection.apply(store, version, events);
    await analyticsProjection.apply(store, version, [...events].reverse());
    expect(await everything()).toEqual(once);
  });

  it('declares the date range index on the MongoDB-wire server', async () => {
    if (!opened.indexNames) return; // the embedded store plans its own
    expect(await opened.indexNames(analyticsCollections(version).facts)).toEqual(expect.arrayContaining(['days']));
  });
});
