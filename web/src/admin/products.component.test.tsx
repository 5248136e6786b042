import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AdminProductsPage } from './products';
import { accepted, createTestProduct, json, problem, renderPage, stubNetwork } from '../test-setup.harness';

const mug = createTestProduct({ name: 'Stoneware Mug', sku: 'MUG-001', revision: 3, price: { amount: 1299, currency: 'EUR' } });
const createdId = 'e0000000-0000-4000-8000-000000000001';

function adminCatalog() {
  return stubNetwork()
    .on('GET', '/api/products', () => json({ items: [mug], nextCursor: null, facets: null }))
    .on('GET', '/api/products/:id', () => json(mug))
    .on('GET', '/api/categories', () => json({ items: [{ category: 'garden', count: 4 }, { category: 'kitchen', count: 9 }], currencies: [{ currency: 'EUR', count: 13 }], truncated: false }))
    .on('POST', '/api/products', () => accepted({ id: createdId, productId: createdId, consistencyToken: 'created' }, 201))
    .on('PATCH', '/api/products/:id', () => accepted({ id: mug.id, consistencyToken: 'patched' }))
    .on('DELETE', '/api/products/:id', () => accepted({ id: mug.id, consistencyToken: 'discontinued' }));
}

const fill = (form: HTMLElement, label: string, value: string) => fireEvent.input(within(form).getByLabelText(label), { target: { value } });

describe('the admin products page', () => {
  it('creates a product with its price in minor units, suggesting the catalog\'s departments', async () => {
    const network = adminCatalog();
    const { context } = await renderPage(network, <AdminProductsPage />, { as: 'admin' });
    fireEvent.click(await screen.findByRole('button', { name: 'New product' }));
    const form = screen.getByRole('form', { name: 'New product' });
    await waitFor(() => expect([...form.querySelectorAll('datalist option')].map((option) => option.getAttribute('value'))).toEqual(['garden', 'kitchen']));
    fill(form, 'SKU', 'KETTLE-9');
    fill(form, 'Name', 'Copper Kettle');
    fill(form, 'Category', 'kitchen');
    fill(form, 'Price (EUR)', '45.5');
    fill(form, 'Initial stock', '7');
    fill(form, 'Description', 'Whistles.');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(context.toast).toHaveBeenCalledWith('Copper Kettle created'));
    expect(network.callsTo('POST', '/api/products')[0]?.body).toEqual({ sku: 'KETTLE-9', name: 'Copper Kettle', description: 'Whistles.', category: 'kitchen', tags: [], price: { amount: 4550, currency: 'EUR' }, initialStock: 7 });
    expect(screen.queryByRole('form', { name: 'New product' })).toBeNull();
    await waitFor(() => expect(network.callsTo('GET', '/api/products').at(-1)?.headers.get('x-consistency-token')).toBe('created'));
  });

  it('refuses a price that is not an amount of the currency on its field, without calling the API', async () => {
    const network = adminCatalog();
    await renderPage(network, <AdminProductsPage />, { as: 'admin' });
    fireEvent.click(await screen.findByRole('button', { name: 'New product' }));
    const form = screen.getByRole('form', { name: 'New product' });
    fill(form, 'SKU', 'KETTLE-9');
    fill(form, 'Name', 'Copper Kettle');
    fill(form, 'Price (EUR)', '45.555');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const price = await within(form).findByLabelText('Price (EUR)');
    await waitFor(() => expect(price.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(price.getAttribute('aria-describedby') ?? '')?.textContent).toBe('must be an amount like 12.50 in EUR');
    expect(within(form).getByRole('alert').textContent).toContain('The price is not an amount');
    expect(network.callsTo('POST', '/api/products')).toEqual([]);
  });

  it('shows the API\'s field errors in the form', async () => {
    const network = adminCatalog().on('POST', '/api/products', () => problem(409, 'SKU KETTLE-9 is taken', [{ field: 'body.sku', message: 'is taken' }]));
    await renderPage(network, <AdminProductsPage />, { as: 'admin' });
    fireEvent.click(await screen.findByRole('button', { name: 'New product' }));
    const form = screen.getByRole('form', { name: 'New product' });
    fill(form, 'SKU', 'KETTLE-9');
    fill(form, 'Name', 'Copper Kettle');
    fill(form, 'Price (EUR)', '45');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(form).getByLabelText('SKU').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('alert').textContent).toBe('SKU KETTLE-9 is taken — body.sku: is taken');
  });

  it('edits a product with its revision as If-Match, and discontinues one after asking', async () => {
    const network = adminCatalog();
    await renderPage(network, <AdminProductsPage />, { as: 'admin' });
    const row = (await screen.findByRole('link', { name: 'Stoneware Mug' })).closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((cell) => cell.textContent).slice(1, 6)).toEqual(['Stoneware Mugkitchen', 'MUG-001', '€12.99', '20', 'active']);
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit product' });
    expect((within(form).getByLabelText('Price (EUR)') as HTMLInputElement).value).toBe('12.99');
    expect(within(form).queryByLabelText('SKU')).toBeNull();
    fill(form, 'Price (EUR)', '11.99');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(network.callsTo('PATCH', '/api/products/:id')).toHaveLength(1));
    const [patch] = network.callsTo('PATCH', '/api/products/:id');
    expect(patch?.headers.get('if-match')).toBe('"3"');
    expect(patch?.body).toEqual({ name: 'Stoneware Mug', description: 'A sturdy mug.', category: 'kitchen', price: { amount: 1199, currency: 'EUR' } });

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(within(row).getByRole('button', { name: 'Discontinue' }));
    expect(network.callsTo('DELETE', '/api/products/:id')).toEqual([]);
    fireEvent.click(within(row).getByRole('button', { name: 'Discontinue' }));
    await waitFor(() => expect(network.callsTo('DELETE', '/api/products/:id')).toHaveLength(1));
    expect(confirm).toHaveBeenCalledWith('Discontinue Stoneware Mug? It leaves the catalog.');
  });
});
