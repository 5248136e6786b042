/**
 * The payment actor opening a hosted checkout (Stripe Checkout): the provider call happens here,
 * only while the payment is still requested, and its page becomes the action the customer takes.
 */
import { createSandboxPaymentProvider } from '@ecommerce/platform';
import type { CheckoutSession, OpenCheckoutInput, PaymentProvider } from '@ecommerce/platform';
import { hostedCheckoutReference, paymentDecider } from '@ecommerce/domain';
import type { PaymentEvent, PaymentState } from '@ecommerce/domain';
import { createPaymentActor } from './payment-actor';

const now = new Date('2025-06-01T10:00:00.000Z');
const context = { messageId: 'message-1', key: 'pay-1' };

const requested = (methodReference = hostedCheckoutReference): PaymentState => {
  const event: PaymentEvent = {
    type: 'PaymentRequested',
    data: { paymentId: 'pay-1', orderId: 'order/1', customerId: 'user-1', amount: { amount: 5198, currency: 'EUR' }, provider: 'stripe', methodReference, requestedAt: now.toISOString() },
  };
  return paymentDecider.evolve(paymentDecider.initialState(), event);
};

/** A provider with a hosted page that records what it was asked. */
function hostedProvider() {
  const opened: OpenCheckoutInput[] = [];
  const provider: PaymentProvider = {
    ...createSandboxPaymentProvider(),
    async openCheckout(input): Promise<CheckoutSession> {
      opened.push(input);
      return { providerReference: 'cs_test_1', url: 'https://checkout.stripe.com/c/pay/cs_test_1' };
    },
  };
  return { provider, opened };
}

describe('the payment actor with a hosted checkout', () => {
  it("opens one session for the order's amount, returning to the shop's order page, and records its page as the customer's action", async () => {
    const { provider, opened } = hostedProvider();
    const actor = createPaymentActor({ provider, returnUrlOf: (orderId) => `https://shop.test/api/orders/${encodeURIComponent(orderId)}` });
    const command = await actor.toCommand({ type: 'ExecutePayment', paymentId: 'pay-1' }, requested(), now, context);
    expect(opened).toEqual([{
      paymentId: 'pay-1', orderId: 'order/1', amount: 5198, currency: 'EUR', customerReference: 'user-1',
      successUrl: 'https://shop.test/orders/order%2F1?checkout=success', cancelUrl: 'https://shop.test/orders/order%2F1?checkout=cancelled',
    }]);
    expect(command).toEqual({
      type: 'RecordPaymentOutcome',
      data: { paymentId: 'pay-1', at: now.toISOString(), outcome: 'requires_action', redirectUrl: 'https://checkout.stripe.com/c/pay/cs_test_1', providerPaymentId: 'cs_test_1' },
    });
  });

  it('calls nothing once the payment moved on (a redelivered ExecutePayment)', async () => {
    const { provider, opened } = hostedProvider();
    const actor = createPaymentActor({ provider, returnUrlOf: () => 'https://shop.test/api/orders/x' });
    const waiting = paymentDecider.evolve(requested(), { type: 'PaymentActionRequired', data: { paymentId: 'pay-1', orderId: 'order/1', redirectUrl: 'https://checkout.stripe.com/c/pay/cs_test_1', providerPaymentId: 'cs_test_1', at: now.toISOString() } });
    expect(await actor.toCommand({ type: 'ExecutePayment', paymentId: 'pay-1' }, waiting, now, context)).toBeNull();
    expect(opened).toEqual([]);
  });

  it('declines a hosted checkout the provider does not offer', async () => {
    const actor = createPaymentActor({ provider: createSandboxPaymentProvider(), returnUrlOf: () => 'https://shop.test/api/orders/x' });
    expect(await actor.toCommand({ type: 'ExecutePayment', paymentId: 'pay-1' }, requested(), now, context)).toMatchObject({ type: 'RecordPaymentOutcome', data: { outcome: 'declined', code: 'checkout_unavailable' } });
  });

  it('still charges a card token through createPayment', async () => {
    const { provider, opened } = hostedProvider();
    const actor = createPaymentActor({ provider, returnUrlOf: () => 'https://shop.test/api/orders/x' });
    expect(await actor.toCommand({ type: 'ExecutePayment', paymentId: 'pay-1' }, requested('pm_card_visa'), now, context)).toMatchObject({ data: { outcome: 'captured' } });
    expect(opened).toEqual([]);
  });
});
