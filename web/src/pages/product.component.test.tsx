import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ProductPage } from './product';
import { accepted, createTestProduct, customerId, eventStream, json, problem, renderPage, stubNetwork } from '../test-setup.harness';

const product = createTestProduct({ name: 'Cast Iron Skillet', sku: 'SKILLET-26', price: { amount: 3499, currency: 'EUR' }, stock: { available: 4, inStock: true }, tags: ['cast iron'] });

describe('the product page', () => {
  it('shows the price and availability, and follows the stock live', async () => {
    const stream = eventStream();
    const network = stubNetwork()
      .on('GET', '/api/products/:id', () => json(product))
      .on('GET', '/api/products/:id/live', () => stream.response());
    await renderPage(network, <ProductPage id={product.id} />);
    expect(await screen.findByRole('heading', { name: 'Cast Iron Skillet' })).toBeTruthy();
    expect(screen.getByText('€34.99')).toBeTruthy();
    expect(screen.getByText('SKU SKILLET-26')).toBeTruthy();
    expect(screen.getByText('Only 4 left')).toBeTruthy();
    expect(network.callsTo('GET', '/api/products/:id/live')[0]?.headers.get('accept')).toBe('text/event-stream');

    stream.send('availability', { available: 0, inStock: false, status: 'active' });
    expect(await screen.findByText('Out of stock')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add to cart' }) as HTMLButtonElement).disabled).toBe(true);
    stream.close();
  });

  it('adds the chosen quantity on top of what the cart holds, signed in', async () => {
    const network = stubNetwork()
      .on('GET', '/api/products/:id', () => json(product))
      .on('GET', '/api/cart', () => json({ customerId, items: [{ productId: product.id, quantity: 1 }], revision: 3 }))
      .on('PUT', '/api/cart/items/:productId', () => accepted({ id: customerId, consistencyToken: 'token-4' }));
    const { context } = await renderPage(network, <ProductPage id={product.id} />, { as: 'customer' });
    fireEvent.input(await screen.findByLabelText('Quantity'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to cart' }));
    await waitFor(() => expect(context.toast).toHaveBeenCalledWith('2 × Cast Iron Skillet added to your cart'));
    const [put] = network.callsTo('PUT', '/api/cart/items/:productId');
    expect(put?.url.pathname).toBe(`/api/cart/items/${product.id}`);
    expect(put?.body).toEqual({ quantity: 3 });
    expect(put?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(context.refreshCart).toHaveBeenCalledWith('token-4');
  });

  it('sends a visitor who is not signed in to log in first, and back', async () => {
    const network = stubNetwork().on('GET', '/api/products/:id', () => json(product));
    await renderPage(network, <ProductPage id={product.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add to cart' }));
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(new URLSearchParams(window.location.search).get('next')).toBe(`/products/${product.id}`);
    expect(network.callsTo('PUT', '/api/cart/items/:productId')).toEqual([]);
  });

  it('says when a product is discontinued, and does not sell it', async () => {
    const network = stubNetwork().on('GET', '/api/products/:id', () => json({ ...product, status: 'discontinued' }));
    await renderPage(network, <ProductPage id={product.id} />);
    expect(await screen.findByText('discontinued')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add to cart' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the API\'s answer for an unknown product', async () => {
    const network = stubNetwork().on('GET', '/api/products/:id', () => problem(404, `no product ${product.id}`));
    await renderPage(network, <ProductPage id={product.id} />);
    expect((await screen.findByRole('alert')).textContent).toBe(`no product ${product.id}`);
  });
});
