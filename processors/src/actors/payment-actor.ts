import { UndecodableMessageError } from '@ecommerce/platform';
import type { PaymentOutcome, PaymentProvider, RefundOutcome } from '@ecommerce/platform';
import { hostedCheckoutReference, paymentDecider, paymentStreamId, refundOf } from '@ecommerce/domain';
import type { Payment, PaymentCommand, PaymentState } from '@ecommerce/domain';
import type { OrderRefundReason } from '@ecommerce/schemas';
import type { ActorDefinition, ActorEvent } from '../runtime/actor';
import { decodeInboxMessage } from '../runtime/inbox';
import { toActorDecider } from './actor-decider';
import type { PaymentMessage } from './lifecycle-messages';
import { paymentActorType } from './lifecycle-messages';
import { moneyField, oneOf, stringField } from './message-fields';

export type PaymentActor = ActorDefinition<PaymentMessage, PaymentCommand, ActorEvent, PaymentState, typeof paymentActorType>;

export interface PaymentActorOptions {
  provider: PaymentProvider;
  /** Where the provider sends the customer back after a redirect (3-D Secure), per order. */
  returnUrlOf: (orderId: string) => string;
  /** The shop's page of the order, where a hosted checkout returns the customer. Default: `/orders/<id>` beside `returnUrlOf`. */
  orderPageUrlOf?: (orderId: string) => string;
}

const refundReasons: readonly OrderRefundReason[] = ['order_cancelled', 'items_returned', 'late_payment', 'duplicate_payment', 'amount_mismatch'];

function decodePaymentMessage(body: Record<string, unknown>): PaymentMessage {
  const paymentId = stringField(body, 'paymentId');
  switch (body.type) {
    case 'ExecutePayment':
      return { type: 'ExecutePayment', paymentId };
    case 'ExecuteRefund':
      return { type: 'ExecuteRefund', paymentId, refundId: stringField(body, 'refundId') };
    case 'RequestRefund':
      return { type: 'RequestRefund', paymentId, refundId: stringField(body, 'refundId'), amount: moneyField(body, 'amount'), reason: oneOf(body, 'reason', refundReasons) };
    default:
      throw new UndecodableMessageError(`the payment actor has no message ${String(body.type)}`);
  }
}

/** The provider's answer as the payment records it; `processing`: nothing yet, the webhook will tell. */
function paymentOutcomeCommand(payment: Payment, outcome: PaymentOutcome, at: string): PaymentCommand | null {
  const { paymentId } = payment;
  switch (outcome.status) {
    case 'succeeded':
      return { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'captured', providerPaymentId: outcome.providerReference } };
    case 'declined':
      return { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'declined', code: outcome.code, message: outcome.message } };
    case 'requires_action':
      // No URL to send the customer to is a provider's bug: the webhook will still settle the payment.
      if (outcome.actionUrl === null) return null;
      return { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'requires_action', redirectUrl: outcome.actionUrl, providerPaymentId: outcome.providerReference } };
    case 'processing':
      return null;
  }
}

function refundOutcomeCommand(paymentId: string, refundId: string, outcome: RefundOutcome, at: string): PaymentCommand | null {
  switch (outcome.status) {
    case 'succeeded':
      return { type: 'RecordRefundOutcome', data: { paymentId, refundId, at, outcome: 'succeeded', providerRefundId: outcome.providerRefundReference } };
    case 'failed':
      return { type: 'RecordRefundOutcome', data: { paymentId, refundId, at, outcome: 'failed', code: outcome.code } };
    case 'pending':
      return null;
  }
}

/**
 * A hosted checkout is opened like any other provider call, here and only while the payment is
 * still requested; its URL is recorded as the action the customer must take (PaymentActionRequired,
 * which the pay route waits for and answers). A provider without a hosted page declines it.
 */
async function openCheckout(provider: PaymentProvider, payment: Payment, orderPageUrl: string, at: string): Promise<PaymentCommand> {
  const { paymentId } = payment;
  if (!provider.openCheckout) {
    return { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'declined', code: 'checkout_unavailable', message: `the ${provider.name} provider has no hosted checkout` } };
  }
  const session = await provider.openCheckout({
    paymentId,
    orderId: payment.orderId,
    amount: payment.amount.amount,
    currency: payment.amount.currency,
    customerReference: payment.customerId,
    successUrl: `${orderPageUrl}?checkout=success`,
    cancelUrl: `${orderPageUrl}?checkout=cancelled`,
  });
  return { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'requires_action', redirectUrl: session.url, providerPaymentId: session.providerReference } };
}

/**
 * One payment per stream `payment-<paymentId>`. The provider is called inside `toCommand`, and
 * only while the stream shows the call is still needed (a requested payment, a pending refund):
 * a redelivery after the outcome was recorded calls nothing, and one after a crash between the
 * call and the append calls again with the same idempotency key (the payment or refund id), which
 * the provider answers with the first outcome. A provider outage throws a retriable error: the
 * host retries with backoff, then dead-letters.
 */
export function createPaymentActor(options: PaymentActorOptions): PaymentActor {
  const { provider } = options;
  const orderPageUrlOf = options.orderPageUrlOf ?? ((orderId: string) => new URL(`/orders/${encodeURIComponent(orderId)}`, options.returnUrlOf(orderId)).toString());
  return {
    type: paymentActorType,
    keyOf: (message) => message.paymentId,
    streamIdOf: paymentStreamId,
    // The pay and refund routes and the webhooks append here too.
    sharedStream: true,
    effectful: true,
    decider: toActorDecider(paymentDecider),
    decode: (raw) => decodePaymentMessage(decodeInboxMessage(raw)),
    async toCommand(message, state, now): Promise<PaymentCommand | null> {
      const at = now.toISOString();
      switch (message.type) {
        case 'RequestRefund': {
          const { paymentId, refundId, amount, reason } = message;
          return { type: 'RefundPayment', data: { paymentId, refundId, amount, reason, requestedAt: at } };
        }
        case 'ExecutePayment': {
          if (state.status !== 'requested') return null;
          if (state.methodReference === hostedCheckoutReference) return openCheckout(provider, state, orderPageUrlOf(state.orderId), at);
          const outcome = await provider.createPayment({
            paymentId: state.paymentId,
            orderId: state.orderId,
            amount: state.amount.amount,
            currency: state.amount.currency,
            customerReference: state.customerId,
            paymentMethod: { type: 'card', token: state.methodReference },
            returnUrl: options.returnUrlOf(state.orderId),
          });
          return paymentOutcomeCommand(state, outcome, at);
        }
        case 'ExecuteRefund': {
          if (state.status === 'absent') return null;
          const refund = refundOf(state, message.refundId);
          if (refund?.status !== 'pending') return null;
          if (state.providerPaymentId === null) {
            return { type: 'RecordRefundOutcome', data: { paymentId: state.paymentId, refundId: message.refundId, at, outcome: 'failed', code: 'no_provider_reference' } };
          }
          const outcome = await provider.refund({
            refundId: message.refundId,
            paymentId: state.paymentId,
            providerReference: state.providerPaymentId,
            amount: refund.amount.amount,
            currency: refund.amount.currency,
          });
          return refundOutcomeCommand(state.paymentId, message.refundId, outcome, at);
        }
      }
    },
  };
}
