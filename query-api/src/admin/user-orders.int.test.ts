import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { ReadStore } from '@ecommerce/platform';
import { userCollections } from '@ecommerce/schemas';
import type { UserOrderDocument } from '@ecommerce/schemas';
import { findUserOrderSummaries } from './user-orders';

const userId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const order = (id: string, customerId: string, amount: number, currency: string): UserOrderDocument => ({ _id: id, customerId, total: { amount, currency }, placedAt: '2024-05-01T10:00:00.000Z', revision: 0 });

/** Counts the read calls made through the store, whatever collection they go to. */
function countingReads(store: ReadStore): { store: ReadStore; reads: () => number } {
  let reads = 0;
  return {
    reads: () => reads,
    store: {
      ...store,
      collection: <T extends UserOrderDocument>(name: string) => {
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
    const orders = opened.store.collection<UserOrderDocument>(userCollections(1).orders);
    for (const doc of [order('a', userId(1), 1000, 'EUR'), order('b', userId(1), 250, 'EUR'), order('c', userId(1), 999, 'USD'), order('d', userId(2), 5, 'GBP')]) await orders.upsert(doc);
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
