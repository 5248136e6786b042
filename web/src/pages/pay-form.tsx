import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Field, Price } from '../components/ui';
import { command, must, useQuery } from '../lib/use-query';
import { groupCardNumber, paymentMethodOf, testCards } from '../lib/test-cards';
import type { Money } from '../lib/money';

type PayProps = { orderId: string; total: Money; onPaid: (token: string | undefined) => void };

/**
 * The pay step. Which one the shop shows comes from the API (`GET /api/checkout/payment`), not
 * from the build: the sandbox's card form, or, with Stripe configured, a button that sends the
 * customer to Stripe's hosted checkout (the card never enters our pages).
 */
export function PayForm(props: PayProps) {
  const { api } = useApp();
  const flow = useQuery(() => must(api.client.GET('/api/checkout/payment')), []);
  if (flow.loading && !flow.data) return <p class="muted" role="status">Preparing payment…</p>;
  return flow.data?.checkout === 'hosted' ? <HostedCheckout {...props} /> : <CardForm {...props} />;
}

/** Stripe Checkout: the pay answer carries its page; the browser goes there and comes back to the order page. */
function HostedCheckout({ orderId, total, onPaid }: PayProps) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const pay = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await command(api.client.POST('/api/orders/{id}/pay', { params: { path: { id: orderId } }, body: {} }));
      if (answer.redirectUrl) return window.location.assign(answer.redirectUrl);
      // Not ready within the wait: the order page links to the checkout once the payment shows it.
      onPaid(answer.token);
      setBusy(false);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <form class="card pay-form" onSubmit={pay} aria-labelledby="pay-title">
      <h2 id="pay-title">Pay <Price money={total} /></h2>
      <p>You pay on Stripe's secure checkout page, then come back here.</p>
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>{busy ? 'Opening the checkout…' : 'Continue to secure payment'}</button>
    </form>
  );
}

/**
 * The sandbox card form: the number is turned into a payment-method token here, in the page;
 * only the token goes to the API (as a provider's card element would do it).
 */
function CardForm({ orderId, total, onPaid }: PayProps) {
  const { api } = useApp();
  const [card, setCard] = useState({ number: '', expiry: '', cvc: '', name: '' });
  const [error, setError] = useState<unknown>();
  const [cardError, setCardError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const pay = async (event: Event) => {
    event.preventDefault();
    const paymentMethod = paymentMethodOf(card.number);
    if (!paymentMethod) return setCardError('The sandbox takes only its test cards (listed below).');
    setCardError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const answer = await command(api.client.POST('/api/orders/{id}/pay', { params: { path: { id: orderId } }, body: { paymentMethod } }));
      onPaid(answer.token);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card pay-form" onSubmit={pay} aria-labelledby="pay-title">
      <h2 id="pay-title">Pay <Price money={total} /></h2>
      <Field label="Card number" error={cardError} hint="Sandbox: 4242 4242 4242 4242 succeeds">
        {(props) => <input {...props} name="cardnumber" inputMode="numeric" autoComplete="cc-number" required value={card.number} onInput={(event) => setCard({ ...card, number: groupCardNumber(event.currentTarget.value) })} />}
      </Field>
      <div class="row">
        <Field label="Expiry (MM/YY)">{(props) => <input {...props} name="exp" autoComplete="cc-exp" placeholder="12/34" required pattern="\d{2}/\d{2}" value={card.expiry} onInput={(event) => setCard({ ...card, expiry: event.currentTarget.value })} />}</Field>
        <Field label="CVC">{(props) => <input {...props} name="cvc" inputMode="numeric" autoComplete="cc-csc" required pattern="\d{3,4}" value={card.cvc} onInput={(event) => setCard({ ...card, cvc: event.currentTarget.value })} />}</Field>
      </div>
      <Field label="Name on card">{(props) => <input {...props} name="ccname" autoComplete="cc-name" value={card.name} onInput={(event) => setCard({ ...card, name: event.currentTarget.value })} />}</Field>
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>{busy ? 'Paying…' : 'Pay now'}</button>
      <details class="test-cards">
        <summary>Sandbox test cards</summary>
        <ul>{testCards.map((entry) => <li key={entry.number}><code>{groupCardNumber(entry.number)}</code> — {entry.label}</li>)}</ul>
      </details>
    </form>
  );
}
