import type { Money, OrderLine } from '@ecommerce/schemas';
import type { OrderEvent } from './events';

/** Every status an order reaches up to payment (DESIGN §6); shipping joins in a later issue. */
export const orderStatuses = ['placed', 'confirmed', 'paid', 'rejected', 'expired', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Statuses no command moves on from. */
export const isFinalOrderStatus = (status: OrderStatus): boolean => status === 'rejected' || status === 'expired' || status === 'cancelled';

/** What inventory answered for one line; a line absent from `lineOutcomes` is still waiting. */
export type LineOutcome = 'reserved' | 'rejected';

export interface Order {
  status: OrderStatus;
  orderId: string;
  customerId: string;
  lines: OrderLine[];
  total: Money;
  placedAt: string;
  /** By SKU; own keys only (see `lineOutcomeOf`). */
  lineOutcomes: Readonly<Record<string, LineOutcome>>;
  /** Set once confirmed. */
  paymentDeadline: string | null;
  /** The timer that may expire the order; any other timer is stale. */
  paymentTimerId: string | null;
  paymentId: string | null;
}

export type OrderState = { status: 'absent' } | Order;

export const initialOrderState = (): OrderState => ({ status: 'absent' });

export const lineOutcomeOf = (order: Order, sku: string): LineOutcome | undefined =>
  Object.hasOwn(order.lineOutcomes, sku) ? order.lineOutcomes[sku] : undefined;

/**
 * SKUs whose stock the router must release when the order is rejected, expired or cancelled:
 * every line inventory did not refuse. That includes lines still waiting for their answer: the
 * release goes to the same SKU inbox after the reserve, so it lands after it and frees the hold
 * a late StockReserved would otherwise leave behind. Inventory ignores a release it holds nothing for.
 */
export const linesToRelease = (state: OrderState): string[] =>
  state.status === 'absent' ? [] : state.lines.filter((line) => lineOutcomeOf(state, line.sku) !== 'rejected').map((line) => line.sku);

const withOutcome = (order: Order, sku: string, outcome: LineOutcome): Order =>
  // The first answer for a line is the one that counts: inventory answers each order once.
  lineOutcomeOf(order, sku) === undefined ? { ...order, lineOutcomes: { ...order.lineOutcomes, [sku]: outcome } } : order;

export const evolveOrder = (state: OrderState, event: OrderEvent): OrderState => {
  if (event.type === 'OrderPlaced') {
    if (state.status !== 'absent') return state;
    const { orderId, customerId, lines, total, placedAt } = event.data;
    return { status: 'placed', orderId, customerId, lines, total, placedAt, lineOutcomes: {}, paymentDeadline: null, paymentTimerId: null, paymentId: null };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'OrderLineReserved':
      return withOutcome(state, event.data.sku, 'reserved');
    case 'OrderLineRejected':
      return withOutcome(state, event.data.sku, 'rejected');
    case 'OrderConfirmed':
      return { ...state, status: 'confirmed', paymentDeadline: event.data.paymentDeadline };
    case 'OrderTimerScheduled':
      return event.data.purpose === 'payment_deadline' ? { ...state, paymentTimerId: event.data.timerId } : state;
    case 'OrderRejected':
      return { ...state, status: 'rejected' };
    case 'OrderPaid':
      return { ...state, status: 'paid', paymentId: event.data.paymentId };
    case 'OrderExpired':
      return { ...state, status: 'expired' };
    case 'OrderCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return state;
  }
};
