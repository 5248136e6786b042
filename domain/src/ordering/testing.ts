/** Fixture builders for order tests: each call returns fresh objects. Test-only. */
import type { CancelOrder, FireTimer, MarkPaid, PlaceOrder, PlaceOrderLine, RecordReservation } from './commands';
import type { OrderEvent } from './events';
import { paymentTimerIdOf } from './events';

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
  const { orderId, customerId, lines, placedAt } = createTestPlaceOrder(overrides).data;
  const amount = lines.reduce((total, line) => total + line.quantity * line.unitPrice.amount, 0);
  return { type: 'OrderPlaced', data: { orderId, customerId, lines, total: { amount, currency: lines[0]?.unitPrice.currency ?? 'EUR' }, placedAt } };
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
