import { stageWrites } from '@ecommerce/platform';
import type { ReadStore, RecordedEvent } from '@ecommerce/platform';
import { notificationCollections, orderCollections, paymentCollections, shipmentCollections } from '@ecommerce/schemas';
import type { NotificationDocument, OrderDocument, PaymentDocument, ShipmentDocument } from '@ecommerce/schemas';
import { createLifecycleEvents, lifecycleAddress, lifecycleIds, partitionedBatches, seededRandom } from './lifecycle.fixture';
import { notificationsProjection } from './notifications';
import { ordersProjection } from './orders';
import { paymentsProjection } from './payments';
import type { Projection } from './projection';
import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { shipmentsProjection } from './shipments';

const { orderId, customerId, declinedPaymentId, paymentId, shipmentId } = lifecycleIds;
const projections: Projection[] = [ordersProjection, paymentsProjection, shipmentsProjection, notificationsProjection];
const euros = (amount: number) => ({ amount, currency: 'EUR' });

describe.each(testReadStores)('lifecycle read models on the %s read store', (_name, open) => {
  let opened: TestReadStore;
  let store: ReadStore;
  let version = 0;
  const orders = () => store.collection<OrderDocument>(orderCollections(version).orders);
  const everything = async () => ({
    orders: await orders().find({}, { sort: { _id: 1 } }),
    payments: await store.collection<PaymentDocument>(paymentCollections(version).payments).find({}, { sort: { _id: 1 } }),
    shipments: await store.collection<ShipmentDocument>(shipmentCollections(version).shipments).find({}, { sort: { _id: 1 } }),
    notifications: await store.collection<NotificationDocument>(notificationCollections(version).notifications).find({}, { sort: { _id: 1 } }),
  });
  const applyAll = async (batch: readonly RecordedEvent[]) => {
    for (const projection of projections) await projection.apply(store, version, batch);
  };

  beforeAll(async () => {
    opened = await open();
    store = opened.store;
  });
  afterAll(() => opened.cleanup());

  // each test builds into its own version's collections, as a rebuild does
  beforeEach(async () => {
    version += 1;
    for (const projection of projections) await projection.setup(store, version);
  });

  it('joins the order, payment and shipment streams into the order, one guard per stream', async () => {
    await applyAll(createLifecycleEvents());
    const order = await orders().findOne({ _id: orderId });
    expect(order?._revisions).toEqual({ [`order-${orderId}`]: 10, [`payment-${declinedPaymentId}`]: 1, [`payment-${paymentId}`]: 4, [`shipment-${shipmentId}`]: 4 });
    expect(order).toMatchObject({
      customerId, status: 'refunded', shippingAddress: lifecycleAddress, revision: 10,
      paid: { paymentId, amount: euros(2000) },
      shipped: { shipmentId, carrier: 'DHL', trackingNumber: 'JD0001' },
      delivery: { returnWindowEndsAt: '2024-05-15T10:00:16.000Z', acceptanceDeadline: '2024-05-15T10:00:16.000Z' },
      returned: { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }], refundAmount: euros(1000) },
      refunds: [{ refundId: `${paymentId}/items_returned`, paymentId, amount: euros(1000), reason: 'items_returned', status: 'succeeded' }],
      payments: {
        [declinedPaymentId]: { status: 'declined', declineCode: 'card_declined', captured: 0, revision: 1 },
        [paymentId]: { status: 'captured', captured: 2000, redirectUrl: null, refunds: [{ refundId: `${paymentId}/items_returned`, status: 'succeeded', amount: euros(1000) }], revision: 4 },
      },
      shipment: { shipmentId, status: 'returned', carrier: 'DHL', trackingNumber: 'JD0001', returned: { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }] }, revision: 4 },
    });
    expect(order?.timeline.map((entry) => entry.event)).toEqual([
      'OrderPlaced', 'OrderConfirmed', 'OrderPaid', 'OrderShipped', 'OrderDelivered', 'OrderReturnRequested', 'OrderReturned', 'OrderRefundRequested', 'OrderRefunded',
    ]);
    const { payments, shipments, notifications } = await everything();
    expect(payments.map((payment) => [payment._id, payment.status, payment.customerId, payment.orderId])).toEqual([
      [declinedPaymentId, 'declined', customerId, orderId], [paymentId, 'captured', customerId, orderId],
    ]);
    expect(shipments).toEqual([expect.objectContaining({ _id: shipmentId, orderId, customerId, status: 'returned', address: lifecycleAddress, _revisions: { [`shipment-${shipmentId}`]: 4 } })]);
    // the email is not the inbox's; the first message was read
    expect(notifications.map((notification) => [notification._id, notification.read, notification.kind])).toEqual([
      ['n-confirmed-inapp', true, 'order_confirmed'], ['n-refunded-inapp', false, 'order_refunded'],
    ]);
  });

  it('ends the same whatever the interleaving of the streams and the batch sizes, taking partitions in any order', async () => {
    const events = createLifecycleEvents();
    await applyAll(events);
    const expected = await everything();
    for (const seed of [1, 2, 3, 4, 5]) {
      version += 1;
      for (const projection of projections) await projection.setup(store, version);
      // one consumer takes the partitions' batches in any order, each partition's in its own order
      const random = seededRandom(seed);
      const partitions = partitionedBatches(events, 3, random).filter((batches) => batches.length > 0);
      while (partitions.length > 0) {
        const index = Math.floor(random() * partitions.length);
        const batches = partitions[index] as RecordedEvent[][];
        await applyAll(batches.shift() as RecordedEvent[]);
        if (batches.length === 0) partitions.splice(index, 1);
      }
      expect(await everything()).toEqual(expected);
    }
  });

  it('ends the same with the writes staged as a rebuild stages them, flushed between batches and read back after', async () => {
    const events = createLifecycleEvents();
    await applyAll(events);
    const expected = await everything();
    for (const flushEvery of [1, 2, 5]) {
      version += 1;
      const staged = stageWrites(store, { collections: projections.flatMap((projection) => Object.values(projection.collections(version))) });
      for (const projection of projections) await projection.setup(staged, version);
      const batches = partitionedBatches(events, 3, seededRandom(flushEvery)).flat();
      for (const [index, batch] of batches.entries()) {
        for (const projection of projections) await projection.apply(staged, version, batch);
        if (index % flushEvery === 0) await staged.flush();
      }
      // a redelivery after the flushes: stale against the revisions read back from the store
      for (const projection of projections) await projection.apply(staged, version, events.slice(0, 12));
      await staged.close();
      expect(await everything()).toEqual(expected);
    }
  });

  it('shows the payment and shipment of an order whose OrderPlaced comes last, and hides nothing of the order after it', async () => {
    const events = createLifecycleEvents();
    const others = events.filter((event) => !event.streamId.startsWith('order-'));
    await applyAll(others);
    const early = await orders().findOne({ _id: orderId });
    // not an order yet: no status, no customer; readers treat it as absent
    expect(early).toMatchObject({ payments: { [paymentId]: { status: 'captured' } }, shipment: { status: 'returned' } });
    expect(early?.status).toBeUndefined();
    await applyAll(events.filter((event) => event.streamId.startsWith('order-')));
    expect(await orders().findOne({ _id: orderId })).toMatchObject({ status: 'refunded', customerId, payments: { [paymentId]: { status: 'captured' } }, shipment: { status: 'returned' } });
  });

  it('changes nothing on redelivery, whole or in overlapping batches', async () => {
    const events = createLifecycleEvents();
    await applyAll(events.slice(0, 15));
    await applyAll(events.slice(10, 22));
    await applyAll(events.slice(5));
    const once = await everything();
    await applyAll(events);
    await applyAll([...events].reverse());
    expect(await everything()).toEqual(once);
    version += 1;
    for (const projection of projections) await projection.setup(store, version);
    await applyAll(events);
    expect(await everything()).toEqual(once);
  });

  it('declares the indexes the list queries need on the MongoDB-wire server', async () => {
    if (!opened.indexNames) return; // the embedded store plans its own
    expect(await opened.indexNames(orderCollections(version).orders)).toEqual(expect.arrayContaining(['customer_placed_at', 'placed_at', 'status_placed_at']));
    expect(await opened.indexNames(shipmentCollections(version).shipments)).toEqual(expect.arrayContaining(['opened_at', 'status_opened_at']));
    expect(await opened.indexNames(notificationCollections(version).notifications)).toEqual(expect.arrayContaining(['user_created_at', 'user_read']));
    expect(await opened.indexNames(paymentCollections(version).payments)).toEqual(expect.arrayContaining(['order_requested_at']));
  });
});
