import type { Money, PaymentRequested } from '@ecommerce/schemas';
import type { PaymentEvent } from './events';

/** How far the charge got; `declined` may still move on (the customer retries at the provider). */
export const paymentStatuses = ['requested', 'requires_action', 'authorized', 'captured', 'declined'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export interface PaymentRefund {
  amount: Money;
  status: RefundStatus;
  reason: string | null;
}

/** What the payment was asked to be (the event's fields, written once there), and how far it got. */
export interface Payment extends PaymentRequested {
  status: PaymentStatus;
  providerPaymentId: string | null;
  /** Minor units taken: 0 until captured, then the whole amount. */
  captured: number;
  /** The last decline, when declined. */
  declineCode: string | null;
  /** Where the customer must go, while an action is required. */
  redirectUrl: string | null;
  /** By refund id; own keys only (see `refundOf`). */
  refunds: Readonly<Record<string, PaymentRefund>>;
}

export type PaymentState = { status: 'absent' } | Payment;

export const initialPaymentState = (): PaymentState => ({ status: 'absent' });

export const refundOf = (payment: Payment, refundId: string): PaymentRefund | undefined =>
  Object.hasOwn(payment.refunds, refundId) ? payment.refunds[refundId] : undefined;

const sumRefunds = (payment: Payment, counts: (refund: PaymentRefund) => boolean): number =>
  Object.values(payment.refunds).reduce((sum, refund) => (counts(refund) ? sum + refund.amount.amount : sum), 0);

/** Refunds asked for and not failed: pending and succeeded. Never more than `captured`. */
export const committedRefundsOf = (payment: Payment): number => sumRefunds(payment, (refund) => refund.status !== 'failed');

/** Refunds the provider confirmed. */
export const refundedOf = (payment: Payment): number => sumRefunds(payment, (refund) => refund.status === 'succeeded');

/** What may still be refunded. */
export const refundableOf = (payment: Payment): number => payment.captured - committedRefundsOf(payment);

/** The invariant: refunds not failed never exceed the capture; every amount in whole minor units. */
export const satisfiesRefundInvariant = (state: PaymentState): boolean =>
  state.status === 'absent' || (committedRefundsOf(state) <= state.captured && state.captured <= state.amount.amount);

const withRefund = (payment: Payment, refundId: string, change: (refund: PaymentRefund) => PaymentRefund): Payment => {
  const refund = refundOf(payment, refundId);
  return refund ? { ...payment, refunds: { ...payment.refunds, [refundId]: change(refund) } } : payment;
};

export const evolvePayment = (state: PaymentState, event: PaymentEvent): PaymentState => {
  if (event.type === 'PaymentRequested') {
    if (state.status !== 'absent') return state;
    const { paymentId, orderId, customerId, amount, provider, methodReference, requestedAt } = event.data;
    return {
      status: 'requested',
      paymentId,
      orderId,
      customerId,
      amount,
      provider,
      methodReference,
      requestedAt,
      providerPaymentId: null,
      captured: 0,
      declineCode: null,
      redirectUrl: null,
      refunds: {},
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'PaymentActionRequired':
      return { ...state, status: 'requires_action', redirectUrl: event.data.redirectUrl, providerPaymentId: event.data.providerPaymentId ?? state.providerPaymentId };
    case 'PaymentAuthorized':
      return { ...state, status: 'authorized', redirectUrl: null, providerPaymentId: event.data.providerPaymentId ?? state.providerPaymentId };
    case 'PaymentCaptured':
      return {
        ...state,
        status: 'captured',
        captured: event.data.amount.amount,
        redirectUrl: null,
        providerPaymentId: event.data.providerPaymentId ?? state.providerPaymentId,
      };
    case 'PaymentDeclined':
      return { ...state, status: 'declined', declineCode: event.data.code, redirectUrl: null };
    case 'PaymentRefundRequested': {
      const { refundId, amount, reason } = event.data;
      return { ...state, refunds: { ...state.refunds, [refundId]: { amount, status: 'pending', reason } } };
    }
    case 'PaymentRefundSucceeded':
      return withRefund(state, event.data.refundId, (refund) => ({ ...refund, status: 'succeeded' }));
    case 'PaymentRefundFailed':
      return withRefund(state, event.data.refundId, (refund) => ({ ...refund, status: 'failed' }));
    default:
      return state;
  }
};
