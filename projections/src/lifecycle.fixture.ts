import type { RecordedEvent } from '@ecommerce/platform';

/**
 * One order's whole lifecycle as the event store holds it, in `$all` order: a declined payment,
 * a second one that needs an action and is captured, shipment, delivery, a return of one of two
 * units and its refund, and the customer's in-app messages. For the read models' tests.
 */
export const lifecycleIds = {
  orderId: '00000000-0000-4000-8000-0000000000a1',
  customerId: '00000000-0000-4000-8000-0000000000c1',
  declinedPaymentId: '00000000-0000-4000-8000-0000000000b1',
  paymentId: '00000000-0000-4000-8000-0000000000b2',
  shipmentId: '00000000-0000-4000-8000-0000000000d1',
  productId: '00000000-0000-4000-8000-0000000000e1',
};

export const lifecycleAddress = { recipient: 'Ada Lovelace', line1: '1 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' };

const euros = (amount: number) => ({ amount, currency: 'EUR' });

export function createLifecycleEvents(ids = lifecycleIds): RecordedEvent[] {
  const { orderId, customerId, declinedPaymentId, paymentId, shipmentId, productId } = ids;
  const revisions = new Map<string, number>();
  const events: RecordedEvent[] = [];
  const at = (n: number) => new Date(Date.UTC(2024, 4, 1, 10, 0, n)).toISOString();
  const append = (streamId: string, type: string, data: Record<string, unknown>) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const occurredAt = at(events.length);
    events.push({ id: `${streamId}@${revision}`, type, streamId, revision, position: events.length + 1, data, metadata: { occurredAt }, recordedAt: new Date(occurredAt) });
  };
  const order = (type: string, data: Record<string, unknown> = {}) => append(`order-${orderId}`, type, { orderId, ...data });
  const payment = (id: string, type: string, data: Record<string, unknown>) => append(`payment-${id}`, type, { paymentId: id, orderId, ...data });
  const shipment = (type: string, data: Record<string, unknown>) => append(`shipment-${shipmentId}`, type, { shipmentId, orderId, ...data });
  const notify = (type: string, data: Record<string, unknown>) => append(`notification-${customerId}`, type, { userId: customerId, ...data });
  const line = { productId, sku: 'SHOE-1', name: 'Shoes', quantity: 2, unitPrice: euros(1000) };
  const refundId = `${paymentId}/items_returned`;

  order('OrderPlaced', { customerId, lines: [line], total: euros(2000), placedAt: at(0), shippingAddress: lifecycleAddress });
  order('OrderLineReserved', { sku: 'SHOE-1' });
  order('OrderConfirmed', { paymentDeadline: '2024-05-01T10:15:00.000Z' });
  order('OrderTimerScheduled', { timerId: 't1', dueAt: '2024-05-01T10:15:00.000Z', purpose: 'payment_deadline' });
  notify('NotificationQueued', { notificationId: 'n-confirmed-inapp', channel: 'inApp', kind: 'order_confirmed', sourceEventId: 'x', recipient: null, subject: 'Order confirmed', text: 'Pay within 15 minutes.', queuedAt: at(4) });
  notify('NotificationQueued', { notificationId: 'n-confirmed-email', channel: 'email', kind: 'order_confirmed', sourceEventId: 'x', recipient: 'ada@example.com', subject: 'Order confirmed', text: 'Pay.', queuedAt: at(5) });
  payment(declinedPaymentId, 'PaymentRequested', { customerId, amount: euros(2000), provider: 'sandbox', methodReference: 'pm_card_chargeDeclined', requestedAt: at(6) });
  payment(declinedPaymentId, 'PaymentDeclined', { code: 'card_declined', message: 'Your card was declined.', at: at(7) });
  payment(paymentId, 'PaymentRequested', { customerId, amount: euros(2000), provider: 'sandbox', methodReference: 'pm_card_threeDSecure2Required', requestedAt: at(8) });
  payment(paymentId, 'PaymentActionRequired', { redirectUrl: 'http://localhost/api/payments/sandbox/actions/r1', providerPaymentId: 'pi_1', at: at(9) });
  payment(paymentId, 'PaymentCaptured', { amount: euros(2000), providerPaymentId: 'pi_1', at: at(10) });
  order('OrderPaid', { paymentId, amount: euros(2000) });
  shipment('ShipmentOpened', { customerId, lines: [{ sku: 'SHOE-1', name: 'Shoes', quantity: 2 }], address: lifecycleAddress, openedAt: at(12) });
  shipment('ShipmentDispatched', { carrier: 'DHL', trackingNumber: 'JD0001', dispatchedAt: at(13) });
  order('OrderShipped', { shipmentId, carrier: 'DHL', trackingNumber: 'JD0001', shippedAt: at(13) });
  notify('NotificationRead', { notificationId: 'n-confirmed-inapp', readAt: at(15) });
  shipment('ShipmentDelivered', { deliveredAt: at(16) });
  order('OrderDelivered', { deliveredAt: at(16), returnWindowEndsAt: '2024-05-15T10:00:16.000Z', acceptanceDeadline: '2024-05-15T10:00:16.000Z' });
  order('OrderReturnRequested', { lines: [{ sku: 'SHOE-1', quantity: 1 }], reason: 'too small', requestedAt: at(18) });
  shipment('ShipmentReturnRequested', { lines: [{ sku: 'SHOE-1', quantity: 1 }], requestedAt: at(18) });
  shipment('ShipmentReturned', { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }], receivedAt: at(20) });
  order('OrderReturned', { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }], refundAmount: euros(1000), returnedAt: at(20) });
  order('OrderRefundRequested', { paymentId, refundId, amount: euros(1000), reason: 'items_returned' });
  payment(paymentId, 'PaymentRefundRequested', { refundId, amount: euros(1000), reason: 'items_returned', requestedAt: at(23) });
  payment(paymentId, 'PaymentRefundSucceeded', { refundId, amount: euros(1000), providerRefundId: 're_1', at: at(24) });
  order('OrderRefunded', { paymentId, refundId, amount: euros(1000) });
  notify('NotificationQueued', { notificationId: 'n-refunded-inapp', channel: 'inApp', kind: 'order_refunded', sourceEventId: 'y', recipient: null, subject: 'Refunded', text: '10.00 EUR are on their way back.', queuedAt: at(26) });
  return events;
}

/** A deterministic pseudo-random sequence (mulberry32), so a shuffled test fails the same way twice. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The events as a projection receives them from partitions of several topics: each stream lives in
 * one partition (here a random one of `partitions`), in order there, in batches of random sizes.
 * Partitions are consumed concurrently, so the streams interleave in any way.
 */
export function partitionedBatches(events: readonly RecordedEvent[], partitions: number, random: () => number): RecordedEvent[][][] {
  const partitionOf = new Map<string, number>();
  const lanes: RecordedEvent[][] = Array.from({ length: partitions }, () => []);
  for (const event of events) {
    if (!partitionOf.has(event.streamId)) partitionOf.set(event.streamId, Math.floor(random() * partitions));
    lanes[partitionOf.get(event.streamId) as number]?.push(event);
  }
  return lanes.map((lane) => {
    const batches: RecordedEvent[][] = [];
    for (let start = 0; start < lane.length; ) {
      const size = 1 + Math.floor(random() * 4);
      batches.push(lane.slice(start, start + size));
      start += size;
    }
    return batches;
  });
}
