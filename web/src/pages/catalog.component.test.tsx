import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../app';
import { createTestProduct, json, problem, stubNetwork } from '../test-setup.harness';
import type { Answer, Network } from '../test-setup.harness';

type Categories = Answer<'/api/categories', 'get'>;

const mug = createTestProduct({ id: 'a0000000-0000-4000-8000-000000000001', name: 'Stoneware Mug', category: 'kitchen' });
const kettle = createTestProduct({ id: 'a0000000-0000-4000-8000-000000000002', name: 'Copper Kettle', category: 'kitchen', price: { amount: 4500, currency: 'EUR' }, stock: { available: 0, inStock: false } });
const rake = createTestProduct({ id: 'a0000000-0000-4000-8000-000000000003', name: 'Garden Rake', category: 'garden', price: { amount: 2500, currency: 'EUR' } });

const euroCatalog: Categories = { items: [{ category: 'garden', count: 1 }, { category: 'kitchen', count: 2 }], currencies: [{ currency: 'EUR', count: 3 }], truncated: false };

/** The whole shop at `/`, anonymous (the session cookie is refused), over a catalog answering every search with `items`. */
function openShop(categories: Categories, answer: (query: URLSearchParams) => Answer<'/api/products', 'get'>): Network {
  const network = stubNetwork()
    .on('POST', '/api/auth/session/refresh', () => problem(401, 'no session'))
    .on('GET', '/api/categories', () => json(categories))
    .on('GET', '/api/products', (call) => json(answer(call.url.searchParams)));
  render(<App />);
  return network;
}

const productSearches = (network: Network) => network.callsTo('GET', '/api/products').map((call) => Object.fromEntries(call.url.searchParams));
const lastSearch = (network: Network) => productSearches(network).at(-1);

