import type { Money } from '@ecommerce/schemas';
import type { DomainCommand } from '../shared';

/**
 * Start paying an order: `amount` is the order's total exactly (the handler reads it from the
 * order, which `assertOrderPayable` let through). `paymentId` is made by the handler; one attempt
 * per payment id (a retry after a decline is a new payment).
 */
export type RequestPayment = DomainCommand<
  'RequestPayment',
  { paymentId: string; orderId: string; customerId: string; amount: Money; provider: string; methodReference: string; requestedAt: string }
>;

/** What the provider answered or later reported (a webhook), in any order, possibly more than once. */
export type ProviderOutcome =
  | { outcome: 'authorized'; providerPaymentId?: string | null }
  | { outcome: 'captured'; providerPaymentId?: string | null }
  | { outcome: 'declined'; code: string; message?: string | null }
  | { outcome: 'requires_action'; redirectUrl: string; providerPaymentId?: string | null };

export type RecordPaymentOutcome = DomainCommand<'RecordPaymentOutcome', { paymentId: string; at: string } & ProviderOutcome>;

/** Full or partial; `refundId` is made by the caller (the order's `refundIdOf`, or the admin handler), and refunds once. */
export type RefundPayment = DomainCommand<
  'RefundPayment',
  { paymentId: string; refundId: string; amount: Money; reason: string | null; requestedAt: string }
>;

export type RecordRefundOutcome = DomainCommand<
  'RecordRefundOutcome',
  | { paymentId: string; refundId: string; at: string; outcome: 'succeeded'; providerRefundId?: string | null }
  | { paymentId: string; refundId: string; at: string; outcome: 'failed'; code: string }
>;

export type PaymentCommand = RequestPayment | RecordPaymentOutcome | RefundPayment | RecordRefundOutcome;
