import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedReadStore } from '@ecommerce/platform';
import type { ReadStore, RecordedEvent } from '@ecommerce/platform';
import { userCollections } from '@ecommerce/schemas';
import type { UserOrderDocument } from './orders';
import { usersProjection } from './projection';

const customerId = '00000000-0000-4000-8000-0000000000c1';
let position = 0;

function createTestOrderEvent(orderId: string, revision: number, type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1;
  const occurredAt = `2024-05-01T10:00:0${revision}.000Z`;
  return { id: `${orderId}-${revision}`, type, streamId: `order-${orderId}`, revision, position, data: { orderId, ...data }, metadata: { occurredAt }, recordedAt: new Date(occurredAt) };
}

const placed = (orderId: string, amount: number, currency = 'EUR', customer = customerId) =>
  createTestOrderEvent(orderId, 0, 'OrderPlaced', { customerId: customer, lines: [], total: { amount, currency }, placedAt: '2024-05-01T10:00:00.000Z', shippingAddress: null });

describe('usersProjection: the orders each user placed', () => {
  let dir: string;
  let store: ReadStore;
  const orders = () => store.collection<UserOrderDocument>(userCollections(1).orders);
  const placedBy = async (customer: string) => (await orders().find({ customerId: customer })).map(({ _id, total, placedAt }) => ({ _id, total, placedAt }));

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'user-orders-'));
    store = openEmbeddedReadStore(path.join(dir, 'read.db'));
    await usersProjection.setup(store, 1);
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one document per order placed, whatever else the order streams say', async () => {
    const first = '00000000-0000-4000-8000-00000000000a';
    const second = '00000000-0000-4000-8000-00000000000b';
    await usersProjection.apply(store, 1, [placed(first, 1299), createTestOrderEvent(first, 1, 'OrderConfirmed', { paymentDeadline: '2024-05-01T10:15:00.000Z' })]);
    await usersProjection.apply(store, 1, [placed(second, 500, 'USD')]);
    expect(await placedBy(customerId)).toEqual([
      { _id: first, total: { amount: 1299, currency: 'EUR' }, placedAt: '2024-05-01T10:00:00.000Z' },
      { _id: second, total: { amount: 500, currency: 'USD' }, placedAt: '2024-05-01T10:00:00.000Z' },
    ]);
  });

  it('counts nothing twice on redelivery, in one batch or across batches', async () => {
    const orderId = '00000000-0000-4000-8000-00000000000c';
    await usersProjection.apply(store, 1, [placed(orderId, 700), placed(orderId, 700)]);
    await usersProjection.apply(store, 1, [placed(orderId, 700)]);
    expect((await placedBy(customerId)).map((order) => order._id)).toEqual([orderId]);
  });

  it('keeps each customer apart', async () => {
    const other = '00000000-0000-4000-8000-0000000000c2';
    await usersProjection.apply(store, 1, [placed('00000000-0000-4000-8000-00000000000d', 100), placed('00000000-0000-4000-8000-00000000000e', 200, 'EUR', other)]);
    expect(await placedBy(customerId)).toHaveLength(1);
    expect(await placedBy(other)).toHaveLength(1);
  });
});
