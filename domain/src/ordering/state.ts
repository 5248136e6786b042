import type { Money, OrderLine, OrderRefundReason, OrderReturnLine, PostalAddress, ReturnedLine } from '@ecommerce/schemas';
import type { OrderEvent } from './events';

/** Every status of an order (DESIGN §6). */
export const orderStatuses = [
  'placed',
  'confirmed',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'return_requested',
  'returned',
  'refunded',
  'rejected',
  'expired',
  'cancelled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

const finalStatuses: ReadonlySet<OrderStatus> = new Set(['rejected', 'expired', 'cancelled', 'completed', 'refunded']);

/** Statuses no customer or admin step moves on from (a late payment may still be refunded). */
export const isFinalOrderStatus = (status: OrderStatus): boolean => finalStatuses.has(status);

/** What inventory answered for one line; a line absent from `lineOutcomes` is still waiting. */
export type LineOutcome = 'reserved' | 'rejected';

export interface OrderShipment {
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: string;
}

export interface OrderDelivery {
  deliveredAt: string;
  returnWindowEndsAt: string;
  acceptanceDeadline: string;
}

export interface OrderReturnRequest {
  lines: OrderReturnLine[];
  reason: string;
  requestedAt: string;
}

export interface RequestedRefund {
  paymentId: string;
  amount: Money;
  reason: OrderRefundReason;
}

export interface Order {
  status: OrderStatus;
  orderId: string;
  customerId: string;
  lines: OrderLine[];
  total: Money;
  placedAt: string;
  shippingAddress: PostalAddress | null;
  /** By SKU; own keys only (see `lineOutcomeOf`). */
  lineOutcomes: Readonly<Record<string, LineOutcome>>;
  /** Set once confirmed. */
  paymentDeadline: string | null;
  /** The timer that may expire the order; any other timer is stale. */
  paymentTimerId: string | null;
  /** The payment that paid the order. */
  paymentId: string | null;
  shipment: OrderShipment | null;
  delivery: OrderDelivery | null;
  /** The timer that may complete a delivered order. */
  acceptanceTimerId: string | null;
  returnRequest: OrderReturnRequest | null;
  /** What came back, once the return was received. */
  returnedLines: ReturnedLine[] | null;
  /** Refunds the order asked for, by refund id; own keys only. */
  refundRequests: Readonly<Record<string, RequestedRefund>>;
  /** Refunds that succeeded, by refund id; own keys only. */
  refunds: Readonly<Record<string, Money>>;
}

export type OrderState = { status: 'absent' } | Order;

export const initialOrderState = (): OrderState => ({ status: 'absent' });

export const lineOutcomeOf = (order: Order, sku: string): LineOutcome | undefined =>
  Object.hasOwn(order.lineOutcomes, sku) ? order.lineOutcomes[sku] : undefined;

export const refundRequestOf = (order: Order, refundId: string): RequestedRefund | undefined =>
  Object.hasOwn(order.refundRequests, refundId) ? order.refundRequests[refundId] : undefined;

export const hasRefunded = (order: Order, refundId: string): boolean => Object.hasOwn(order.refunds, refundId);

/** Minor units refunded so far (succeeded refunds). */
export const refundedAmountOf = (order: Order): number => Object.values(order.refunds).reduce((sum, money) => sum + money.amount, 0);

/**
 * SKUs whose stock the router must release when the order is rejected, expired or cancelled:
 * every line inventory did not refuse. That includes lines still waiting for their answer: the
 * release goes to the same SKU inbox after the reserve, so it lands after it and frees the hold
 * a late StockReserved would otherwise leave behind. Inventory ignores a release it holds nothing for.
 */
export const linesToRelease = (state: OrderState): string[] =>
  state.status === 'absent' ? [] : state.lines.filter((line) => lineOutcomeOf(state, line.sku) !== 'rejected').map((line) => line.sku);

/**
 * SKUs whose held units become sold, for the router on OrderCompleted and OrderReturned (units that
 * come back are then StockReturned): every line, since a shipped order had all of them reserved.
 */
export const linesToCommit = (state: OrderState): string[] => (state.status === 'absent' ? [] : state.lines.map((line) => line.sku));

const withOutcome = (order: Order, sku: string, outcome: LineOutcome): Order =>
  // The first answer for a line is the one that counts: inventory answers each order once.
  lineOutcomeOf(order, sku) === undefined ? { ...order, lineOutcomes: { ...order.lineOutcomes, [sku]: outcome } } : order;

const placedOrder = (event: Extract<OrderEvent, { type: 'OrderPlaced' }>): Order => {
  const { orderId, customerId, lines, total, placedAt } = event.data;
  return {
    status: 'placed',
    orderId,
    customerId,
    lines,
    total,
    placedAt,
    // Events written before addresses existed have no such key.
    shippingAddress: event.data.shippingAddress ?? null,
    lineOutcomes: {},
    paymentDeadline: null,
    paymentTimerId: null,
    paymentId: null,
    shipment: null,
    delivery: null,
    acceptanceTimerId: null,
    returnRequest: null,
    returnedLines: null,
    refundRequests: {},
    refunds: {},
  };
};

const evolveTimer = (order: Order, event: Extract<OrderEvent, { type: 'OrderTimerScheduled' }>): Order => {
  switch (event.data.purpose) {
    case 'payment_deadline':
      return { ...order, paymentTimerId: event.data.timerId };
    case 'acceptance_deadline':
      return { ...order, acceptanceTimerId: event.data.timerId };
    default:
      return order;
  }
};

const evolveRefunded = (order: Order, event: Extract<OrderEvent, { type: 'OrderRefunded' }>): Order => {
  const { refundId, amount } = event.data;
  const refunds = { ...order.refunds, [refundId]: amount };
  // The return's own refund closes a returned order; other refunds (an admin's partial one) leave the status alone.
  const closesReturn = order.status === 'returned' && refundRequestOf(order, refundId)?.reason === 'items_returned';
  return { ...order, refunds, status: closesReturn ? 'refunded' : order.status };
};

export const evolveOrder = (state: OrderState, event: OrderEvent): OrderState => {
  if (event.type === 'OrderPlaced') return state.status === 'absent' ? placedOrder(event) : state;
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'OrderLineReserved':
      return withOutcome(state, event.data.sku, 'reserved');
    case 'OrderLineRejected':
      return withOutcome(state, event.data.sku, 'rejected');
    case 'OrderConfirmed':
      return { ...state, status: 'confirmed', paymentDeadline: event.data.paymentDeadline };
    case 'OrderTimerScheduled':
      return evolveTimer(state, event);
    case 'OrderRejected':
      return { ...state, status: 'rejected' };
    case 'OrderPaid':
      return { ...state, status: 'paid', paymentId: event.data.paymentId };
    case 'OrderExpired':
      return { ...state, status: 'expired' };
    case 'OrderCancelled':
      return { ...state, status: 'cancelled' };
    case 'OrderShipped': {
      const { shipmentId, carrier, trackingNumber, shippedAt } = event.data;
      return { ...state, status: 'shipped', shipment: { shipmentId, carrier, trackingNumber, shippedAt } };
    }
    case 'OrderDelivered': {
      const { deliveredAt, returnWindowEndsAt, acceptanceDeadline } = event.data;
      return { ...state, status: 'delivered', delivery: { deliveredAt, returnWindowEndsAt, acceptanceDeadline } };
    }
    case 'OrderCompleted':
      return { ...state, status: 'completed' };
    case 'OrderReturnRequested': {
      const { lines, reason, requestedAt } = event.data;
      return { ...state, status: 'return_requested', returnRequest: { lines, reason, requestedAt } };
    }
    case 'OrderReturned':
      return { ...state, status: 'returned', returnedLines: event.data.lines };
    case 'OrderRefundRequested': {
      const { refundId, paymentId, amount, reason } = event.data;
      return { ...state, refundRequests: { ...state.refundRequests, [refundId]: { paymentId, amount, reason } } };
    }
    case 'OrderRefunded':
      return evolveRefunded(state, event);
    default:
      return state;
  }
};
