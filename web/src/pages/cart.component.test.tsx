import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CartPage } from './cart';
import { accepted, createTestProduct, customerId, json, renderPage, stubNetwork } from '../test-setup.harness';
import type { ProductView } from '../test-setup.harness';

const mug = createTestProduct({ id: 'b0000000-0000-4000-8000-000000000001', name: 'Stoneware Mug', price: { amount: 1299, currency: 'EUR' }, stock: { available: 20, inStock: true } });
const kettle = createTestProduct({ id: 'b0000000-0000-4000-8000-000000000002', name: 'Copper Kettle', price: { amount: 4550, currency: 'EUR' }, stock: { available: 1, inStock: true } });

/** A signed-in customer's cart: `lines` as the cart read model holds them, each product served by the catalog. */
function cartOf(lines: Array<[ProductView, number]>) {
  let items = lines.map(([product, quantity]) => ({ productId: product.id, quantity }));
  const network = stubNetwork()
    .on('GET', '/api/cart', () => json({ customerId, items, revision: 1 }))
    .on('GET', '/api/products/:id', (_call, params) => json(lines.find(([product]) => product.id === params.id)?.[0]))
    .on('PUT', '/api/cart/items/:productId', (call, params) => {
      items = items.map((item) => (item.productId === params.productId ? { ...item, quantity: (call.body as { quantity: number }).quantity } : item));
      return accepted({ id: customerId, consistencyToken: `put-${params.productId}` });
    })
    .on('DELETE', '/api/cart/items/:productId', (_call, params) => {
      items = items.filter((item) => item.productId !== params.productId);
      return accepted({ id: customerId, consistencyToken: 'deleted' });
    });
  return network;
}

const lineOf = (name: string) => screen.getByRole('link', { name }).closest('li') as HTMLElement;

describe('the cart page', () => {
  it('prices each line and sums the total in integer minor units', async () => {
    await renderPage(cartOf([[mug, 3], [kettle, 1]]), <CartPage />, { as: 'customer' });
    await screen.findByRole('link', { name: 'Stoneware Mug' });
    const lineTotal = (name: string) => lineOf(name).querySelector('.line-total')?.textContent;
    expect(within(lineOf('Stoneware Mug')).getByText(/^each/).textContent).toBe('each €12.99');
    expect(lineTotal('Stoneware Mug')).toBe('€38.97');
    expect(lineTotal('Copper Kettle')).toBe('€45.50');
    expect((within(lineOf('Stoneware Mug')).getByLabelText('Quantity of Stoneware Mug') as HTMLInputElement).value).toBe('3');
    const summary = screen.getByText(/4 items · Total/);
    expect(within(summary).getByText('€84.47')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Check out' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('changes a quantity and reads the cart again with the write\'s consistency token', async () => {
    const network = cartOf([[mug, 1]]);
    const { context } = await renderPage(network, <CartPage />, { as: 'customer' });
    fireEvent.change(await screen.findByLabelText('Quantity of Stoneware Mug'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByText(/2 items · Total/)).toBeTruthy());
    expect(network.callsTo('PUT', '/api/cart/items/:productId').map((call) => call.body)).toEqual([{ quantity: 2 }]);
    expect(network.callsTo('GET', '/api/cart').at(-1)?.headers.get('x-consistency-token')).toBe(`put-${mug.id}`);
    expect(context.refreshCart).toHaveBeenCalledWith(`put-${mug.id}`);
  });

  it('removes a line', async () => {
    const network = cartOf([[mug, 1], [kettle, 1]]);
    await renderPage(network, <CartPage />, { as: 'customer' });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Copper Kettle' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Copper Kettle' })).toBeNull());
    expect(network.callsTo('DELETE', '/api/cart/items/:productId').map((call) => call.url.pathname)).toEqual([`/api/cart/items/${kettle.id}`]);
  });

  it('will not check out more than the stock, nor two currencies in one order', async () => {
    const yen = createTestProduct({ id: 'b0000000-0000-4000-8000-000000000003', name: 'Tea Bowl', price: { amount: 1500, currency: 'JPY' } });
    await renderPage(cartOf([[kettle, 2], [yen, 1]]), <CartPage />, { as: 'customer' });
    expect(await screen.findByText('Only 1 left.')).toBeTruthy();
    expect(screen.getByText('Items in different currencies cannot be bought in one order.')).toBeTruthy();
    expect([...document.querySelectorAll('.cart-summary .price')].map((price) => price.textContent)).toEqual(['€91.00', '¥1,500']);
    expect((screen.getByRole('button', { name: 'Check out' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says when the cart is empty', async () => {
    await renderPage(cartOf([]), <CartPage />, { as: 'customer' });
    expect((await screen.findByText(/Your cart is empty/)).textContent).toContain('Browse the shop');
  });
});
