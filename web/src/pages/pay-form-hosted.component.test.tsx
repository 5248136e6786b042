import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PayForm } from './pay-form';
import { accepted, json, renderPage, stubNetwork } from '../test-setup.harness';

const orderId = '77777777-7777-4777-8777-777777777777';
const paymentId = '88888888-8888-4888-8888-888888888888';
const total = { amount: 5198, currency: 'EUR' };
const checkoutPage = 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3';

/** Stripe configured: the API says the shop uses the hosted checkout, and the pay answer carries its page (or not yet). */
const stripe = (redirectUrl: string | null) =>
  stubNetwork()
    .on('GET', '/api/checkout/payment', () => json({ provider: 'stripe', checkout: 'hosted' }))
    .on('POST', '/api/orders/:id/pay', () => accepted({ id: paymentId, paymentId, orderId, redirectUrl, consistencyToken: 'requested' }));

describe('the pay step with a hosted checkout', () => {
  it('shows no card field, pays without a payment method and sends the browser to the checkout page', async () => {
    const network = stripe(checkoutPage);
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign, search: '' });
    const onPaid = vi.fn();
    await renderPage(network, <PayForm orderId={orderId} total={total} onPaid={onPaid} />, { as: 'customer' });
    const button = await screen.findByRole('button', { name: 'Continue to secure payment' });
    expect(screen.queryByLabelText('Card number')).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(assign).toHaveBeenCalledWith(checkoutPage));
    expect(network.callsTo('POST', '/api/orders/:id/pay').map((call) => call.body)).toEqual([{}]);
    expect(onPaid).not.toHaveBeenCalled();
  });

  it('stays on the order page when the checkout page is not ready yet (the order links to it once it is)', async () => {
    const network = stripe(null);
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign, search: '' });
    const onPaid = vi.fn();
    await renderPage(network, <PayForm orderId={orderId} total={total} onPaid={onPaid} />, { as: 'customer' });
    fireEvent.click(await screen.findByRole('button', { name: 'Continue to secure payment' }));
    await waitFor(() => expect(onPaid).toHaveBeenCalledWith('requested'));
    expect(assign).not.toHaveBeenCalled();
  });

  it('keeps the card form when the sandbox is the provider', async () => {
    const network = stubNetwork().on('GET', '/api/checkout/payment', () => json({ provider: 'sandbox', checkout: 'card_form' }));
    await renderPage(network, <PayForm orderId={orderId} total={total} onPaid={vi.fn()} />, { as: 'customer' });
    expect(await screen.findByLabelText('Card number')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Continue to secure payment' })).toBeNull();
  });
});
