/** The payments read model: one document per payment attempt, with its refunds. */
export { paymentsProjection } from './projection';
export { evolvePaymentFields, paymentEventTypes } from './document';
export type { PaymentDocument, PaymentFields, PaymentRefundEntry } from './document';
