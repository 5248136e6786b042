import type { Decider } from '../shared';
import type { PaymentCommand } from './commands';
import { decidePayment } from './decide';
import type { PaymentEvent } from './events';
import type { PaymentState } from './state';
import { evolvePayment, initialPaymentState } from './state';

export type { PaymentCommand, ProviderOutcome, RecordPaymentOutcome, RecordRefundOutcome, RefundPayment, RequestPayment } from './commands';
export type { PaymentEvent, PaymentEventType } from './events';
export { paymentStreamId } from './events';
export type { Payment, PaymentRefund, PaymentState, PaymentStatus, RefundStatus } from './state';
export { committedRefundsOf, paymentStatuses, refundableOf, refundedOf, refundOf, satisfiesRefundInvariant } from './state';
export { hostedCheckoutReference, paymentLimits, providerPattern } from './rules';

/**
 * One payment per stream `payment-<paymentId>`: the payment actor's decider. The charge moves
 * requested → (requires_action) → (authorized) → captured, or declined; a captured payment is
 * refunded in full or in parts, never beyond the capture.
 */
export const paymentDecider: Decider<PaymentCommand, PaymentEvent, PaymentState> = {
  initialState: initialPaymentState,
  evolve: evolvePayment,
  decide: decidePayment,
};
