import type {
  Money, OrderDocument, OrderPaymentView, OrderRefundView, OrderReturnView, OrderShipmentView, OrderView, PaymentFieldsEntry, RefundView,
} from '@ecommerce/schemas';

const moneyOf = (amount: number, currency: string): Money => ({ amount, currency });

/** Payments by request time; documents may hold none (unpaid, or projected before payments existed). */
const paymentsOf = (doc: OrderDocument): PaymentFieldsEntry[] =>
  Object.values(doc.payments ?? {}).sort((left, right) => left.requestedAt.localeCompare(right.requestedAt) || left.paymentId.localeCompare(right.paymentId));

/** The payment that paid the order decides its status; otherwise the latest attempt does. */
export function orderPaymentOf(doc: OrderDocument): OrderPaymentView {
  const payments = paymentsOf(doc);
  const paid = doc.paid ?? null;
  const deciding = (paid && payments.find((payment) => payment.paymentId === paid.paymentId)) ?? payments.at(-1);
  return {
    status: deciding?.status ?? (paid ? 'captured' : 'none'),
    paymentId: paid?.paymentId ?? deciding?.paymentId ?? null,
    paidAmount: paid?.amount ?? null,
    paidAt: paid?.at ?? null,
    attempts: payments.map((payment) => ({
      paymentId: payment.paymentId, status: payment.status, amount: payment.amount, captured: moneyOf(payment.captured, payment.amount.currency),
      declineCode: payment.declineCode, requestedAt: payment.requestedAt,
    })),
  };
}

/**
 * Every refund of the order: what its payments say (the provider's outcome, failures included),
 * and what the order asked for that its payment has not recorded yet.
 */
export function orderRefundOf(doc: OrderDocument): OrderRefundView {
  const currency = doc.total.currency;
  const byId = new Map<string, RefundView>();
  for (const refund of doc.refunds ?? []) {
    byId.set(refund.refundId, { refundId: refund.refundId, paymentId: refund.paymentId, amount: refund.amount, status: refund.status, reason: refund.reason, requestedAt: refund.at });
  }
  for (const payment of paymentsOf(doc)) {
    for (const refund of payment.refunds) {
      byId.set(refund.refundId, { refundId: refund.refundId, paymentId: payment.paymentId, amount: refund.amount, status: refund.status, reason: refund.reason, requestedAt: refund.requestedAt });
    }
  }
  const refunds = [...byId.values()].sort((left, right) => left.requestedAt.localeCompare(right.requestedAt));
  const sum = (counts: (refund: RefundView) => boolean) => refunds.reduce((total, refund) => (counts(refund) ? total + refund.amount.amount : total), 0);
  const requested = sum((refund) => refund.status !== 'failed');
  const succeeded = sum((refund) => refund.status === 'succeeded');
  const captured = paymentsOf(doc).reduce((total, payment) => total + payment.captured, 0) || (doc.paid?.amount.amount ?? 0);
  const status = requested > succeeded ? 'pending' : succeeded === 0 ? 'none' : succeeded >= captured ? 'refunded' : 'partially_refunded';
  return { status, requested: moneyOf(requested, currency), succeeded: moneyOf(succeeded, currency), refunds };
}

/** The shipment stream's view when projected, else what the order stream said when it shipped. */
export function orderShipmentOf(doc: OrderDocument): OrderShipmentView | null {
  const { shipment } = doc;
  const shipped = doc.shipped ?? null;
  // The shipment stream and the order's own are projected from two topics: a shipment still open
  // (or dispatched) while the order's events already say shipped (or delivered) is behind them.
  const behindOrder = Boolean(shipment && shipped && (shipment.status === 'open' || (shipment.status === 'dispatched' && doc.delivery)));
  if (shipment && !behindOrder) {
    const { shipmentId, status, carrier, trackingNumber, dispatchedAt, deliveredAt } = shipment;
    return { shipmentId, status, carrier, trackingNumber, dispatchedAt, deliveredAt };
  }
  if (!shipped) return null;
  return {
    shipmentId: shipped.shipmentId, status: doc.delivery ? 'delivered' : 'dispatched', carrier: shipped.carrier, trackingNumber: shipped.trackingNumber,
    dispatchedAt: shipped.shippedAt, deliveredAt: doc.delivery?.deliveredAt ?? null,
  };
}

function orderReturnOf(doc: OrderDocument): OrderReturnView | null {
  const request = doc.returnRequest ?? null;
  if (!request) return null;
  const returned = doc.returned ?? null;
  return {
    lines: request.lines, reason: request.reason, requestedAt: request.requestedAt,
    received: returned && { lines: returned.lines, refundAmount: returned.refundAmount, receivedAt: returned.returnedAt },
  };
}

/** A document is an order once its order stream wrote it: payment or shipment events may come first. */
export const isOrder = (doc: OrderDocument | null): doc is OrderDocument => doc !== null && doc.status !== undefined;

/** Field by field, so nothing the document might gain later reaches a response by accident; fields documents projected earlier lack are null. */
export function toOrderView(doc: OrderDocument): OrderView {
  return {
    id: doc._id, customerId: doc.customerId, status: doc.status, lines: doc.lines, total: doc.total, shippingAddress: doc.shippingAddress ?? null,
    timeline: doc.timeline, paymentDeadline: doc.paymentDeadline, payment: orderPaymentOf(doc), refund: orderRefundOf(doc), shipment: orderShipmentOf(doc),
    delivery: doc.delivery ?? null, completion: doc.completion ?? null, return: orderReturnOf(doc),
    placedAt: doc.placedAt, updatedAt: doc.updatedAt, revision: doc.revision,
  };
}
