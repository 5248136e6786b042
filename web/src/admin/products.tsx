import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Field, Link, Price, ProductImage, Spinner, StatusBadge } from '../components/ui';
import { command, must, useQuery } from '../lib/use-query';
import { formatMoney, minorDigitsOf, parseMajorAmount } from '../lib/money';
import { fieldError } from '../lib/problem';
import { useDepartments } from '../pages/catalog';

interface Draft {
  sku: string;
  name: string;
  description: string;
  category: string;
  price: string;
  currency: string;
  initialStock: string;
}

const emptyDraft: Draft = { sku: '', name: '', description: '', category: 'home', price: '', currency: 'EUR', initialStock: '10' };
const majorOf = (amount: number, currency: string) => formatMoney({ amount, currency }, 'en-US').replace(/[^0-9.]/g, '') || (amount / 10 ** minorDigitsOf(currency)).toFixed(minorDigitsOf(currency));

export function AdminProductsPage() {
  const { api, toast } = useApp();
  const [q, setQ] = useState('');
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [token, setToken] = useState<string | undefined>();
  const cursor = cursors.at(-1);
  const page = useQuery(() => must(api.client.GET('/api/products', { params: { query: { q: q || undefined, sort: 'newest', limit: 20, cursor }, header: token ? { 'x-consistency-token': token } : {} } })), [q, cursor, token]);
  const [editing, setEditing] = useState<{ id?: string; revision?: number; draft: Draft } | null>(null);
  const departments = useDepartments();
  const [error, setError] = useState<unknown>();

  const save = async (event: Event) => {
    event.preventDefault();
    if (!editing) return;
    setError(undefined);
    const { draft } = editing;
    const amount = parseMajorAmount(draft.price, draft.currency);
    if (amount === undefined) return setError({ detail: 'The price is not an amount', errors: [{ field: 'price.amount', message: `must be an amount like 12.50 in ${draft.currency}` }] });
    const price = { amount, currency: draft.currency as 'EUR' };
    try {
      if (editing.id) {
        const answer = await command(api.client.PATCH('/api/products/{id}', { params: { path: { id: editing.id }, header: { 'if-match': `"${editing.revision ?? 0}"` } }, body: { name: draft.name, description: draft.description, category: draft.category, price } }));
        setToken(answer.token);
        toast(`${draft.name} saved`);
      } else {
        const answer = await command(api.client.POST('/api/products', { body: { sku: draft.sku, name: draft.name, description: draft.description, category: draft.category, tags: [], price, ...(draft.initialStock ? { initialStock: Number(draft.initialStock) } : {}) } }));
        setToken(answer.token);
        toast(`${draft.name} created`);
      }
      setEditing(null);
    } catch (failure) {
      setError(failure);
    }
  };
  const discontinue = async (id: string, name: string) => {
    if (!window.confirm(`Discontinue ${name}? It leaves the catalog.`)) return;
    try {
      setToken((await command(api.client.DELETE('/api/products/{id}', { params: { path: { id } }, body: { reason: 'discontinued by an admin' } }))).token);
    } catch (failure) {
      setError(failure);
    }
  };

  const input = (name: keyof Draft, label: string, props: Record<string, unknown> = {}) => editing && (
    <Field label={label} error={fieldError(error, name === 'price' ? 'amount' : name)}>
      {(field) => <input {...field} {...props} name={name} value={editing.draft[name]} onInput={(event) => setEditing({ ...editing, draft: { ...editing.draft, [name]: event.currentTarget.value } })} />}
    </Field>
  );

  return (
    <section>
      <div class="admin-head">
        <h1>Products</h1>
        <button onClick={() => { setError(undefined); setEditing({ draft: emptyDraft }); }}>New product</button>
      </div>
      {editing && (
        <form class="card admin-form" onSubmit={save} aria-label={editing.id ? 'Edit product' : 'New product'}>
          <h2>{editing.id ? `Edit ${editing.draft.name}` : 'New product'}</h2>
          <div class="grid-2">
            {!editing.id && input('sku', 'SKU', { required: true, pattern: '[A-Za-z0-9][A-Za-z0-9-]{1,63}' })}
            {input('name', 'Name', { required: true })}
            <Field label="Category" error={fieldError(error, 'category')}>
              {(field) => <input {...field} list="categories" required value={editing.draft.category} onInput={(event) => setEditing({ ...editing, draft: { ...editing.draft, category: event.currentTarget.value } })} />}
            </Field>
            {input('price', `Price (${editing.draft.currency})`, { required: true, inputMode: 'decimal' })}
            {!editing.id && input('initialStock', 'Initial stock', { type: 'number', min: 1 })}
          </div>
          <datalist id="categories">{departments.data?.items.map(({ category }) => <option key={category} value={category} />)}</datalist>
          <Field label="Description" error={fieldError(error, 'description')}>
            {(field) => <textarea {...field} rows={3} value={editing.draft.description} onInput={(event) => setEditing({ ...editing, draft: { ...editing.draft, description: event.currentTarget.value } })} />}
          </Field>
          {editing.id && <ProductPhotos productId={editing.id} onChange={setToken} />}
          <ErrorBox error={error} />
          <div class="actions"><button type="submit">Save</button><button type="button" class="secondary" onClick={() => setEditing(null)}>Cancel</button></div>
        </form>
      )}
      <label class="search-inline">Search <input type="search" value={q} onInput={(event) => { setQ(event.currentTarget.value); setCursors([undefined]); }} /></label>
      {!editing && <ErrorBox error={error ?? page.error} />}
      {page.loading && !page.data && <Spinner />}
      <table class="table">
        <thead><tr><th scope="col"><span class="visually-hidden">Photo</span></th><th scope="col">Product</th><th scope="col">SKU</th><th scope="col">Price</th><th scope="col">Available</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {page.data?.items.map((product) => (
            <tr key={product.id}>
              <td><ProductImage product={product} size="thumbnail" /></td>
              <td><Link href={`/products/${product.id}`}>{product.name}</Link><br /><span class="muted small">{product.category}</span></td>
              <td><Link href={`/admin/stock?sku=${encodeURIComponent(product.sku)}`}>{product.sku}</Link></td>
              <td><Price money={product.price} /></td>
              <td>{product.stock.available}</td>
              <td><StatusBadge status={product.status} /></td>
              <td class="actions">
                <button class="secondary small" onClick={() => { setError(undefined); setEditing({ id: product.id, revision: product.revision, draft: { sku: product.sku, name: product.name, description: product.description, category: product.category, price: majorOf(product.price.amount, product.price.currency), currency: product.price.currency, initialStock: '' } }); }}>Edit</button>
                {product.status === 'active' && <button class="danger small" onClick={() => void discontinue(product.id, product.name)}>Discontinue</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        {cursors.length > 1 && <button class="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>← Previous</button>}
        {page.data?.nextCursor && <button class="secondary" onClick={() => setCursors([...cursors, page.data?.nextCursor ?? undefined])}>Next →</button>}
      </nav>
    </section>
  );
}

export function AdminStockPage({ sku: initialSku }: { sku: string }) {
  const { api, toast } = useApp();
  const [sku, setSku] = useState(initialSku);
  const [token, setToken] = useState<string | undefined>();
  const stock = useQuery(() => (sku ? must(api.client.GET('/api/inventory/{sku}', { params: { path: { sku }, header: token ? { 'x-consistency-token': token } : {} } })) : Promise.resolve(undefined)), [sku, token]);
  const [restock, setRestock] = useState('10');
  const [adjust, setAdjust] = useState({ delta: '-1', reason: '' });
  const [error, setError] = useState<unknown>();
  const run = async (call: () => Promise<{ token: string | undefined }>, message: string) => {
    setError(undefined);
    try {
      setToken((await call()).token);
      toast(message);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section>
      <h1>Stock</h1>
      <form class="search-inline" onSubmit={(event) => { event.preventDefault(); setSku(((event.currentTarget as HTMLFormElement).elements.namedItem('sku') as HTMLInputElement).value.trim()); }}>
        <label>SKU <input name="sku" defaultValue={sku} required /></label> <button type="submit" class="secondary">Show</button>
      </form>
      <ErrorBox error={stock.error ?? error} />
      {stock.data && (
        <div class="card">
          <h2>{stock.data.sku}</h2>
          <dl class="figures">
            <div><dt>On hand</dt><dd>{stock.data.onHand}</dd></div>
            <div><dt>Reserved</dt><dd>{stock.data.reserved}</dd></div>
            <div><dt>Available</dt><dd>{stock.data.available}</dd></div>
            <div><dt>Sold</dt><dd>{stock.data.sold}</dd></div>
            <div><dt>Returned</dt><dd>{stock.data.returned}</dd></div>
          </dl>
          <div class="grid-2">
            <form onSubmit={(event) => { event.preventDefault(); void run(() => command(api.client.POST('/api/inventory/{sku}/restock', { params: { path: { sku } }, body: { quantity: Number(restock) } })), `Restocked ${restock} × ${sku}`); }}>
              <h3>Restock</h3>
              <Field label="Quantity received" error={fieldError(error, 'quantity')}>{(props) => <input {...props} type="number" min={1} required value={restock} onInput={(event) => setRestock(event.currentTarget.value)} />}</Field>
              <button type="submit">Restock</button>
            </form>
            <form onSubmit={(event) => { event.preventDefault(); void run(() => command(api.client.POST('/api/inventory/{sku}/adjust', { params: { path: { sku } }, body: { delta: Number(adjust.delta), reason: adjust.reason } })), `Adjusted ${sku} by ${adjust.delta}`); }}>
              <h3>Adjust</h3>
              <Field label="Change (+/−)" error={fieldError(error, 'delta')}>{(props) => <input {...props} type="number" required value={adjust.delta} onInput={(event) => setAdjust({ ...adjust, delta: event.currentTarget.value })} />}</Field>
              <Field label="Reason" error={fieldError(error, 'reason')}>{(props) => <input {...props} required value={adjust.reason} onInput={(event) => setAdjust({ ...adjust, reason: event.currentTarget.value })} />}</Field>
              <button type="submit">Adjust</button>
            </form>
          </div>
        </div>
      )}
    </section>
  );
}

/** The product's photos: upload (JPEG, PNG or WebP; resized by the server) and removal. */
function ProductPhotos({ productId, onChange }: { productId: string; onChange: (token: string | undefined) => void }) {
  const { api, toast } = useApp();
  const [token, setToken] = useState<string | undefined>();
  const product = useQuery(() => must(api.client.GET('/api/products/{id}', { params: { path: { id: productId }, header: token ? { 'x-consistency-token': token } : {} } })), [productId, token]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const changed = (next: string | undefined) => {
    setToken(next);
    onChange(next);
  };
  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await command(api.client.POST('/api/products/{id}/images', {
        params: { path: { id: productId } },
        // the body is the file itself, labelled with its type
        body: file as unknown as string,
        bodySerializer: (body) => body as unknown as BodyInit,
        headers: { 'content-type': file.type },
      }));
      changed(answer.token);
      toast(`${file.name} uploaded`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (imageId: string) => {
    try {
      changed((await command(api.client.DELETE('/api/products/{id}/images/{imageId}', { params: { path: { id: productId, imageId } } }))).token);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <fieldset class="photos">
      <legend>Photos</legend>
      <ul class="photo-list">
        {product.data?.images.map((image) => (
          <li key={image.id}><img src={image.urls.thumbnail} alt="" width={100} /> <button type="button" class="link-button" onClick={() => void remove(image.id)}>Remove</button></li>
        ))}
      </ul>
      <label>Add a photo (JPEG, PNG or WebP) <input type="file" accept="image/jpeg,image/png,image/webp" disabled={busy} onChange={(event) => { const file = event.currentTarget.files?.[0]; if (file) void upload(file); event.currentTarget.value = ''; }} /></label>
      <ErrorBox error={error} />
    </fieldset>
  );
}
