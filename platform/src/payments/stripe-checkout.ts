/**
 * Stripe Checkout: the page where a customer of the shop pays when Stripe is the provider, so the
 * card never touches our pages (the shop's PCI scope stays SAQ A). One Checkout Session per
 * payment of ours, created with an idempotency key derived from our payment id: a redelivered
 * ExecutePayment gets the same session back instead of a second one.
 *
 * Our ids go on the session only (`client_reference_id` the order, `metadata` the order and
 * payment): its `checkout.session.*` events settle our payment. The PaymentIntent inside carries
 * them under other keys on purpose: a card declined on the Checkout page is not the end (the
 * customer tries another card there), so its `payment_intent.payment_failed` must not be read as
 * our payment's outcome; only the session's completion or expiry is.
 */
import type Stripe from 'stripe';
import { AppError } from '../errors';
import type { CheckoutSession, OpenCheckoutInput } from './port';
import { assertMoney } from './port';

/** Not the payment id itself: that one is already the key of the PaymentIntent a card token creates. */
export const checkoutIdempotencyKey = (paymentId: string): string => `checkout-${paymentId}`;

export function checkoutSessionParams(input: OpenCheckoutInput): Stripe.Checkout.SessionCreateParams {
  const metadata = { orderId: input.orderId, paymentId: input.paymentId, customerReference: input.customerReference };
  return {
    mode: 'payment',
    client_reference_id: input.orderId,
    metadata,
    line_items: [
      {
        quantity: 1,
        price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amount, product_data: { name: `Order ${input.orderId}` } },
      },
    ],
    payment_intent_data: { metadata: { orderId: input.orderId, checkoutPaymentId: input.paymentId } },
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
  };
}

export async function openStripeCheckout(stripe: Stripe, input: OpenCheckoutInput): Promise<CheckoutSession> {
  assertMoney(input.amount, input.currency);
  const session = await stripe.checkout.sessions.create(checkoutSessionParams(input), { idempotencyKey: checkoutIdempotencyKey(input.paymentId) });
  // A hosted session always has its URL; without one there is nowhere to send the customer.
  if (!session.url) throw new AppError('internal', `stripe checkout session ${session.id} has no URL`, { details: { providerReference: session.id } });
  return { providerReference: session.id, url: session.url };
}
