import type { Money, PaymentDocument, PaymentView } from '@ecommerce/schemas';

const moneyOf = (amount: number, currency: string): Money => ({ amount, currency });

/** Field by field; what may still be refunded is what the domain allows: captured less pending and succeeded refunds. */
export function toPaymentView(doc: PaymentDocument): PaymentView {
  const { currency } = doc.amount;
  let refunded = 0;
  let committed = 0;
  for (const refund of doc.refunds) {
    if (refund.status === 'succeeded') refunded += refund.amount.amount;
    if (refund.status !== 'failed') committed += refund.amount.amount;
  }
  return {
    id: doc._id, orderId: doc.orderId, customerId: doc.customerId, status: doc.status, amount: doc.amount, provider: doc.provider, providerPaymentId: doc.providerPaymentId,
    captured: moneyOf(doc.captured, currency), refunded: moneyOf(refunded, currency), refundable: moneyOf(Math.max(0, doc.captured - committed), currency),
    redirectUrl: doc.redirectUrl, declineCode: doc.declineCode, declineMessage: doc.declineMessage,
    refunds: doc.refunds.map((refund) => ({ refundId: refund.refundId, paymentId: doc._id, amount: refund.amount, status: refund.status, reason: refund.reason, requestedAt: refund.requestedAt })),
    requestedAt: doc.requestedAt, capturedAt: doc.capturedAt, updatedAt: doc.updatedAt, revision: doc.revision,
  };
}
