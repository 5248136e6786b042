/**
 * Verified Stripe events → our ProviderEvents. Our ids come from the metadata the adapter puts on
 * each PaymentIntent and Checkout Session (`orderId`, `paymentId`) and Refund (`paymentId`, `refundId`); an object
 * without them is not ours and comes back `unhandled`. Refunds are read from `refund.*` events,
 * whose object is the Refund with our metadata (a `charge.refunded` Charge does not say which
 * of our refunds it was), so `charge.refunded` is acknowledged and left alone.
 */
import type Stripe from 'stripe';
import type { ProviderEvent } from './port';

const upper = (currency: string) => currency.toUpperCase();

const idOf = (value: string | { id: string } | null | undefined): string | undefined => (typeof value === 'string' ? value : value?.id);

function paymentEvent(event: Stripe.Event, intent: Stripe.PaymentIntent, type: 'payment_succeeded' | 'payment_failed', occurredAt: string): ProviderEvent {
  const paymentId = intent.metadata?.paymentId;
  if (!paymentId) return { id: event.id, occurredAt, type: 'unhandled', providerType: event.type };
  const failure = intent.last_payment_error;
  return {
    id: event.id,
    occurredAt,
    type,
    paymentId,
    providerReference: intent.id,
    amount: type === 'payment_succeeded' && intent.amount_received > 0 ? intent.amount_received : intent.amount,
    currency: upper(intent.currency),
    ...(type === 'payment_failed'
      ? {
          failureCode: failure?.decline_code ?? failure?.code ?? intent.cancellation_reason ?? intent.status,
          failureMessage: failure?.message ?? `payment intent ${intent.status}`,
        }
      : {}),
  };
}

function refundEvent(event: Stripe.Event, refund: Stripe.Refund, occurredAt: string): ProviderEvent {
  const unhandled: ProviderEvent = { id: event.id, occurredAt, type: 'unhandled', providerType: `${event.type}:${refund.status ?? 'unknown'}` };
  const paymentId = refund.metadata?.paymentId;
  const refundId = refund.metadata?.refundId;
  const providerReference = idOf(refund.payment_intent);
  if (!paymentId || !refundId || !providerReference) return unhandled;
  const common = { id: event.id, occurredAt, paymentId, refundId, providerReference, providerRefundReference: refund.id, amount: refund.amount, currency: upper(refund.currency) };
  switch (refund.status) {
    case 'succeeded':
      return { ...common, type: 'refund_succeeded' };
    case 'failed':
    case 'canceled':
      return { ...common, type: 'refund_failed', failureCode: refund.failure_reason ?? refund.status };
    default:
      return unhandled; // pending, requires_action: a later event tells the result
  }
}

/**
 * A Checkout Session's end: completed and paid (a card is paid at once; other methods report
 * later, with `async_payment_succeeded`), or expired / async failed. The payment reference
 * recorded is the PaymentIntent's, the one refunds are made against.
 */
function checkoutEvent(event: Stripe.Event, session: Stripe.Checkout.Session, outcome: 'succeeded' | 'failed' | 'wait', occurredAt: string): ProviderEvent {
  const paymentId = session.metadata?.paymentId;
  if (!paymentId || outcome === 'wait' || !session.currency) return { id: event.id, occurredAt, type: 'unhandled', providerType: event.type };
  const common = { id: event.id, occurredAt, paymentId, providerReference: idOf(session.payment_intent) ?? session.id, amount: session.amount_total ?? 0, currency: upper(session.currency) };
  if (outcome === 'succeeded') return { ...common, type: 'payment_succeeded' };
  const expired = event.type === 'checkout.session.expired';
  return {
    ...common,
    type: 'payment_failed',
    failureCode: expired ? 'checkout_expired' : 'async_payment_failed',
    failureMessage: expired ? 'the checkout session expired before the customer paid' : 'the payment failed after the checkout',
  };
}

const paid = (session: Stripe.Checkout.Session) => session.payment_status === 'paid' || session.payment_status === 'no_payment_required';

export function normalizeStripeEvent(event: Stripe.Event): ProviderEvent {
  const occurredAt = new Date(event.created * 1000).toISOString();
  switch (event.type) {
    case 'payment_intent.succeeded':
      return paymentEvent(event, event.data.object, 'payment_succeeded', occurredAt);
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
      return paymentEvent(event, event.data.object, 'payment_failed', occurredAt);
    case 'checkout.session.completed':
      return checkoutEvent(event, event.data.object, paid(event.data.object) ? 'succeeded' : 'wait', occurredAt);
    case 'checkout.session.async_payment_succeeded':
      return checkoutEvent(event, event.data.object, 'succeeded', occurredAt);
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_failed':
      return checkoutEvent(event, event.data.object, 'failed', occurredAt);
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
      return refundEvent(event, event.data.object, occurredAt);
    default:
      return { id: event.id, occurredAt, type: 'unhandled', providerType: event.type };
  }
}
