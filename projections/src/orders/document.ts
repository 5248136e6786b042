import type { DomainEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { OrderDocument, OrderPlaced, OrderRefundEntry } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { OrderDocument, OrderRefundEntry, OrderTimelineEntry } from '@ecommerce/schemas';

/** What the order stream writes: every field but the payment and shipment streams' own. */
export type OrderFields = Omit<OrderDocument, '_id' | '_revisions' | 'payments' | 'shipment'>;

/** A projected event with the domain's types: a switch on its `type` reads typed `data`. */
type TypedEvent = DomainEvent & Pick<ProjectedEvent, 'revision' | 'occurredAt'>;

export const orderEventTypes = [
  'OrderPlaced', 'OrderLineReserved', 'OrderLineRejected', 'OrderConfirmed', 'OrderRejected', 'OrderTimerScheduled', 'OrderPaid', 'OrderExpired', 'OrderCancelled',
  'OrderShipped', 'OrderDelivered', 'OrderCompleted', 'OrderReturnRequested', 'OrderReturned', 'OrderRefundRequested', 'OrderRefunded',
] as const;

/** Bookkeeping of the order actor, not steps of the order: they move only the revision. */
const bookkeeping: ReadonlySet<string> = new Set(['OrderLineReserved', 'OrderLineRejected', 'OrderTimerScheduled']);

/** The status each event moves the order to; lifecycle events absent here leave it as it is. */
const statusAfter: Readonly<Partial<Record<string, string>>> = {
  OrderConfirmed: 'confirmed',
  OrderRejected: 'rejected',
  OrderPaid: 'paid',
  OrderExpired: 'expired',
  OrderCancelled: 'cancelled',
  OrderShipped: 'shipped',
  OrderDelivered: 'delivered',
  OrderCompleted: 'completed',
  OrderReturnRequested: 'return_requested',
  OrderReturned: 'returned',
};

function placedOrder(event: ProjectedEvent, data: OrderPlaced): OrderFields {
  return {
    customerId: data.customerId, status: 'placed', lines: data.lines, total: { ...data.total },
    // events written before addresses existed have no such field
    shippingAddress: data.shippingAddress ?? null,
    timeline: [{ status: 'placed', event: event.type, at: event.occurredAt }], paymentDeadline: null,
    paid: null, shipped: null, delivery: null, completion: null, returnRequest: null, returned: null, refunds: [],
    placedAt: data.placedAt, updatedAt: event.occurredAt, revision: event.revision,
  };
}

/** A refund the order asked for (pending), or one it was told succeeded (asked for by the order or by an admin). */
function withRefund(refunds: readonly OrderRefundEntry[], event: TypedEvent & { type: 'OrderRefundRequested' | 'OrderRefunded' }): OrderRefundEntry[] {
  if (event.type === 'OrderRefundRequested') {
    const { refundId, paymentId, amount, reason } = event.data;
    if (refunds.some((refund) => refund.refundId === refundId)) return [...refunds];
    return [...refunds, { refundId, paymentId, amount, reason, status: 'pending', at: event.occurredAt }];
  }
  const { refundId, paymentId, amount } = event.data;
  const known = refunds.find((refund) => refund.refundId === refundId);
  if (!known) return [...refunds, { refundId, paymentId, amount, reason: null, status: 'succeeded', at: event.occurredAt }];
  return refunds.map((refund) => (refund === known ? { ...refund, status: 'succeeded', at: event.occurredAt } : refund));
}

/** The fields one lifecycle event changes besides the status. */
function changedFields(current: OrderFields, event: TypedEvent): Partial<OrderFields> {
  switch (event.type) {
    case 'OrderConfirmed':
      return { paymentDeadline: event.data.paymentDeadline };
    case 'OrderPaid': {
      const { paymentId, amount } = event.data;
      return { paid: { paymentId, amount, at: event.occurredAt } };
    }
    case 'OrderShipped': {
      const { shipmentId, carrier, trackingNumber, shippedAt } = event.data;
      return { shipped: { shipmentId, carrier, trackingNumber, shippedAt } };
    }
    case 'OrderDelivered': {
      const { deliveredAt, returnWindowEndsAt, acceptanceDeadline } = event.data;
      return { delivery: { deliveredAt, returnWindowEndsAt, acceptanceDeadline } };
    }
    case 'OrderCompleted': {
      const { acceptedBy, completedAt } = event.data;
      return { completion: { acceptedBy, completedAt } };
    }
    case 'OrderReturnRequested': {
      const { lines, reason, requestedAt } = event.data;
      return { returnRequest: { lines, reason, requestedAt } };
    }
    case 'OrderReturned': {
      const { lines, refundAmount, returnedAt } = event.data;
      return { returned: { lines, refundAmount, returnedAt } };
    }
    case 'OrderRefundRequested':
    case 'OrderRefunded':
      return { refunds: withRefund(current.refunds ?? [], event) };
    default:
      return {};
  }
}

/** As the domain decides: the return's own refund closes a returned order; other refunds leave the status alone. */
function statusOf(current: OrderFields, event: TypedEvent): string {
  if (event.type === 'OrderRefunded') {
    const { refundId } = event.data;
    const closesReturn = current.status === 'returned' && (current.refunds ?? []).some((refund) => refund.refundId === refundId && refund.reason === 'items_returned');
    return closesReturn ? 'refunded' : current.status;
  }
  return statusAfter[event.type] ?? current.status;
}

/** The order after an event of its stream (pure), every lifecycle step on its timeline. */
export function evolveOrderFields(current: OrderFields | null, event: ProjectedEvent): OrderFields | null {
  const typed: TypedEvent = { ...asDeciderEvent<DomainEvent>(event), revision: event.revision, occurredAt: event.occurredAt };
  if (typed.type === 'OrderPlaced') return current ?? placedOrder(event, typed.data);
  if (!current) return null;
  const touched = { ...current, revision: event.revision, updatedAt: event.occurredAt };
  if (bookkeeping.has(event.type)) return touched;
  const status = statusOf(current, typed);
  return { ...touched, ...changedFields(current, typed), status, timeline: [...current.timeline, { status, event: event.type, at: event.occurredAt }] };
}
