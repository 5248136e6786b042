import { randomUUID } from 'node:crypto';
import { orderStreamId } from '@ecommerce/domain';
import type { RecordedEvent } from '@ecommerce/platform';
import { inventoryInboxTopic, orderInboxTopic } from '../actors/messages';
import { line, placeOrder } from '../flow.fixture';
import { openEventStore } from '../runtime/test-support.fixture';
import { createOrderingRoute } from './ordering-route';

const hourMs = 3_600_000;

describe('ordering route', () => {
  it('sends each line of a placed order to its SKU, replies to the order, and releases what an ended order may hold as of its end', async () => {
    const { eventStore } = openEventStore();
    try {
      const route = createOrderingRoute({ eventStore, reservationHoldMs: hourMs });
      const orderId = await placeOrder(eventStore, 'customer-1', [line('AAA-1', 2), line('BBB-1'), line('CCC-1')]);
      const [placed] = await eventStore.readStream(orderStreamId(orderId));
      const reserves = await route(placed as RecordedEvent);
      const placedAt = Date.parse(String((placed as RecordedEvent).data.placedAt));
      expect(reserves).toEqual(
        [['AAA-1', 2], ['BBB-1', 1], ['CCC-1', 1]].map(([sku, quantity]) => ({
          topic: inventoryInboxTopic,
          key: sku,
          value: { type: 'ReserveStock', sku, orderId, quantity, expiresAt: new Date(placedAt + hourMs).toISOString() },
        })),
      );

      const reply = { id: randomUUID(), streamId: 'inventory-BBB-1', revision: 3, position: 9, metadata: {}, recordedAt: new Date() };
      expect(await route({ ...reply, type: 'StockReservationRejected', data: { sku: 'BBB-1', orderId, quantity: 1, available: 0, reason: 'insufficient_stock' } })).toEqual([
        { topic: orderInboxTopic, key: orderId, value: { type: 'StockReservationRejected', orderId, sku: 'BBB-1', available: 0 } },
      ]);

      // AAA reserved, BBB refused, CCC still unanswered when the order is rejected; a late reply after it changes nothing.
      const append = (type: string, data: Record<string, unknown>) => eventStore.append(orderStreamId(orderId), [{ id: randomUUID(), type, data: { orderId, ...data } }]);
      await append('OrderLineReserved', { sku: 'AAA-1' });
      await append('OrderLineRejected', { sku: 'BBB-1', available: 0 });
      await append('OrderRejected', { reason: 'insufficient_stock', shortSkus: ['BBB-1'] });
      await append('OrderLineRejected', { sku: 'CCC-1', available: 0 });
      const rejected = (await eventStore.readStream(orderStreamId(orderId))).find((event) => event.type === 'OrderRejected') as RecordedEvent;
      const releases = await route(rejected);
      expect(releases.map((message) => message.key)).toEqual(['AAA-1', 'CCC-1']);
      expect(releases[0]).toEqual({ topic: inventoryInboxTopic, key: 'AAA-1', value: { type: 'ReleaseStock', sku: 'AAA-1', orderId, reason: 'order_rejected' } });
      expect(await route({ ...rejected, type: 'OrderPaid' })).toEqual([]);
    } finally {
      await eventStore.close();
    }
  });
});
