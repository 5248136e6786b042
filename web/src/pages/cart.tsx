import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Link, Price, ProductImage, Spinner } from '../components/ui';
import { priceCart } from '../lib/cart';
import type { ProductSummary } from '../lib/cart';
import { command, must, useQuery } from '../lib/use-query';
import { navigate } from '../router';
import type { Api } from '../api/client';

/** The cart with each product's current price and stock. */
export function useCart(api: Api, consistencyToken?: string) {
  return useQuery(async () => {
    const cart = await must(api.client.GET('/api/cart', { params: { header: consistencyToken ? { 'x-consistency-token': consistencyToken } : {} } }));
    const products = await Promise.all(cart.items.map(async (item) => (await api.client.GET('/api/products/{id}', { params: { path: { id: item.productId } } })).data));
    const known = new Map(products.flatMap((product) => (product ? [[product.id, product as ProductSummary & typeof product] as const] : [])));
    return { cart, known, priced: priceCart(cart.items, known) };
  }, [consistencyToken]);
}

export function CartPage() {
  const { api, refreshCart } = useApp();
  const [token, setToken] = useState<string | undefined>();
  const cart = useCart(api, token);
  const [error, setError] = useState<unknown>();

  const change = async (productId: string, quantity: number) => {
    setError(undefined);
    try {
      const answer = quantity > 0
        ? await command(api.client.PUT('/api/cart/items/{productId}', { params: { path: { productId } }, body: { quantity } }))
        : await command(api.client.DELETE('/api/cart/items/{productId}', { params: { path: { productId } } }));
      setToken(answer.token);
      refreshCart(answer.token);
    } catch (failure) {
      setError(failure);
    }
  };

  if (cart.loading && !cart.data) return <Spinner />;
  const priced = cart.data?.priced;
  return (
    <section class="cart-page">
      <h1>Your cart</h1>
      <ErrorBox error={cart.error ?? error} />
      {priced && priced.lines.length === 0 && <p class="empty">Your cart is empty. <Link href="/">Browse the shop</Link>.</p>}
      {priced && priced.lines.length > 0 && (
        <>
          <ul class="cart-lines">
            {priced.lines.map((line) => (
              <li key={line.productId} class="cart-line">
                {line.product ? <ProductImage product={cart.data?.known.get(line.productId) ?? line.product} size="thumbnail" /> : <div class="product-image placeholder thumbnail" />}
                <div class="cart-line-main">
                  {line.product ? <Link href={`/products/${line.productId}`}>{line.product.name}</Link> : <span>Unavailable product</span>}
                  {line.product && <span class="unit">each <Price money={line.product.price} /></span>}
                  {line.problem && <span class="error-text">{line.problem}</span>}
                </div>
                <label class="quantity">
                  <span class="visually-hidden">Quantity of {line.product?.name ?? 'this product'}</span>
                  <input type="number" min={0} value={line.quantity} onChange={(event) => void change(line.productId, Math.max(0, Number(event.currentTarget.value) || 0))} />
                </label>
                <span class="line-total">{line.lineTotal ? <Price money={line.lineTotal} /> : '—'}</span>
                <button class="link-button" onClick={() => void change(line.productId, 0)} aria-label={`Remove ${line.product?.name ?? 'this product'}`}>Remove</button>
              </li>
            ))}
          </ul>
          <div class="cart-summary">
            <p>{priced.itemCount} item{priced.itemCount === 1 ? '' : 's'} · Total {priced.totals.map((total) => <Price key={total.currency} money={total} className="price big" />)}</p>
            {priced.totals.length > 1 && <p class="error-text">Items in different currencies cannot be bought in one order.</p>}
            <button onClick={() => navigate('/checkout')} disabled={!priced.canCheckOut}>Check out</button>
          </div>
        </>
      )}
    </section>
  );
}
