/** Fixture builders for order tests: each call returns fresh objects. Test-only. */
import type { OrderRefundReason, OrderReturnLine, PostalAddress, ReturnedLine } from '@ecommerce/schemas';
import type {
  AcceptOrder,
  CancelOrder,
  FireTimer,
  MarkDelivered,
  MarkPaid,
  MarkShipped,
  PlaceOrder,
  PlaceOrderLine,
  RecordRefund,
  RecordReservation,
  RecordReturnReceived,
  RequestReturn,
} from './commands';
import type { OrderEvent } from './events';
import { acceptanceTimerIdOf, paymentTimerIdOf, refundIdOf } from './events';

export const testOrderId = 'o-1';
export const testPlacedAt = '2025-03-14T10:00:00.000Z';
export const testNow = '2025-03-14T10:00:05.000Z';
export const testPaymentWindowMs = 15 * 60 * 1000;
/** testNow + the payment window. */
export const testPaymentDeadline = '2025-03-14T10:15:05.000Z';
export const testTimerId = paymentTimerIdOf(testOrderId);

export const createTestLine = (sku: string, quantity = 1, amount = 500, currency = 'EUR'): PlaceOrderLine => ({
  productId: `p-${sku}`,
  sku,
  name: `Product ${sku}`,
  quantity,
  unitPrice: { amount, currency },
});

/** Two lines by default: 2 × MUG-001 at 12.50 and 1 × TEA-001 at 6.50, 31.50 EUR in all. */
export const createTestPlaceOrder = (overrides: Partial<PlaceOrder['data']> = {}): PlaceOrder => ({
  type: 'PlaceOrder',
  data: {
    orderId: testOrderId,
    customerId: 'c-1',
    lines: [createTestLine('MUG-001', 2, 1250), createTestLine('TEA-001', 1, 650)],
    placedAt: testPlacedAt,
    ...overrides,
  },
});

export const createTestOrderPlaced = (overrides: Partial<PlaceOrder['data']> = {}): OrderEvent => {
  const { orderId, customerId, lines, placedAt, shippingAddress } = createTestPlaceOrder(overrides).data;
  const amount = lines.reduce((total, line) => total + line.quantity * line.unitPrice.amount, 0);
  return {
    type: 'OrderPlaced',
    data: { orderId, customerId, lines, total: { amount, currency: lines[0]?.unitPrice.currency ?? 'EUR' }, placedAt, shippingAddress: shippingAddress ?? null },
  };
};

export const createTestRecordReservation = (
  sku: string,
  outcome: 'reserved' | 'rejected',
  overrides: Partial<RecordReservation['data']> = {},
): RecordReservation => ({
  type: 'RecordReservation',
  data: { orderId: testOrderId, sku, outcome, now: testNow, paymentWindowMs: testPaymentWindowMs, ...(outcome === 'rejected' ? { available: 0 } : {}), ...overrides },
});

export const lineReserved = (sku: string): OrderEvent => ({ type: 'OrderLineReserved', data: { orderId: testOrderId, sku } });
export const lineRejected = (sku: string, available = 0): OrderEvent => ({ type: 'OrderLineRejected', data: { orderId: testOrderId, sku, available } });
export const orderConfirmed = (paymentDeadline = testPaymentDeadline): OrderEvent => ({ type: 'OrderConfirmed', data: { orderId: testOrderId, paymentDeadline } });
export const timerScheduled = (dueAt = testPaymentDeadline): OrderEvent => ({
  type: 'OrderTimerScheduled',
  data: { orderId: testOrderId, timerId: testTimerId, dueAt, purpose: 'payment_deadline' },
});
export const orderRejected = (...shortSkus: string[]): OrderEvent => ({ type: 'OrderRejected', data: { orderId: testOrderId, reason: 'insufficient_stock', shortSkus } });
export const orderPaid = (paymentId = 'pay-1', amount = 3150): OrderEvent => ({ type: 'OrderPaid', data: { orderId: testOrderId, paymentId, amount: { amount, currency: 'EUR' } } });
export const orderExpired = (): OrderEvent => ({ type: 'OrderExpired', data: { orderId: testOrderId } });
export const orderCancelled = (reason: string | null = null): OrderEvent => ({ type: 'OrderCancelled', data: { orderId: testOrderId, reason } });

/** The events of an order whose two default lines were both reserved. */
export const confirmedOrderHistory = (): OrderEvent[] => [
  createTestOrderPlaced(),
  lineReserved('MUG-001'),
  lineReserved('TEA-001'),
  orderConfirmed(),
  timerScheduled(),
];

export const createTestMarkPaid = (paymentId = 'pay-1', amount = 3150, currency = 'EUR'): MarkPaid => ({
  type: 'MarkPaid',
  data: { orderId: testOrderId, paymentId, amount: { amount, currency } },
});

export const createTestFireTimer = (now: string, timerId = testTimerId): FireTimer => ({ type: 'FireTimer', data: { orderId: testOrderId, timerId, now } });

export const createTestCancelOrder = (reason: string | null = null): CancelOrder => ({ type: 'CancelOrder', data: { orderId: testOrderId, reason } });