describe('the catalog page', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('lists the departments the API answers, with counts, and renders the products with price and availability', async () => {
    const network = openShop(euroCatalog, () => ({ items: [mug, kettle], nextCursor: null, facets: null }));
    const departments = await screen.findByRole('link', { name: /Kitchen \(2\)/ });
    expect(departments.getAttribute('href')).toBe('/?category=kitchen');
    expect(screen.getByRole('link', { name: /Garden \(1\)/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Electronics/ })).toBeNull();
    const card = (await screen.findByText('Copper Kettle')).closest('li') as HTMLElement;
    expect(within(card).getByText('€45.00')).toBeTruthy();
    expect(within(card).getByText('Out of stock')).toBeTruthy();
    expect(within(screen.getByText('Stoneware Mug').closest('li') as HTMLElement).getByText('In stock')).toBeTruthy();
    expect(productSearches(network)).toEqual([{ sort: 'name', limit: '24' }]);
  });

  it('searches with the words typed in the search box', async () => {
    const network = openShop(euroCatalog, (query) => ({ items: query.get('q') === 'mug' ? [mug] : [mug, kettle, rake], nextCursor: null, facets: null }));
    await screen.findByText('Garden Rake');
    fireEvent.input(screen.getByLabelText('Search products'), { target: { value: ' mug ' } });
    fireEvent.submit(screen.getByRole('search'));
    expect(await screen.findByRole('heading', { name: 'Results for “mug”' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Garden Rake')).toBeNull());
    expect(lastSearch(network)).toEqual({ q: 'mug', sort: 'name', limit: '24' });
    expect(window.location.search).toBe('?q=mug');
  });

  it('filters by department, marks it current, and sorts', async () => {
    const network = openShop(euroCatalog, () => ({ items: [mug], nextCursor: null, facets: null }));
    fireEvent.click(await screen.findByRole('link', { name: /Kitchen \(2\)/ }));
    await waitFor(() => expect(lastSearch(network)).toEqual({ category: 'kitchen', sort: 'name', limit: '24' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Kitchen');
    expect(screen.getByRole('link', { name: /Kitchen \(2\)/ }).getAttribute('aria-current')).toBe('page');
    fireEvent.change(screen.getByLabelText(/Sort by/), { target: { value: '-price' } });
    await waitFor(() => expect(lastSearch(network)).toEqual({ category: 'kitchen', sort: '-price', limit: '24' }));
    fireEvent.click(screen.getByLabelText(/In stock only/));
    await waitFor(() => expect(lastSearch(network)).toEqual({ category: 'kitchen', sort: '-price', limit: '24', inStock: 'true' }));
  });

  it('sends a price range in the minor units of the catalog\'s one currency, and says which', async () => {
    const network = openShop(euroCatalog, () => ({ items: [rake], nextCursor: null, facets: null }));
    const filter = await screen.findByRole('form', { name: 'Price (€)' });
    expect(within(filter).queryByLabelText('Currency')).toBeNull();
    fireEvent.input(within(filter).getByLabelText('Min'), { target: { value: '10' } });
    fireEvent.input(within(filter).getByLabelText('Max'), { target: { value: '20.5' } });
    fireEvent.submit(filter);
    await waitFor(() => expect(lastSearch(network)).toEqual({ sort: 'name', limit: '24', minPrice: '1000', maxPrice: '2050', currency: 'EUR' }));
    expect(new URLSearchParams(window.location.search).get('currency')).toBe('EUR');
  });

  it('uses the currency\'s own minor digits: yen have none', async () => {
    const network = openShop({ items: [{ category: 'tea', count: 1 }], currencies: [{ currency: 'JPY', count: 1 }], truncated: false }, () => ({ items: [], nextCursor: null, facets: null }));
    const filter = await screen.findByRole('form', { name: 'Price (¥)' });
    fireEvent.input(within(filter).getByLabelText('Min'), { target: { value: '1500' } });
    fireEvent.submit(filter);
    await waitFor(() => expect(lastSearch(network)).toEqual({ sort: 'name', limit: '24', minPrice: '1500', currency: 'JPY' }));
    expect(await screen.findByText(/No products match/)).toBeTruthy();
  });

  it('asks which currency a price range is in when the catalog has several', async () => {
    const mixed: Categories = { ...euroCatalog, currencies: [{ currency: 'EUR', count: 3 }, { currency: 'JPY', count: 2 }] };
    const network = openShop(mixed, () => ({ items: [mug], nextCursor: null, facets: null }));
    const filter = await screen.findByRole('form', { name: 'Price' });
    const currency = within(filter).getByLabelText('Currency') as HTMLSelectElement;
    expect([...currency.options].map((option) => option.value)).toEqual(['EUR', 'JPY']);
    fireEvent.change(currency, { target: { value: 'JPY' } });
    fireEvent.input(within(filter).getByLabelText('Max'), { target: { value: '3000' } });
    fireEvent.submit(filter);
    await waitFor(() => expect(lastSearch(network)).toEqual({ sort: 'name', limit: '24', maxPrice: '3000', currency: 'JPY' }));
  });

  it('reads a price range from the URL only once the catalog\'s currency is known', async () => {
    window.history.replaceState(null, '', '/?minPrice=12.5');
    const network = openShop(euroCatalog, () => ({ items: [mug], nextCursor: null, facets: null }));
    await screen.findByText('Stoneware Mug');
    expect(productSearches(network)).toEqual([{ sort: 'name', limit: '24', minPrice: '1250', currency: 'EUR' }]);
  });

  it('pages forward with the cursor and back without the API going backwards', async () => {
    const network = openShop(euroCatalog, (query) => (query.get('cursor') === 'page-2' ? { items: [rake], nextCursor: null, facets: null } : { items: [mug, kettle], nextCursor: 'page-2', facets: null }));
    await screen.findByText('Stoneware Mug');
    expect(screen.queryByRole('button', { name: '← Previous' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(await screen.findByText('Garden Rake')).toBeTruthy();
    expect(lastSearch(network)).toEqual({ sort: 'name', limit: '24', cursor: 'page-2' });
    expect(screen.queryByRole('button', { name: 'Next →' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '← Previous' }));
    expect(await screen.findByText('Stoneware Mug')).toBeTruthy();
    expect(lastSearch(network)).toEqual({ sort: 'name', limit: '24' });
  });

  it('shows the API\'s problem, naming the field, when a search is refused', async () => {
    window.history.replaceState(null, '', '/?minPrice=50&maxPrice=10');
    const network = openShop(euroCatalog, () => ({ items: [], nextCursor: null, facets: null }));
    network.on('GET', '/api/products', () => problem(400, 'minPrice must not exceed maxPrice', [{ field: 'query.minPrice', message: 'must not exceed maxPrice' }]));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('minPrice must not exceed maxPrice — query.minPrice: must not exceed maxPrice');
  });
});
