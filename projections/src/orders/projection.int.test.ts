import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedReadStore } from '@ecommerce/platform';
import type { ReadStore, RecordedEvent } from '@ecommerce/platform';
import { orderCollections } from '@ecommerce/schemas';
import type { OrderDocument } from './document';
import { ordersProjection } from './projection';

const orderIdOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const customerId = '00000000-0000-4000-8000-0000000000c1';
let position = 0;

function createTestEvent(orderId: string, revision: number, type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1;
  const occurredAt = `2024-05-01T10:00:0${revision}.000Z`;
  return { id: `evt-${position}`, type, streamId: `order-${orderId}`, revision, position, data: { orderId, ...data }, metadata: { occurredAt }, recordedAt: new Date(occurredAt) };
}

const placed = (orderId: string) => createTestEvent(orderId, 0, 'OrderPlaced', {
  customerId, lines: [{ productId: customerId, sku: 'SKU-1', name: 'Thing', quantity: 1, unitPrice: { amount: 5, currency: 'EUR' } }], total: { amount: 5, currency: 'EUR' }, placedAt: '2024-05-01T09:00:00.000Z',
});

describe('ordersProjection', () => {
  let dir: string;
  let store: ReadStore;
  const orders = () => store.collection<OrderDocument>(orderCollections(1).orders);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orders-projection-'));
    store = openEmbeddedReadStore(path.join(dir, 'read.db'));
    await ordersProjection.setup(store, 1);
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('folds a batch per order, interleaved, and records the stream revision', async () => {
    const [a, b] = [orderIdOf(1), orderIdOf(2)];
    await ordersProjection.apply(store, 1, [placed(a), placed(b), createTestEvent(a, 1, 'OrderCancelled', { reason: null }), createTestEvent(b, 1, 'OrderLineReserved', { sku: 'SKU-1' })]);
    expect(await orders().findOne({ _id: a })).toMatchObject({ _revisions: { [`order-${a}`]: 1 }, status: 'cancelled', revision: 1, timeline: [expect.objectContaining({ status: 'placed' }), expect.objectContaining({ status: 'cancelled' })] });
    expect(await orders().findOne({ _id: b })).toMatchObject({ status: 'placed', revision: 1 });
  });

  it('changes nothing on redelivery, within a batch or across batches', async () => {
    const a = orderIdOf(3);
    const events = [placed(a), createTestEvent(a, 1, 'OrderConfirmed', { paymentDeadline: '2024-05-01T10:15:00.000Z' })];
    await ordersProjection.apply(store, 1, events);
    const before = await orders().findOne({ _id: a });
    await ordersProjection.apply(store, 1, [...events, ...events]);
    expect(await orders().findOne({ _id: a })).toEqual(before);
    expect(before?.timeline).toHaveLength(2);
  });

  it('ignores event types it does not read and orders it never saw placed', async () => {
    await ordersProjection.apply(store, 1, [createTestEvent(orderIdOf(4), 1, 'OrderConfirmed', { paymentDeadline: 'x' }), createTestEvent(orderIdOf(5), 0, 'StockReserved', { sku: 'x' })]);
    expect(await orders().count()).toBe(0);
  });
});
