import Database from 'better-sqlite3';
import { maxMoneyAmount } from '@ecommerce/schemas';
import { ValidationError } from '../errors';
import { eventStoreContract } from './contract';
import { withSchemaCheck } from './schema-checked';
import { createSqliteEventStore } from './sqlite';

const openCheckedStore = () => withSchemaCheck(createSqliteEventStore(new Database(':memory:'), { pollIntervalMs: 20 }));

eventStoreContract('sqlite behind the schema check', async () => {
  const store = openCheckedStore();
  return { store, cleanup: () => store.close() };
});

const priceChanged = (amount: number, extra: Record<string, unknown> = {}) => ({
  id: `00000000-0000-4000-8000-${String(amount).padStart(12, '0').slice(-12)}`,
  type: 'ProductPriceChanged',
  data: { productId: 'p-1', price: { amount, currency: 'EUR' }, previousPrice: { amount: 100, currency: 'EUR' }, ...extra },
});

describe('the schema check on the append path', () => {
  it('refuses an event its Avro schema cannot encode, naming the field, and appends nothing', async () => {
    const store = openCheckedStore();
    const append = store.append('product-p-1', [priceChanged(Number.MAX_SAFE_INTEGER)]);
    await expect(append).rejects.toBeInstanceOf(ValidationError);
    await expect(append).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'price.amount' })] });
    expect(await store.readStream('product-p-1')).toEqual([]);
    expect(await store.headPosition()).toBe(0);
    await store.close();
  });

  it('refuses a field the schema does not declare, which the encoder would drop silently', async () => {
    const store = openCheckedStore();
    await expect(store.append('product-p-1', [priceChanged(100, { discount: 5 })])).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'discount' })] });
    await store.close();
  });

  it('refuses the whole batch when one event would not encode', async () => {
    const store = openCheckedStore();
    const { type, data } = priceChanged(1);
    await expect(store.append('product-p-1', [priceChanged(200), { id: '00000000-0000-4000-8000-00000000000a', type, data: { ...data, price: null } }])).rejects.toBeInstanceOf(ValidationError);
    expect(await store.readStream('product-p-1')).toEqual([]);
    await store.close();
  });

  it('appends events that encode, and events of types that have no schema (they stay in the store)', async () => {
    const store = openCheckedStore();
    await store.append('product-p-1', [priceChanged(maxMoneyAmount)]);
    await store.append('session-1', [{ id: '00000000-0000-4000-8000-0000000000b1', type: 'InternalBookkeeping', data: { anything: [1, 2, 3] } }]);
    expect((await store.readAll()).map((event) => event.type)).toEqual(['ProductPriceChanged', 'InternalBookkeeping']);
    await store.close();
  });
});
