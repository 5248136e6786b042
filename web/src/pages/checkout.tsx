import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Field, Link, Price, Spinner } from '../components/ui';
import { command, must, useQuery } from '../lib/use-query';
import { fieldError } from '../lib/problem';
import { rememberToken } from '../lib/pending';
import { navigate } from '../router';
import { useCart } from './cart';

export const countries = [
  ['AT', 'Austria'], ['BE', 'Belgium'], ['CA', 'Canada'], ['CH', 'Switzerland'], ['DE', 'Germany'], ['DK', 'Denmark'], ['ES', 'Spain'], ['FI', 'Finland'], ['FR', 'France'],
  ['GB', 'United Kingdom'], ['IE', 'Ireland'], ['IT', 'Italy'], ['JP', 'Japan'], ['NL', 'Netherlands'], ['NO', 'Norway'], ['PL', 'Poland'], ['PT', 'Portugal'], ['SE', 'Sweden'], ['US', 'United States'],
] as const;

export interface AddressDraft {
  recipient: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export const emptyAddress: AddressDraft = { recipient: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: 'FR' };

/** The API's address: optional lines as null, nothing blank. */
export const addressBody = (draft: AddressDraft) => ({
  recipient: draft.recipient, line1: draft.line1, line2: draft.line2.trim() || null, city: draft.city, region: draft.region.trim() || null, postalCode: draft.postalCode, country: draft.country as 'FR',
});

export function AddressFields({ value, onChange, error }: { value: AddressDraft; onChange: (next: AddressDraft) => void; error: unknown }) {
  const text = (name: keyof AddressDraft, label: string, autoComplete: string, required = true) => (
    <Field label={label} error={fieldError(error, name)}>
      {(props) => <input {...props} name={name} autoComplete={autoComplete} required={required} value={value[name]} onInput={(event) => onChange({ ...value, [name]: event.currentTarget.value })} />}
    </Field>
  );
  return (
    <fieldset class="address">
      <legend>Shipping address</legend>
      {text('recipient', 'Full name', 'name')}
      {text('line1', 'Address', 'address-line1')}
      {text('line2', 'Apartment, suite (optional)', 'address-line2', false)}
      <div class="row">
        {text('postalCode', 'Postal code', 'postal-code')}
        {text('city', 'City', 'address-level2')}
      </div>
      {text('region', 'Region (optional)', 'address-level1', false)}
      <Field label="Country" error={fieldError(error, 'country')}>
        {(props) => (
          <select {...props} name="country" autoComplete="country" value={value.country} onChange={(event) => onChange({ ...value, country: event.currentTarget.value })}>
            {countries.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        )}
      </Field>
    </fieldset>
  );
}

export function CheckoutPage() {
  const { api, refreshCart } = useApp();
  const cart = useCart(api);
  const me = useQuery(() => must(api.client.GET('/api/me')), []);
  const [choice, setChoice] = useState<string>('new');
  const [address, setAddress] = useState<AddressDraft>(emptyAddress);
  const [save, setSave] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  if ((cart.loading && !cart.data) || (me.loading && !me.data)) return <Spinner />;
  const priced = cart.data?.priced;
  if (!priced || priced.lines.length === 0) return <section><h1>Checkout</h1><p class="empty">Your cart is empty. <Link href="/">Browse the shop</Link>.</p></section>;
  const saved = me.data?.addresses ?? [];

  const placeOrder = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      let shippingAddressId = choice === 'new' ? undefined : choice;
      if (!shippingAddressId && save && saved.length < 10) {
        shippingAddressId = (await command(api.client.POST('/api/me/addresses', { body: addressBody(address) }))).id;
      }
      const body = shippingAddressId ? { shippingAddressId } : { shippingAddress: addressBody(address) };
      const placed = await command(api.client.POST('/api/cart/checkout', { body }));
      rememberToken(`order:${placed.orderId}`, placed.token);
      refreshCart(placed.cartConsistencyToken);
      navigate(`/orders/${placed.orderId}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="checkout">
      <h1>Checkout</h1>
      <div class="checkout-layout">
        <form onSubmit={placeOrder} class="card">
          {saved.length > 0 && (
            <fieldset class="saved-addresses">
              <legend>Ship to</legend>
              {saved.map((entry) => (
                <label key={entry.id} class="radio"><input type="radio" name="address" value={entry.id} checked={choice === entry.id} onChange={() => setChoice(entry.id)} /> {entry.recipient}, {entry.line1}, {entry.postalCode} {entry.city}, {entry.country}</label>
              ))}
              <label class="radio"><input type="radio" name="address" value="new" checked={choice === 'new'} onChange={() => setChoice('new')} /> A new address</label>
            </fieldset>
          )}
          {choice === 'new' && <AddressFields value={address} onChange={setAddress} error={error} />}
          {choice === 'new' && <label class="checkbox"><input type="checkbox" checked={save} onChange={(event) => setSave(event.currentTarget.checked)} /> Save this address to my account</label>}
          <ErrorBox error={error} />
          <button type="submit" disabled={busy || !priced.canCheckOut}>{busy ? 'Placing your order…' : 'Place order'}</button>
          <p class="hint">You pay on the next page, once your items are reserved.</p>
        </form>
        <aside class="card summary" aria-label="Order summary">
          <h2>Summary</h2>
          <ul>{priced.lines.map((line) => <li key={line.productId}>{line.quantity} × {line.product?.name} {line.lineTotal && <Price money={line.lineTotal} />}</li>)}</ul>
          <p class="total">Total {priced.totals.map((total) => <Price key={total.currency} money={total} className="price big" />)}</p>
        </aside>
      </div>
    </section>
  );
}
