import type { ShipmentFieldsEntry } from '@ecommerce/schemas';
import type { OrderDocument, PaymentFieldsEntry } from '@ecommerce/schemas';
import { orderPaymentOf, orderRefundOf, orderShipmentOf, toOrderView } from './view';

const euros = (amount: number) => ({ amount, currency: 'EUR' });

const createTestOrder = (overrides: Partial<OrderDocument> = {}): OrderDocument => ({
  _id: 'o1', customerId: 'c1', status: 'confirmed', lines: [], total: euros(2000), timeline: [], paymentDeadline: null, placedAt: '2024-05-01T00:00:00.000Z',
  updatedAt: '2024-05-01T00:00:00.000Z', revision: 2, ...overrides,
});

const createTestPayment = (paymentId: string, overrides: Partial<PaymentFieldsEntry> = {}): PaymentFieldsEntry => ({
  paymentId, orderId: 'o1', customerId: 'c1', status: 'requested', amount: euros(2000), provider: 'sandbox', providerPaymentId: null, captured: 0, redirectUrl: null,
  declineCode: null, declineMessage: null, refunds: [], requestedAt: `2024-05-01T00:00:0${paymentId.slice(-1)}.000Z`, capturedAt: null, updatedAt: 'x', revision: 0, ...overrides,
});

const refund = (refundId: string, amount: number, status: 'pending' | 'succeeded' | 'failed', requestedAt = '2024-05-02T00:00:00.000Z') => ({
  refundId, amount: euros(amount), status, reason: null, failureCode: null, requestedAt, settledAt: null,
});