// ── after payment ─────────────────────────────────────────────────────────
export const testShipmentId = 's-1';
export const testShippedAt = '2025-03-15T08:00:00.000Z';
export const testDeliveredAt = '2025-03-17T12:00:00.000Z';
export const testReturnWindowMs = 14 * 24 * 3600 * 1000;
export const testAcceptanceWindowMs = 14 * 24 * 3600 * 1000;
/** testDeliveredAt + 14 days. */
export const testReturnWindowEndsAt = '2025-03-31T12:00:00.000Z';
export const testAcceptanceTimerId = acceptanceTimerIdOf(testOrderId);
export const testAddress = (overrides: Partial<PostalAddress> = {}): PostalAddress => ({
  recipient: 'Ada Lovelace',
  line1: '12 Rue de Rivoli',
  line2: null,
  city: 'Paris',
  region: null,
  postalCode: '75001',
  country: 'FR',
  ...overrides,
});

export const createTestMarkShipped = (overrides: Partial<MarkShipped['data']> = {}): MarkShipped => ({
  type: 'MarkShipped',
  data: { orderId: testOrderId, shipmentId: testShipmentId, carrier: 'DHL', trackingNumber: 'JD0146000065', shippedAt: testShippedAt, ...overrides },
});
export const orderShipped = (): OrderEvent => ({ type: 'OrderShipped', data: { ...createTestMarkShipped().data } });

export const createTestMarkDelivered = (overrides: Partial<MarkDelivered['data']> = {}): MarkDelivered => ({
  type: 'MarkDelivered',
  data: { orderId: testOrderId, deliveredAt: testDeliveredAt, returnWindowMs: testReturnWindowMs, acceptanceWindowMs: testAcceptanceWindowMs, ...overrides },
});
export const orderDelivered = (): OrderEvent => ({
  type: 'OrderDelivered',
  data: { orderId: testOrderId, deliveredAt: testDeliveredAt, returnWindowEndsAt: testReturnWindowEndsAt, acceptanceDeadline: testReturnWindowEndsAt },
});
export const acceptanceTimerScheduled = (): OrderEvent => ({
  type: 'OrderTimerScheduled',
  data: { orderId: testOrderId, timerId: testAcceptanceTimerId, dueAt: testReturnWindowEndsAt, purpose: 'acceptance_deadline' },
});

export const createTestAcceptOrder = (acceptedAt = '2025-03-18T09:00:00.000Z'): AcceptOrder => ({ type: 'AcceptOrder', data: { orderId: testOrderId, acceptedAt } });
export const orderCompleted = (acceptedBy: 'customer' | 'deadline' = 'customer', completedAt = '2025-03-18T09:00:00.000Z'): OrderEvent => ({
  type: 'OrderCompleted',
  data: { orderId: testOrderId, acceptedBy, completedAt },
});

export const createTestRequestReturn = (lines: OrderReturnLine[] = [{ sku: 'MUG-001', quantity: 1 }], requestedAt = '2025-03-20T09:00:00.000Z'): RequestReturn => ({
  type: 'RequestReturn',
  data: { orderId: testOrderId, lines, reason: 'arrived chipped', requestedAt },
});
export const orderReturnRequested = (lines: OrderReturnLine[] = [{ sku: 'MUG-001', quantity: 1 }]): OrderEvent => ({
  type: 'OrderReturnRequested',
  data: { orderId: testOrderId, lines, reason: 'arrived chipped', requestedAt: '2025-03-20T09:00:00.000Z' },
});

export const createTestRecordReturnReceived = (lines: ReturnedLine[] = [{ sku: 'MUG-001', restocked: 1, damaged: 0 }]): RecordReturnReceived => ({
  type: 'RecordReturnReceived',
  data: { orderId: testOrderId, lines, receivedAt: '2025-03-24T10:00:00.000Z' },
});
export const orderReturned = (lines: ReturnedLine[] = [{ sku: 'MUG-001', restocked: 1, damaged: 0 }], refund = 1250): OrderEvent => ({
  type: 'OrderReturned',
  data: { orderId: testOrderId, lines, refundAmount: { amount: refund, currency: 'EUR' }, returnedAt: '2025-03-24T10:00:00.000Z' },
});

export const refundRequested = (reason: OrderRefundReason, amount = 3150, paymentId = 'pay-1'): OrderEvent => ({
  type: 'OrderRefundRequested',
  data: { orderId: testOrderId, paymentId, refundId: refundIdOf(paymentId, reason), amount: { amount, currency: 'EUR' }, reason },
});

export const createTestRecordRefund = (refundId = refundIdOf('pay-1', 'items_returned'), amount = 1250, paymentId = 'pay-1'): RecordRefund => ({
  type: 'RecordRefund',
  data: { orderId: testOrderId, paymentId, refundId, amount: { amount, currency: 'EUR' } },
});
export const orderRefunded = (refundId = refundIdOf('pay-1', 'items_returned'), amount = 1250, paymentId = 'pay-1'): OrderEvent => ({
  type: 'OrderRefunded',
  data: { orderId: testOrderId, paymentId, refundId, amount: { amount, currency: 'EUR' } },
});

export const paidOrderHistory = (): OrderEvent[] => [...confirmedOrderHistory(), orderPaid()];
export const shippedOrderHistory = (): OrderEvent[] => [...paidOrderHistory(), orderShipped()];
export const deliveredOrderHistory = (): OrderEvent[] => [...shippedOrderHistory(), orderDelivered(), acceptanceTimerScheduled()];
