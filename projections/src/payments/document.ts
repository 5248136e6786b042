import type { DomainEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { PaymentFieldsEntry, PaymentRefundEntry, PaymentRefundRequested, PaymentRequested } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { PaymentDocument, PaymentFieldsEntry, PaymentRefundEntry } from '@ecommerce/schemas';

export type PaymentFields = PaymentFieldsEntry;

export const paymentEventTypes = [
  'PaymentRequested', 'PaymentActionRequired', 'PaymentAuthorized', 'PaymentCaptured', 'PaymentDeclined', 'PaymentRefundRequested', 'PaymentRefundSucceeded', 'PaymentRefundFailed',
] as const;

function requestedPayment(event: ProjectedEvent, requested: PaymentRequested): PaymentFields {
  const { paymentId, orderId, customerId, amount, provider, requestedAt } = requested;
  // the method reference stays in the event store: the read side has no use for it
  return {
    paymentId, orderId, customerId, status: 'requested', amount, provider, providerPaymentId: null, captured: 0, redirectUrl: null, declineCode: null, declineMessage: null,
    refunds: [], requestedAt, capturedAt: null, updatedAt: event.occurredAt, revision: event.revision,
  };
}

/** A refund already known keeps its first request: a payment refunds each id once. */
function refundRequested(refunds: readonly PaymentRefundEntry[], data: PaymentRefundRequested): PaymentRefundEntry[] {
  if (refunds.some((refund) => refund.refundId === data.refundId)) return [...refunds];
  return [...refunds, { refundId: data.refundId, amount: data.amount, status: 'pending', reason: data.reason, failureCode: null, requestedAt: data.requestedAt, settledAt: null }];
}

function refundSettled(refunds: readonly PaymentRefundEntry[], refundId: string, change: Pick<PaymentRefundEntry, 'status' | 'failureCode' | 'settledAt'>): PaymentRefundEntry[] {
  return refunds.map((refund) => (refund.refundId === refundId ? { ...refund, ...change } : refund));
}

/** The fields one payment event changes (the same rules as the domain's evolvePayment). */
function changedFields(current: PaymentFields, event: DomainEvent): Partial<PaymentFields> {
  switch (event.type) {
    case 'PaymentActionRequired': {
      const { data } = event;
      return { status: 'requires_action', redirectUrl: data.redirectUrl, providerPaymentId: data.providerPaymentId ?? current.providerPaymentId };
    }
    case 'PaymentAuthorized':
      return { status: 'authorized', redirectUrl: null, providerPaymentId: event.data.providerPaymentId ?? current.providerPaymentId };
    case 'PaymentCaptured': {
      const { data } = event;
      return { status: 'captured', captured: data.amount.amount, capturedAt: data.at, redirectUrl: null, providerPaymentId: data.providerPaymentId ?? current.providerPaymentId };
    }
    case 'PaymentDeclined': {
      const { data } = event;
      return { status: 'declined', declineCode: data.code, declineMessage: data.message, redirectUrl: null };
    }
    case 'PaymentRefundRequested':
      return { refunds: refundRequested(current.refunds, event.data) };
    case 'PaymentRefundSucceeded': {
      const { data } = event;
      return { refunds: refundSettled(current.refunds, data.refundId, { status: 'succeeded', failureCode: null, settledAt: data.at }) };
    }
    case 'PaymentRefundFailed': {
      const { data } = event;
      return { refunds: refundSettled(current.refunds, data.refundId, { status: 'failed', failureCode: data.code, settledAt: data.at }) };
    }
    default:
      return {};
  }
}

/** A payment after an event of its stream (pure); events before PaymentRequested change nothing. */
export function evolvePaymentFields(current: PaymentFields | null, event: ProjectedEvent): PaymentFields | null {
  const typed = asDeciderEvent<DomainEvent>(event);
  if (typed.type === 'PaymentRequested') return current ?? requestedPayment(event, typed.data);
  if (!current) return null;
  return { ...current, ...changedFields(current, typed), updatedAt: event.occurredAt, revision: event.revision };
}