describe('the order view', () => {
  it('fills what a document projected before the lifecycle existed lacks', () => {
    expect(toOrderView(createTestOrder())).toMatchObject({
      shippingAddress: null, payment: { status: 'none', paymentId: null, paidAmount: null, paidAt: null, attempts: [] },
      refund: { status: 'none', requested: euros(0), succeeded: euros(0), refunds: [] }, shipment: null, delivery: null, completion: null, return: null,
    });
  });

  it("takes the payment status from the latest attempt until one paid the order, then from that one", () => {
    const declined = createTestPayment('p1', { status: 'declined', declineCode: 'card_declined' });
    const acting = createTestPayment('p2', { status: 'requires_action' });
    expect(orderPaymentOf(createTestOrder({ payments: { p2: acting, p1: declined } }))).toMatchObject({ status: 'requires_action', paymentId: 'p2', paidAmount: null });
    const captured = { ...acting, status: 'captured', captured: 2000 };
    const late = createTestPayment('p3', { status: 'captured', captured: 2000 });
    const paid = { paymentId: 'p2', amount: euros(2000), at: 'x' };
    expect(orderPaymentOf(createTestOrder({ paid, payments: { p1: declined, p2: captured, p3: late } }))).toMatchObject({ status: 'captured', paymentId: 'p2', paidAmount: euros(2000) });
    // the order heard of its payment before the payment stream was projected
    expect(orderPaymentOf(createTestOrder({ paid }))).toMatchObject({ status: 'captured', paymentId: 'p2', attempts: [] });
  });

  it('sums refunds across payments: pending, partially refunded, refunded; failed ones count for nothing', () => {
    const paid = createTestPayment('p1', { status: 'captured', captured: 2000 });
    const withRefunds = (...refunds: ReturnType<typeof refund>[]) => orderRefundOf(createTestOrder({ payments: { p1: { ...paid, refunds } } }));
    expect(withRefunds(refund('r1', 500, 'failed'))).toMatchObject({ status: 'none', requested: euros(0), succeeded: euros(0) });
    expect(withRefunds(refund('r1', 500, 'succeeded'), refund('r2', 300, 'pending'))).toMatchObject({ status: 'pending', requested: euros(800), succeeded: euros(500) });
    expect(withRefunds(refund('r1', 500, 'succeeded'))).toMatchObject({ status: 'partially_refunded', succeeded: euros(500) });
    expect(withRefunds(refund('r1', 500, 'succeeded'), refund('r2', 1500, 'succeeded'))).toMatchObject({ status: 'refunded', succeeded: euros(2000) });
  });

  it("lets the payment's record of a refund win over the order's, and keeps the order's until the payment has one", () => {
    const orderRefunds = [
      { refundId: 'r1', paymentId: 'p1', amount: euros(2000), reason: 'order_cancelled', status: 'pending' as const, at: '2024-05-02T00:00:00.000Z' },
      { refundId: 'r2', paymentId: 'p1', amount: euros(100), reason: null, status: 'succeeded' as const, at: '2024-05-03T00:00:00.000Z' },
    ];
    const payment = createTestPayment('p1', { status: 'captured', captured: 2000, refunds: [refund('r1', 2000, 'failed', '2024-05-02T00:00:01.000Z')] });
    expect(orderRefundOf(createTestOrder({ refunds: orderRefunds, payments: { p1: payment } })).refunds.map((entry) => [entry.refundId, entry.status])).toEqual([['r1', 'failed'], ['r2', 'succeeded']]);
  });

  it("shows the shipment from the order's own events until the shipment stream is projected", () => {
    const shipped = { shipmentId: 's1', carrier: 'DHL', trackingNumber: 'JD1', shippedAt: '2024-05-02T00:00:00.000Z' };
    expect(orderShipmentOf(createTestOrder({ shipped }))).toEqual({ shipmentId: 's1', status: 'dispatched', carrier: 'DHL', trackingNumber: 'JD1', dispatchedAt: '2024-05-02T00:00:00.000Z', deliveredAt: null });
    const delivery = { deliveredAt: '2024-05-03T00:00:00.000Z', returnWindowEndsAt: 'x', acceptanceDeadline: 'y' };
    expect(orderShipmentOf(createTestOrder({ shipped, delivery }))).toMatchObject({ status: 'delivered', deliveredAt: '2024-05-03T00:00:00.000Z' });
  });

  it("shows the order's own shipment events when the shipment stream is projected only up to an earlier state", () => {
    const shipped = { shipmentId: 's1', carrier: 'DHL', trackingNumber: 'JD1', shippedAt: '2024-05-02T00:00:00.000Z' };
    const open: ShipmentFieldsEntry = {
      shipmentId: 's1', orderId: 'o1', customerId: 'c1', status: 'open', lines: [], address: { recipient: 'A', line1: 'L', line2: null, city: 'C', region: null, postalCode: 'P', country: 'FR' },
      carrier: null, trackingNumber: null, openedAt: '2024-05-01T00:00:00.000Z', dispatchedAt: null, deliveredAt: null, cancelledAt: null, returnRequest: null, returned: null, updatedAt: '2024-05-01T00:00:00.000Z', revision: 0,
    };
    expect(orderShipmentOf(createTestOrder({ shipment: open }))).toMatchObject({ status: 'open', carrier: null });
    expect(orderShipmentOf(createTestOrder({ shipment: open, shipped }))).toEqual({ shipmentId: 's1', status: 'dispatched', carrier: 'DHL', trackingNumber: 'JD1', dispatchedAt: '2024-05-02T00:00:00.000Z', deliveredAt: null });
    const dispatched: ShipmentFieldsEntry = { ...open, status: 'dispatched', carrier: 'DHL', trackingNumber: 'JD1', dispatchedAt: '2024-05-02T00:00:00.000Z' };
    const delivery = { deliveredAt: '2024-05-03T00:00:00.000Z', returnWindowEndsAt: 'x', acceptanceDeadline: 'y' };
    expect(orderShipmentOf(createTestOrder({ shipment: dispatched, shipped }))).toMatchObject({ status: 'dispatched', carrier: 'DHL' });
    expect(orderShipmentOf(createTestOrder({ shipment: dispatched, shipped, delivery }))).toMatchObject({ status: 'delivered', deliveredAt: '2024-05-03T00:00:00.000Z' });
  });
});
