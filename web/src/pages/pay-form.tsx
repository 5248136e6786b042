import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Field, Price } from '../components/ui';
import { command } from '../lib/use-query';
import { groupCardNumber, paymentMethodOf, testCards } from '../lib/test-cards';
import type { Money } from '../lib/money';

/**
 * The sandbox card form: the number is turned into a payment-method token here, in the page;
 * only the token goes to the API (as a provider's card element would do it).
 */
export function PayForm({ orderId, total, onPaid }: { orderId: string; total: Money; onPaid: (token: string | undefined) => void }) {
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
