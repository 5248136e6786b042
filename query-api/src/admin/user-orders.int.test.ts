import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { ReadStore } from '@ecommerce/platform';
import { userCollections } from '@ecommerce/schemas';
import type { UserOrdersDocument } from '@ecommerce/schemas';
import { findUserOrderSummaries } from './user-orders';

const userId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const entry = (amount: number, currency: string) => ({ total: { amount, currency }, placedAt: '2024-05-01T10:00:00.000Z' });

/** Counts the read calls made through the store, whatever collection they go to. */
function countingReads(store: ReadStore): { store: ReadStore; reads: () => number } {
  let reads = 0;
  return {
    reads: () => reads,
    store: {
      ...store,
      collection: <T extends UserOrdersDocument>(name: string) => {
        const collection = store.collection<T>(name);
        return {
          ...collection,
          find: (...args: Parameters<typeof collection.find>) => ((reads += 1), collection.find(...args)),
          findOne: (...args: Parameters<typeof collection.findOne>) => ((reads += 1), collection.findOne(...args)),
          count: (...args: Parameters<typeof collection.count>) => ((reads += 1), collection.count(...args)),
        };
      },
    } as ReadStore,
  };
}

describe.each(testReadStores)('the users\' order summaries on the %s read store', (_name, open) => {
  let opened: TestReadStore;

  beforeEach(async () => {
    opened = await open();
    const tallies = opened.store.collection<UserOrdersDocument>(userCollections(1).orders);
    await tallies.upsert({ _id: userId(1), orders: { a: entry(1000, 'EUR'), b: entry(250, 'EUR'), c: entry(999, 'USD') } });
    await tallies.upsert({ _id: userId(2), orders: { d: entry(5, 'GBP') } });
  });

  afterEach(() => opened.cleanup());

  it('sums a page of users in one read, per currency, with zeros for users without orders', async () => {
    const { store, reads } = countingReads(opened.store);
    const summaries = await findUserOrderSummaries(store, 1, [userId(1), userId(2), userId(3)]);
    expect(reads()).toBe(1);
    expect(Object.fromEntries(summaries)).toEqual({
      [userId(1)]: { count: 3, placedTotals: [{ amount: 1250, currency: 'EUR' }, { amount: 999, currency: 'USD' }] },
      [userId(2)]: { count: 1, placedTotals: [{ amount: 5, currency: 'GBP' }] },
      [userId(3)]: { count: 0, placedTotals: [] },
    });
  });

  it('reads nothing for an empty page', async () => {
    const { store, reads } = countingReads(opened.store);
    expect((await findUserOrderSummaries(store, 1, [])).size).toBe(0);
    expect(reads()).toBe(0);
  });
});
