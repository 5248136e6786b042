import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PayForm } from './pay-form';
import { accepted, json, problem, renderPage, stubNetwork } from '../test-setup.harness';

const orderId = '66666666-6666-4666-8666-666666666666';
const total = { amount: 2598, currency: 'EUR' };

/** The sandbox provider: the page asks which pay step to show, then pays with a token. */
const sandbox = () =>
  stubNetwork()
    .on('GET', '/api/checkout/payment', () => json({ checkout: 'card_form', provider: 'sandbox' }))
    .on('POST', '/api/orders/:id/pay', () => accepted({ id: orderId, consistencyToken: 'paid' }));

describe('the sandbox pay form', () => {
  it('labels its fields and sends the card\'s token, never its number', async () => {
    const network = sandbox();
    const onPaid = vi.fn();
    await renderPage(network, <PayForm orderId={orderId} total={total} onPaid={onPaid} />, { as: 'customer' });
    expect((await screen.findByRole('form', { name: 'Pay €25.98' })).tagName).toBe('FORM');
    const number = screen.getByLabelText('Card number') as HTMLInputElement;
    expect(number.getAttribute('autocomplete')).toBe('cc-number');
    expect(document.getElementById(number.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Sandbox: 4242 4242 4242 4242 succeeds');
    fireEvent.input(number, { target: { value: '4242424242424242' } });
    expect(number.value).toBe('4242 4242 4242 4242');
    fireEvent.input(screen.getByLabelText('Expiry (MM/YY)'), { target: { value: '12/34' } });
    fireEvent.input(screen.getByLabelText('CVC'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    await waitFor(() => expect(onPaid).toHaveBeenCalledWith('paid'));
    const [pay] = network.callsTo('POST', '/api/orders/:id/pay');
    expect(pay?.url.pathname).toBe(`/api/orders/${orderId}/pay`);
    expect(pay?.body).toEqual({ paymentMethod: 'pm_card_visa' });
    expect(network.calls.some((call) => JSON.stringify(call.body ?? '').includes('4242'))).toBe(false);
  });

  it('refuses a card the sandbox does not know on its field, without calling the API', async () => {
    const network = sandbox();
    await renderPage(network, <PayForm orderId={orderId} total={total} onPaid={vi.fn()} />, { as: 'customer' });
    fireEvent.input(await screen.findByLabelText('Card number'), { target: { value: '5555 5555 5555 4444' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Pay €25.98' }));
    const number = await screen.findByLabelText('Card number');
    await waitFor(() => expect(number.getAttribute('aria-invalid')).toBe('true'));
    expect(number.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('The sandbox takes only its test cards (listed below).');
    expect(network.callsTo('POST', '/api/orders/:id/pay')).toEqual([]);
  });

  it('shows the API\'s refusal', async () => {
    const network = sandbox().on('POST', '/api/orders/:id/pay', () => problem(409, 'the order is not awaiting payment'));
    const onPaid = vi.fn();
    await renderPage(network, <PayForm orderId={orderId} total={total} onPaid={onPaid} />, { as: 'customer' });
    fireEvent.input(await screen.findByLabelText('Card number'), { target: { value: '4242 4242 4242 4242' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    // the browser's own validation first: expiry and CVC are required
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(network.callsTo('POST', '/api/orders/:id/pay')).toEqual([]);
    fireEvent.input(screen.getByLabelText('Expiry (MM/YY)'), { target: { value: '12/34' } });
    fireEvent.input(screen.getByLabelText('CVC'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
    expect((await screen.findByRole('alert')).textContent).toBe('the order is not awaiting payment');
    expect(onPaid).not.toHaveBeenCalled();
  });
});
