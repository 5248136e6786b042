import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CheckoutPage } from './checkout';
import { accepted, createTestProduct, customerId, json, problem, renderPage, stubNetwork } from '../test-setup.harness';
import type { Answer } from '../test-setup.harness';

type Me = Answer<'/api/me', 'get'>;

const mug = createTestProduct({ name: 'Stoneware Mug', price: { amount: 1299, currency: 'EUR' } });
const orderId = '44444444-4444-4444-8444-444444444444';
const savedAddress = { id: '55555555-5555-4555-8555-555555555555', recipient: 'Ada Lovelace', line1: '12 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' };
const createTestMe = (overrides: Partial<Me> = {}): Me => ({
  id: customerId, email: 'ada@shop.test', name: 'Ada', role: 'customer', status: 'active', addresses: [], notificationPreferences: { email: true, sms: false, phoneNumber: null },
  revision: 0, createdAt: mug.createdAt, updatedAt: mug.createdAt, ...overrides,
});

function checkoutOf(me: Me) {
  return stubNetwork()
    .on('GET', '/api/cart', () => json({ customerId, items: [{ productId: mug.id, quantity: 2 }], revision: 1 }))
    .on('GET', '/api/products/:id', () => json(mug))
    .on('GET', '/api/me', () => json(me))
    .on('POST', '/api/me/addresses', () => accepted({ id: savedAddress.id, consistencyToken: 'address' }, 201))
    .on('POST', '/api/cart/checkout', () => accepted({ id: orderId, orderId, consistencyToken: 'order', cartConsistencyToken: 'cart' }, 201));
}

const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the checkout page', () => {
  it('labels every address field, marks the required ones, and sums the order', async () => {
    await renderPage(checkoutOf(createTestMe()), <CheckoutPage />, { as: 'customer' });
    const address = await screen.findByRole('group', { name: 'Shipping address' });
    const required = { 'Full name': true, Address: true, 'Apartment, suite (optional)': false, 'Postal code': true, City: true, 'Region (optional)': false };
    for (const [label, isRequired] of Object.entries(required)) expect([label, (within(address).getByLabelText(label) as HTMLInputElement).required]).toEqual([label, isRequired]);
    expect((within(address).getByLabelText('Country') as HTMLSelectElement).value).toBe('FR');
    for (const field of address.querySelectorAll('input, select')) expect(document.querySelector(`label[for="${field.id}"]`)).not.toBeNull();
    const summary = screen.getByRole('complementary', { name: 'Order summary' });
    expect(within(summary).getByText(/2 × Stoneware Mug/)).toBeTruthy();
    expect(summary.querySelector('.total')?.textContent).toBe('Total €25.98');
  });

  it('puts the API\'s field errors on their inputs and announces the problem', async () => {
    const network = checkoutOf(createTestMe()).on('POST', '/api/me/addresses', () => problem(400, 'invalid request', [{ field: 'body.postalCode', message: 'must be a postal code of FR' }]));
    await renderPage(network, <CheckoutPage />, { as: 'customer' });
    await screen.findByRole('group', { name: 'Shipping address' });
    fill('Full name', 'Ada Lovelace');
    fill('Address', '12 Rue de Rivoli');
    fill('Postal code', 'nope');
    fill('City', 'Paris');
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    expect((await screen.findByRole('alert')).textContent).toBe('invalid request — body.postalCode: must be a postal code of FR');
    const postalCode = screen.getByLabelText('Postal code');
    expect(postalCode.getAttribute('aria-invalid')).toBe('true');
    const description = document.getElementById(postalCode.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('must be a postal code of FR');
    expect(screen.getByLabelText('City').getAttribute('aria-invalid')).toBeNull();
    expect(network.callsTo('POST', '/api/cart/checkout')).toEqual([]);
  });

  it('saves a new address, checks out with it and opens the order', async () => {
    const network = checkoutOf(createTestMe());
    const { context } = await renderPage(network, <CheckoutPage />, { as: 'customer' });
    await screen.findByRole('group', { name: 'Shipping address' });
    fill('Full name', 'Ada Lovelace');
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    // the browser's own validation first: the address's required fields are empty
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((screen.getByLabelText('City') as HTMLInputElement).validity.valueMissing).toBe(true);
    expect([...network.callsTo('POST', '/api/me/addresses'), ...network.callsTo('POST', '/api/cart/checkout')]).toEqual([]);
    fill('Address', '12 Rue de Rivoli');
    fill('Postal code', '75001');
    fill('City', 'Paris');
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'DE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(window.location.pathname).toBe(`/orders/${orderId}`));
    expect(network.callsTo('POST', '/api/me/addresses')[0]?.body).toEqual({ recipient: 'Ada Lovelace', line1: '12 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'DE' });
    expect(network.callsTo('POST', '/api/cart/checkout')[0]?.body).toEqual({ shippingAddressId: savedAddress.id });
    expect(context.refreshCart).toHaveBeenCalledWith('cart');
  });

  it('ships to a saved address without asking for it again', async () => {
    const network = checkoutOf(createTestMe({ addresses: [savedAddress] }));
    await renderPage(network, <CheckoutPage />, { as: 'customer' });
    fireEvent.click(await screen.findByLabelText(/Ada Lovelace, 12 Rue de Rivoli, 75001 Paris, FR/));
    expect(screen.queryByRole('group', { name: 'Shipping address' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(network.callsTo('POST', '/api/cart/checkout')[0]?.body).toEqual({ shippingAddressId: savedAddress.id }));
    expect(network.callsTo('POST', '/api/me/addresses')).toEqual([]);
  });
});
