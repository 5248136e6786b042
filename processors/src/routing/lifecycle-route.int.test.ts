import { randomUUID } from 'node:crypto';
import { orderStreamId, refundIdOf, shipmentIdOf } from '@ecommerce/domain';
import type { RecordedEvent } from '@ecommerce/platform';
import { notificationInboxTopic, paymentInboxTopic, shipmentInboxTopic } from '../actors/lifecycle-messages';
import { inventoryInboxTopic } from '../actors/messages';
import { line, placeOrder, shippingAddress } from '../flow.fixture';
import { openEventStore } from '../runtime/test-support.fixture';
import { createLifecycleRoute } from './lifecycle-route';
import { createNotificationRoute } from './notification-route';

describe('lifecycle and notification routes', () => {
  it('open a paid order its shipment, settle a returned order\'s stock, cancel only a paid order\'s shipment, and tell its customer', async () => {
    const { eventStore } = openEventStore();
    try {
      const route = createLifecycleRoute({ eventStore });
      const notify = createNotificationRoute({ eventStore });
      const orderId = await placeOrder(eventStore, 'customer-7', [line('AAA-1', 2), line('BBB-1')]);
      const append = (type: string, data: Record<string, unknown>) => eventStore.append(orderStreamId(orderId), [{ id: randomUUID(), type, data: { orderId, ...data } }]);
      const eventOf = async (type: string) => (await eventStore.readStream(orderStreamId(orderId))).find((event) => event.type === type) as RecordedEvent;
      await append('OrderConfirmed', { paymentDeadline: new Date(Date.now() + 60_000).toISOString() });

      // Not paid yet: a cancellation has no shipment to cancel (the ordering route releases the stock).
      expect(await route({ ...(await eventOf('OrderConfirmed')), type: 'OrderCancelled', data: { orderId, reason: null } })).toEqual([]);

      await append('OrderPaid', { paymentId: 'pay-1', amount: { amount: 2997, currency: 'EUR' } });
      const shipmentId = shipmentIdOf(orderId);
      expect(await route(await eventOf('OrderPaid'))).toEqual([
        {
          topic: shipmentInboxTopic,
          key: shipmentId,
          value: {
            type: 'OpenShipment',
            shipmentId,
            orderId,
            customerId: 'customer-7',
            lines: [{ sku: 'AAA-1', name: 'Product AAA-1', quantity: 2 }, { sku: 'BBB-1', name: 'Product BBB-1', quantity: 1 }],
            address: shippingAddress(),
          },
        },
      ]);
      expect(await route({ ...(await eventOf('OrderPaid')), type: 'OrderCancelled', data: { orderId, reason: null } })).toEqual([
        { topic: shipmentInboxTopic, key: shipmentId, value: { type: 'CancelShipment', shipmentId } },
      ]);

      const returned = { ...(await eventOf('OrderPaid')), type: 'OrderReturned', data: { orderId, lines: [{ sku: 'AAA-1', restocked: 1, damaged: 1 }], refundAmount: { amount: 1998, currency: 'EUR' }, returnedAt: new Date().toISOString() } };
      expect((await route(returned)).map((message) => [message.topic, message.key, (message.value as { type: string }).type])).toEqual([
        [inventoryInboxTopic, 'AAA-1', 'CommitStock'],
        [inventoryInboxTopic, 'BBB-1', 'CommitStock'],
        [inventoryInboxTopic, 'AAA-1', 'ReturnStock'],
      ]);

      const refundId = refundIdOf('pay-1', 'items_returned');
      expect(await route({ ...returned, type: 'OrderRefundRequested', data: { orderId, paymentId: 'pay-1', refundId, amount: { amount: 1998, currency: 'EUR' }, reason: 'items_returned' } })).toEqual([
        { topic: paymentInboxTopic, key: 'pay-1', value: { type: 'RequestRefund', paymentId: 'pay-1', refundId, amount: { amount: 1998, currency: 'EUR' }, reason: 'items_returned' } },
      ]);

      // Order events carry no customer id: the notification route finds it on the order stream.
      const paid = await eventOf('OrderPaid');
      expect(await notify(paid)).toEqual([{ topic: notificationInboxTopic, key: 'customer-7', value: { type: 'Notify', userId: 'customer-7', eventId: paid.id, event: { type: 'OrderPaid', data: paid.data } } }]);
      expect(await notify({ ...paid, type: 'OrderLineReserved' })).toEqual([]);
      const queued = { ...paid, streamId: 'notification-customer-7', type: 'NotificationQueued' };
      const message = { notificationId: `${paid.id}:email`, userId: 'customer-7', kind: 'order_paid', sourceEventId: paid.id, subject: 'Paid', text: 'Thanks', queuedAt: new Date().toISOString() };
      expect(await notify({ ...queued, data: { ...message, channel: 'email', recipient: 'ada@example.com' } })).toEqual([
        { topic: notificationInboxTopic, key: 'customer-7', value: { type: 'Deliver', userId: 'customer-7', notificationId: message.notificationId, channel: 'email', kind: 'order_paid', recipient: 'ada@example.com', subject: 'Paid', text: 'Thanks' } },
      ]);
      expect(await notify({ ...queued, data: { ...message, channel: 'inApp', recipient: null } })).toEqual([]);
    } finally {
      await eventStore.close();
    }
  });

  it('reads an order\'s customer from its stream once, and again once the order is no longer remembered; none for an order seen placed', async () => {
    const { eventStore } = openEventStore();
    try {
      const reads: string[] = [];
      const counting = { ...eventStore, readStream: (...args: Parameters<typeof eventStore.readStream>) => {
        reads.push(args[0]);
        return eventStore.readStream(...args);
      } };
      const notify = createNotificationRoute({ eventStore: counting, rememberedOrders: 1 });
      const [first, second] = [await placeOrder(eventStore, 'customer-1', [line('AAA-1')]), await placeOrder(eventStore, 'customer-2', [line('AAA-1')])];
      const placed = async (orderId: string) => (await eventStore.readStream(orderStreamId(orderId)))[0] as RecordedEvent;
      const customerOf = async (event: RecordedEvent) => (await notify({ ...event, type: 'OrderPaid' }))[0]?.key;

      expect([await customerOf(await placed(first)), await customerOf(await placed(first))]).toEqual(['customer-1', 'customer-1']);
      expect(reads).toEqual([orderStreamId(first)]);
      expect(await customerOf(await placed(second))).toBe('customer-2');
      expect(await customerOf(await placed(first))).toBe('customer-1');
      expect(reads).toEqual([orderStreamId(first), orderStreamId(second), orderStreamId(first)]);

      // Seen placed, an order's customer needs no read at all.
      const third = await placeOrder(eventStore, 'customer-3', [line('AAA-1')]);
      expect(await notify(await placed(third))).toEqual([]);
      expect(await customerOf(await placed(third))).toBe('customer-3');
      expect(reads).toHaveLength(3);
    } finally {
      await eventStore.close();
    }
  });
});
