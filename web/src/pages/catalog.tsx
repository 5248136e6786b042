import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Link, Price, ProductImage, Spinner } from '../components/ui';
import { must, useQuery } from '../lib/use-query';
import { parseMajorAmount } from '../lib/money';
import { navigate, withQuery } from '../router';
import type { Location } from '../router';

const sorts = [['name', 'Name A–Z'], ['-name', 'Name Z–A'], ['price', 'Price: low to high'], ['-price', 'Price: high to low'], ['newest', 'Newest']] as const;
type Sort = (typeof sorts)[number][0];

const pageSize = 24;
/** Stands for "no cursor" in the trail of visited pages. */
const firstPage = '0';

const titleOf = (category: string) => `${category[0]?.toUpperCase() ?? ''}${category.slice(1)}`;

/** The catalog's departments (categories of active products, with counts) and the currencies it is priced in, from the API. */
export function useDepartments() {
  const { api } = useApp();
  return useQuery(() => must(api.client.GET('/api/categories')), []);
}

/** "€" for EUR where the locale has a sign for it, else the code. */
export const currencySignOf = (currency: string): string => new Intl.NumberFormat(undefined, { style: 'currency', currency }).formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;

export function CatalogPage({ location }: { location: Location }) {
  const { api } = useApp();
  const query = location.query;
  const q = query.get('q') ?? '';
  const category = query.get('category') ?? '';
  const sort = (query.get('sort') ?? 'name') as Sort;
  const inStock = query.get('inStock') === 'true';
  const minPrice = query.get('minPrice') ?? '';
  const maxPrice = query.get('maxPrice') ?? '';
  const cursor = query.get('cursor') ?? undefined;
  // The cursors of the pages before this one, so "Previous" works without the API going backwards.
  const trail = (query.get('trail') ?? '').split(',').filter(Boolean);

  const departments = useDepartments();
  const currencies = departments.data?.currencies.map((entry) => entry.currency) ?? [];
  // A price range means an amount in one currency: the one the URL names, else the catalog's (the first, shown, when it has several).
  const named = query.get('currency')?.toUpperCase();
  const currency = named && /^[A-Z]{3}$/.test(named) ? named : currencies[0];
  const choices = currency && !currencies.includes(currency) ? [...currencies, currency] : currencies;
  const priced = minPrice !== '' || maxPrice !== '';
  const rangeCurrency = priced ? currency : undefined;
  const toMinor = (text: string) => (text === '' || !rangeCurrency ? undefined : parseMajorAmount(text, rangeCurrency));
  const page = useQuery(
    // Until the catalog's currency is known, a price range cannot be read: no request rather than a wrong one.
    () => (priced && !rangeCurrency ? Promise.resolve(null) : must(api.client.GET('/api/products', { params: { query: {
      q: q || undefined, category: category || undefined, sort, limit: pageSize, cursor, inStock: inStock ? 'true' : undefined,
      ...(rangeCurrency ? { minPrice: toMinor(minPrice), maxPrice: toMinor(maxPrice), currency: rangeCurrency as 'EUR' } : {}),
    } } }))),
    [q, category, sort, cursor, inStock, minPrice, maxPrice, rangeCurrency],
  );

  const base = { q, category, sort: sort === 'name' ? undefined : sort, inStock: inStock ? 'true' : undefined, minPrice, maxPrice, currency: rangeCurrency };
  const go = (changes: Record<string, string | undefined>) => navigate(withQuery('/', { ...base, ...changes }));
  const [draft, setDraft] = useState<{ minPrice: string; maxPrice: string; currency?: string }>({ minPrice, maxPrice });
  const draftCurrency = draft.currency ?? currency;

  return (
    <div class="catalog">
      <aside class="filters" aria-label="Filters">
        <h2>Departments</h2>
        <ul class="category-list">
          <li><Link href={withQuery('/', { ...base, category: undefined })} class={category === '' ? 'active' : ''} aria-current={category === '' ? 'page' : undefined}>All products</Link></li>
          {departments.data?.items.map(({ category: name, count }) => (
            <li key={name}><Link href={withQuery('/', { ...base, category: name })} class={category === name ? 'active' : ''} aria-current={category === name ? 'page' : undefined}>{titleOf(name)} <span class="muted small">({count})</span></Link></li>
          ))}
        </ul>
        {departments.error !== undefined && <p class="muted small" role="status">Departments could not be loaded.</p>}
        {currency && (
          <form class="price-filter" aria-labelledby="price-filter-title" onSubmit={(event) => { event.preventDefault(); const bounded = Boolean(draft.minPrice || draft.maxPrice); go({ minPrice: draft.minPrice || undefined, maxPrice: draft.maxPrice || undefined, currency: bounded ? draftCurrency : undefined }); }}>
            <h2 id="price-filter-title">Price{choices.length > 1 ? '' : ` (${currencySignOf(currency)})`}</h2>
            {choices.length > 1 && (
              <label>Currency{' '}
                <select value={draftCurrency} onChange={(event) => setDraft({ ...draft, currency: event.currentTarget.value })}>
                  {choices.map((code) => <option key={code} value={code}>{code}</option>)}
                </select>
              </label>
            )}
            <div class="row">
              <label>Min <input inputMode="decimal" size={6} value={draft.minPrice} onInput={(event) => setDraft({ ...draft, minPrice: event.currentTarget.value })} /></label>
              <label>Max <input inputMode="decimal" size={6} value={draft.maxPrice} onInput={(event) => setDraft({ ...draft, maxPrice: event.currentTarget.value })} /></label>
            </div>
            <button type="submit" class="secondary">Apply</button>
          </form>
        )}
        <label class="checkbox"><input type="checkbox" checked={inStock} onChange={(event) => go({ inStock: event.currentTarget.checked ? 'true' : undefined })} /> In stock only</label>
      </aside>
      <section class="results" aria-labelledby="results-title">
        <div class="results-head">
          <h1 id="results-title">{q ? `Results for “${q}”` : category ? titleOf(category) : 'All products'}</h1>
          <label class="sort">Sort by{' '}
            <select value={sort} onChange={(event) => go({ sort: event.currentTarget.value === 'name' ? undefined : event.currentTarget.value })}>
              {sorts.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
        </div>
        <ErrorBox error={page.error} />
        {!page.data && (page.loading || page.data === null) && <Spinner />}
        {page.data && page.data.items.length === 0 && <p class="empty">No products match. Try fewer words or another department.</p>}
        <ul class="product-grid" aria-busy={page.loading}>
          {page.data?.items.map((product) => (
            <li key={product.id} class="product-card">
              <Link href={`/products/${product.id}`} class="card-link">
                <ProductImage product={product} />
                <span class="product-name">{product.name}</span>
              </Link>
              <div class="card-foot">
                <Price money={product.price} />
                <span class={product.stock.inStock ? 'stock in' : 'stock out'}>{product.stock.inStock ? 'In stock' : 'Out of stock'}</span>
              </div>
            </li>
          ))}
        </ul>
        <nav class="pager" aria-label="Pages">
          {cursor !== undefined && <button class="secondary" onClick={() => go({ cursor: trail.at(-1) === firstPage ? undefined : trail.at(-1), trail: trail.slice(0, -1).join(',') || undefined })}>← Previous</button>}
          {page.data?.nextCursor && <button class="secondary" onClick={() => go({ cursor: page.data?.nextCursor ?? undefined, trail: [...trail, cursor ?? firstPage].join(',') })}>Next →</button>}
        </nav>
      </section>
    </div>
  );
}
