import type { DomainEvent } from '../shared';

/** Events of a payment stream, `payment-<paymentId>` (topic ecommerce.payments.events). */
export type PaymentEvent = DomainEvent<
  | 'PaymentRequested'
  | 'PaymentActionRequired'
  | 'PaymentAuthorized'
  | 'PaymentCaptured'
  | 'PaymentDeclined'
  | 'PaymentRefundRequested'
  | 'PaymentRefundSucceeded'
  | 'PaymentRefundFailed'
>;

export type PaymentEventType = PaymentEvent['type'];

export const paymentStreamId = (paymentId: string): string => `payment-${paymentId}`;
