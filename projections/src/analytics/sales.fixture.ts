import type { RecordedEvent } from '@ecommerce/platform';

/**
 * A small shop's events in `$all` order, for the analytics and co-purchases tests: three products
 * in two categories (one recategorized), a customer's cart checked out into order 1, then a second
 * cart left with an item; orders 1 and 2 paid and completed, order 2 in USD; order 3 paid and
 * partly refunded; order 4 only placed. Times cross midnight UTC between 1 and 2 May 2024.
 */
export const salesIds = {
  mug: '00000000-0000-4000-8000-00000000aa01',
  shoe: '00000000-0000-4000-8000-00000000aa02',
  pan: '00000000-0000-4000-8000-00000000aa03',
  customer: '00000000-0000-4000-8000-00000000cc01',
  orders: ['00000000-0000-4000-8000-00000000dd01', '00000000-0000-4000-8000-00000000dd02', '00000000-0000-4000-8000-00000000dd03', '00000000-0000-4000-8000-00000000dd04'] as const,
  payments: ['00000000-0000-4000-8000-00000000ee01', '00000000-0000-4000-8000-00000000ee02', '00000000-0000-4000-8000-00000000ee03'] as const,
};

export function createSalesEvents(): RecordedEvent[] {
  const { mug, shoe, pan, customer, orders, payments } = salesIds;
  const revisions = new Map<string, number>();
  const events: RecordedEvent[] = [];
  let clock = Date.UTC(2024, 4, 1, 22, 0, 0);
  const append = (streamId: string, type: string, data: Record<string, unknown>, advanceMinutes = 10) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    clock += advanceMinutes * 60_000;
    const occurredAt = new Date(clock).toISOString();
    events.push({ id: `${streamId}@${revision}`, type, streamId, revision, position: events.length + 1, data, metadata: { occurredAt }, recordedAt: new Date(occurredAt) });
  };
  const money = (amount: number, currency = 'EUR') => ({ amount, currency });
  const product = (productId: string, category: string, price: number) =>
    append(`product-${productId}`, 'ProductCreated', { productId, sku: productId.slice(-4), name: category, description: '', category, tags: [], price: money(price), listedBy: null });
  const line = (productId: string, quantity: number, amount: number, currency = 'EUR') => ({ productId, sku: productId.slice(-4), name: 'x', quantity, unitPrice: money(amount, currency) });
  const order = (index: number, type: string, data: Record<string, unknown> = {}) => append(`order-${orders[index] as string}`, type, { orderId: orders[index], ...data });
  const payment = (index: number, type: string, data: Record<string, unknown>) => append(`payment-${payments[index] as string}`, type, { paymentId: payments[index], orderId: orders[index], ...data });
  const cart = (type: string, data: Record<string, unknown> = {}) => append(`cart-${customer}`, type, { customerId: customer, ...data });
  const placed = (index: number, lines: ReturnType<typeof line>[]) => {
    const total = lines.reduce((sum, { quantity, unitPrice }) => sum + quantity * unitPrice.amount, 0);
    order(index, 'OrderPlaced', { customerId: customer, lines, total: money(total, lines[0]?.unitPrice.currency), placedAt: new Date(clock).toISOString(), shippingAddress: null });
    return money(total, lines[0]?.unitPrice.currency);
  };
  const paid = (index: number, amount: ReturnType<typeof money>) => {
    payment(index, 'PaymentRequested', { customerId: customer, amount, provider: 'sandbox', methodReference: 'pm_card_visa', requestedAt: 'x' });
    payment(index, 'PaymentCaptured', { amount, providerPaymentId: null, at: 'x' });
    order(index, 'OrderPaid', { paymentId: payments[index], amount });
  };
  const completed = (index: number) => {
    order(index, 'OrderShipped', { shipmentId: 's', carrier: 'c', trackingNumber: 't', shippedAt: 'x' });
    order(index, 'OrderCompleted', { acceptedBy: 'customer', completedAt: 'x' });
  };

  product(mug, 'kitchen', 1200);
  product(shoe, 'sports', 9000);
  product(pan, 'garden', 3000);
  append(`product-${pan}`, 'ProductDetailsUpdated', { productId: pan, name: null, description: null, category: 'kitchen', tags: null });
  cart('CartItemAdded', { productId: mug, quantity: 2 });
  cart('CartItemAdded', { productId: shoe, quantity: 1 });
  cart('CartCheckedOut', { orderId: orders[0] });
  const first = placed(0, [line(mug, 2, 1200), line(shoe, 1, 9000)]); // 1 May, 22:50
  const second = placed(1, [line(mug, 1, 1500, 'USD'), line(pan, 1, 3500, 'USD')]);
  paid(0, first); // captured on 1 May, OrderPaid at midnight: 2 May from here on
  paid(1, second);
  const third = placed(2, [line(mug, 1, 1200), line(shoe, 1, 9000), line(pan, 1, 3000)]);
  paid(2, third);
  payment(2, 'PaymentRefundRequested', { refundId: 'r1', amount: money(500), reason: 'goodwill', requestedAt: 'x' });
  payment(2, 'PaymentRefundSucceeded', { refundId: 'r1', amount: money(500), providerRefundId: null, at: 'x' });
  placed(3, [line(shoe, 1, 9000)]);
  completed(0);
  completed(1);
  cart('CartItemAdded', { productId: pan, quantity: 1 });
  return events;
}
