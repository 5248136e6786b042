import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Link, Price, ProductImage, Spinner, StatusBadge } from '../components/ui';
import { command, must, useQuery } from '../lib/use-query';
import { subscribe } from '../lib/live';
import { navigate } from '../router';

interface Availability {
  available: number;
  inStock: boolean;
  status: string;
}

/** Availability as it changes: the product's event stream, or polling where there is none. */
function useLiveAvailability(productId: string, initial: Availability | undefined, reload: () => void): Availability | undefined {
  const [live, setLive] = useState<Availability | undefined>(undefined);
  useEffect(() => {
    setLive(undefined);
    let poll: ReturnType<typeof setInterval> | undefined;
    const stop = subscribe(`/api/products/${encodeURIComponent(productId)}/live`, {
      token: async () => null,
      onEvent: (event) => {
        if (event.event !== 'availability') return;
        const data = JSON.parse(event.data) as Availability;
        setLive({ available: data.available, inStock: data.inStock, status: data.status });
      },
      onUnavailable: () => {
        poll = setInterval(reload, 5000);
      },
    });
    return () => {
      stop();
      if (poll) clearInterval(poll);
    };
  }, [productId]);
  return live ?? initial;
}

export function ProductPage({ id }: { id: string }) {
  const { api, user, refreshCart, toast } = useApp();
  const product = useQuery(() => must(api.client.GET('/api/products/{id}', { params: { path: { id } } })), [id]);
  const availability = useLiveAvailability(id, product.data ? { ...product.data.stock, status: product.data.status } : undefined, () => void product.reload(true));
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  if (product.loading && !product.data) return <Spinner />;
  if (!product.data) return <ErrorBox error={product.error ?? 'This product does not exist.'} />;
  const item = product.data;
  const available = availability?.available ?? 0;
  const buyable = availability?.status !== 'discontinued' && available > 0;

  const addToCart = async (event: Event) => {
    event.preventDefault();
    if (!user) return navigate(`/login?next=${encodeURIComponent(`/products/${id}`)}`);
    setBusy(true);
    setError(undefined);
    try {
      const cart = await must(api.client.GET('/api/cart'));
      const inCart = cart.items.find((line) => line.productId === id)?.quantity ?? 0;
      const answer = await command(api.client.PUT('/api/cart/items/{productId}', { params: { path: { productId: id } }, body: { quantity: inCart + quantity } }));
      refreshCart(answer.token);
      toast(`${quantity} × ${item.name} added to your cart`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="product-page">
      <nav class="breadcrumbs" aria-label="Breadcrumb"><Link href="/">Shop</Link> › <Link href={`/?category=${encodeURIComponent(item.category)}`} class="category">{item.category}</Link> › <span aria-current="page">{item.name}</span></nav>
      <div class="product-layout">
        <div class="gallery"><ProductImage product={item} size="original" /></div>
        <div class="details">
          <h1>{item.name}</h1>
          <p class="sku">SKU {item.sku}</p>
          <Price money={item.price} className="price big" />
          <p class="availability" aria-live="polite">
            {availability?.status === 'discontinued' ? <StatusBadge status="discontinued" /> : available > 0 ? <span class="stock in">{available > 10 ? 'In stock' : `Only ${available} left`}</span> : <span class="stock out">Out of stock</span>}
          </p>
          <p class="description">{item.description}</p>
          {item.tags.length > 0 && <ul class="tags" aria-label="Tags">{item.tags.map((tag) => <li key={tag}>{tag}</li>)}</ul>}
          <form class="add-to-cart" onSubmit={addToCart}>
            <label>Quantity{' '}
              <input type="number" min={1} max={Math.max(1, available)} value={quantity} onInput={(event) => setQuantity(Math.max(1, Number(event.currentTarget.value) || 1))} />
            </label>
            <button type="submit" disabled={!buyable || busy}>{busy ? 'Adding…' : 'Add to cart'}</button>
          </form>
          <ErrorBox error={error} />
        </div>
      </div>
    </article>
  );
}
