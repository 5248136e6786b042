import type { Money, OrderConfirmed, OrderDocument, OrderPlaced } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { OrderDocument, OrderTimelineEntry } from '@ecommerce/schemas';

export type OrderFields = Omit<OrderDocument, '_id' | '_revisions'>;

export const orderEventTypes = [
  'OrderPlaced', 'OrderLineReserved', 'OrderLineRejected', 'OrderConfirmed', 'OrderRejected', 'OrderTimerScheduled', 'OrderPaid', 'OrderExpired', 'OrderCancelled',
] as const;

/** The status each event moves the order to; events absent here (line answers, timers) only move the revision. */
const statusAfter: Readonly<Partial<Record<string, string>>> = {
  OrderConfirmed: 'confirmed',
  OrderRejected: 'rejected',
  OrderPaid: 'paid',
  OrderExpired: 'expired',
  OrderCancelled: 'cancelled',
};

/** The order after an ordering event (pure), with every status change on its timeline. */
export function evolveOrderFields(current: OrderFields | null, event: ProjectedEvent): OrderFields | null {
  if (event.type === 'OrderPlaced') {
    if (current) return current;
    const data = event.data as OrderPlaced;
    return {
      customerId: data.customerId, status: 'placed', lines: data.lines, total: { ...(data.total as Money) },
      timeline: [{ status: 'placed', event: event.type, at: event.occurredAt }], paymentDeadline: null,
      placedAt: data.placedAt, updatedAt: event.occurredAt, revision: event.revision,
    };
  }
  if (!current) return null;
  const touched = { ...current, revision: event.revision, updatedAt: event.occurredAt };
  const status = statusAfter[event.type];
  if (!status) return touched;
  return {
    ...touched,
    status,
    timeline: [...current.timeline, { status, event: event.type, at: event.occurredAt }],
    ...(event.type === 'OrderConfirmed' ? { paymentDeadline: (event.data as OrderConfirmed).paymentDeadline } : {}),
  };
}
