import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { OrderPage } from './order';
import { createTestOrder, eventStream, json, renderPage, stubNetwork } from '../test-setup.harness';

const paymentId = '44444444-4444-4444-8444-444444444444';
const checkoutPage = 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3';

/** A confirmed order whose payment waits for the customer at the provider's page `redirectUrl`. */
async function renderWaitingOrder(redirectUrl: string, location = '/') {
  window.history.replaceState(null, '', location);
  const order = createTestOrder({ payment: { status: 'requires_action', paymentId, paidAmount: null, paidAt: null, attempts: [] } });
  const network = stubNetwork()
    .on('GET', '/api/orders/:id', () => json(order))
    .on('GET', '/api/orders/:id/live', () => eventStream().response())
    .on('GET', '/api/payments/:id', () => json({ paymentId, status: 'requires_action', redirectUrl }));
  await renderPage(network, <OrderPage id={order.id} />, { as: 'customer' });
}

describe("the order page while the payment waits at the provider", () => {
  it('links to the hosted checkout to finish paying, and shows no card form', async () => {
    await renderWaitingOrder(checkoutPage, '/orders/33333333-3333-4333-8333-333333333333');
    const link = await screen.findByRole('link', { name: 'Continue to secure payment' });
    expect(link.getAttribute('href')).toBe(checkoutPage);
    expect(screen.getByText(/Your payment is not finished yet/)).toBeTruthy();
    expect(screen.queryByLabelText('Card number')).toBeNull();
  });

  it('says the payment is being confirmed when the checkout sent the customer back paid', async () => {
    await renderWaitingOrder(checkoutPage, '/orders/33333333-3333-4333-8333-333333333333?checkout=success');
    expect((await screen.findByText(/we are confirming your payment/)).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('link', { name: 'Continue to secure payment' })).toBeNull();
  });

  it('offers the checkout again when the customer left it', async () => {
    await renderWaitingOrder(checkoutPage, '/orders/33333333-3333-4333-8333-333333333333?checkout=cancelled');
    expect(await screen.findByText(/You left the payment page before paying/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Continue to secure payment' }).getAttribute('href')).toBe(checkoutPage);
  });

  it("keeps the sandbox's bank confirmation for its 3-D Secure page", async () => {
    await renderWaitingOrder('http://shop.test/api/payments/sandbox/actions/pi_sbx.a.b');
    expect((await screen.findByRole('link', { name: 'Confirm with your bank' })).getAttribute('href')).toBe('http://shop.test/api/payments/sandbox/actions/pi_sbx.a.b');
  });
});
