import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Link, Price, Spinner, StatusBadge, formatDate } from '../components/ui';
import { orderNumber } from '../lib/order-number';
import { command, must, useQuery } from '../lib/use-query';
import { subscribe } from '../lib/live';
import { takeToken } from '../lib/pending';
import { PayForm } from './pay-form';

const finished = new Set(['completed', 'refunded', 'rejected', 'expired', 'cancelled']);
const cancellable = new Set(['placed', 'confirmed', 'paid']);

/**
 * The order, kept current: its event stream says when it changed (then the whole view is read
 * again, with the change's revision known to be there); where there is no stream, it is polled.
 */
function useLiveOrder(id: string) {
  const { api } = useApp();
  const session = api.session;
  const [token, setToken] = useState<string | undefined>(() => takeToken(`order:${id}`));
  const [polling, setPolling] = useState(false);
  const order = useQuery(
    () => must(api.client.GET('/api/orders/{id}', { params: { path: { id }, header: token ? { 'x-consistency-token': token } : {} } })),
    [id, token],
    { pollMs: polling ? 3000 : undefined },
  );
  useEffect(() => {
    const stop = subscribe(`/api/orders/${encodeURIComponent(id)}/live`, {
      token: () => session.accessToken(),
      onEvent: (event) => {
        if (event.event === 'status') void order.reload(true);
      },
      onUnavailable: () => setPolling(true),
    });
    return stop;
  }, [id]);
  return { order, setToken };
}

export function OrderPage({ id }: { id: string }) {
  const { api } = useApp();
  const { order, setToken } = useLiveOrder(id);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (order.loading && !order.data) return <Spinner label="Loading your order…" />;
  if (!order.data) return <ErrorBox error={(order.error as { status?: number })?.status === 404 ? 'There is no such order in your account.' : order.error} />;
  const view = order.data;

  const act = async (run: () => Promise<{ token: string | undefined }>) => {
    setBusy(true);
    setError(undefined);
    try {
      setToken((await run()).token);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const needsAction = view.payment.status === 'requires_action';

  return (
    <article class="order-page">
      <nav class="breadcrumbs" aria-label="Breadcrumb"><Link href="/orders">Your orders</Link> › <span aria-current="page">{orderNumber(view.id)}</span></nav>
      <header class="order-head">
        <h1>Order {orderNumber(view.id)}</h1>
        <p aria-live="polite">Status: <StatusBadge status={view.status} /> <span class="muted">placed {formatDate(view.placedAt)}</span></p>
      </header>
      <ErrorBox error={error} />
      {view.status === 'placed' && <p class="alert info" role="status">We are reserving your items…</p>}
      {view.status === 'confirmed' && view.paymentDeadline && <p class="alert info">Your items are reserved until {formatDate(view.paymentDeadline)}. Pay to complete the order.</p>}
      {view.status === 'confirmed' && view.payment.status === 'declined' && <p class="alert error" role="alert">The payment was declined{view.payment.attempts.at(-1)?.declineCode ? ` (${view.payment.attempts.at(-1)?.declineCode})` : ''}. Try another card.</p>}
      {view.status === 'confirmed' && needsAction && <PaymentAction paymentId={view.payment.paymentId} />}
      {view.status === 'confirmed' && !needsAction && view.payment.status !== 'requested' && view.payment.status !== 'authorized' && <PayForm orderId={view.id} total={view.total} onPaid={(token) => setToken(token)} />}
      {view.status === 'confirmed' && view.payment.status === 'requested' && <p class="alert info" role="status">Payment in progress…</p>}

      <div class="order-layout">
        <section class="card" aria-labelledby="items-title">
          <h2 id="items-title">Items</h2>
          <ul class="order-lines">
            {view.lines.map((line) => <li key={line.productId}><Link href={`/products/${line.productId}`}>{line.name}</Link> <span class="muted">× {line.quantity}</span> <Price money={{ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency }} /></li>)}
          </ul>
          <p class="total">Total <Price money={view.total} className="price big" /></p>
          {view.shippingAddress && <p class="address-block"><strong>Ships to</strong><br />{view.shippingAddress.recipient}<br />{view.shippingAddress.line1}{view.shippingAddress.line2 ? <><br />{view.shippingAddress.line2}</> : null}<br />{view.shippingAddress.postalCode} {view.shippingAddress.city}, {view.shippingAddress.country}</p>}
          {view.shipment && <p><strong>Shipment</strong> <StatusBadge status={view.shipment.status} /> {view.shipment.carrier && <>{view.shipment.carrier} · tracking <code>{view.shipment.trackingNumber}</code></>}</p>}
          {view.refund.status !== 'none' && <p><strong>Refund</strong> <StatusBadge status={view.refund.status} /> <Price money={view.refund.succeeded} /> refunded</p>}
          <div class="actions">
            {cancellable.has(view.status) && <button class="secondary" disabled={busy} onClick={() => void act(() => command(api.client.POST('/api/orders/{id}/cancel', { params: { path: { id } }, body: {} })))}>Cancel order</button>}
            {view.status === 'delivered' && <button disabled={busy} onClick={() => void act(() => command(api.client.POST('/api/orders/{id}/accept', { params: { path: { id } } })))}>Accept delivery</button>}
          </div>
          {view.status === 'delivered' && view.delivery && <ReturnForm order={view} busy={busy} onSubmit={(body) => act(() => command(api.client.POST('/api/orders/{id}/return', { params: { path: { id } }, body })))} />}
        </section>
        <section class="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <ol class="timeline">
            {view.timeline.map((step, index) => <li key={index}><StatusBadge status={step.status} /> <span>{step.event.replace(/([a-z])([A-Z])/g, '$1 $2')}</span> <time dateTime={step.at}>{formatDate(step.at)}</time></li>)}
          </ol>
          {!finished.has(view.status) && <p class="muted small">This page updates by itself.</p>}
        </section>
      </div>
    </article>
  );
}

/** Where the hosted checkout sent the customer back: `?checkout=success` or `cancelled` on the order page. */
const checkoutReturn = (): string | null => (typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('checkout'));

/**
 * The payment waits for the customer at the provider: the sandbox's 3-D Secure page, or the
 * hosted checkout (Stripe). Back from a paid checkout, the webhook settles it in a moment and the
 * live order view moves on by itself.
 */
function PaymentAction({ paymentId }: { paymentId: string | null }) {
  const { api } = useApp();
  const payment = useQuery(() => (paymentId ? must(api.client.GET('/api/payments/{id}', { params: { path: { id: paymentId } } })) : Promise.resolve(undefined)), [paymentId]);
  const url = payment.data?.redirectUrl;
  if (url && !url.includes('/api/payments/sandbox/')) {
    if (checkoutReturn() === 'success') return <p class="alert info" role="status">Thank you: we are confirming your payment with the payment provider…</p>;
    const left = checkoutReturn() === 'cancelled' ? 'You left the payment page before paying. ' : 'Your payment is not finished yet. ';
    return <p class="alert info">{left}<a href={url}>Continue to secure payment</a></p>;
  }
  return <p class="alert info">Your bank asks you to confirm this payment. {url ? <a href={url}>Confirm with your bank</a> : 'Loading…'}</p>;
}

type ReturnBody = { lines: Array<{ productId: string; quantity: number }>; reason: string };

function ReturnForm({ order, busy, onSubmit }: { order: { lines: Array<{ productId: string; name: string; quantity: number }>; delivery: { returnWindowEndsAt: string } | null }; busy: boolean; onSubmit: (body: ReturnBody) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  if (!open) return <button class="secondary" onClick={() => setOpen(true)}>Request a return</button>;
  const lines = Object.entries(quantities).filter(([, quantity]) => quantity > 0).map(([productId, quantity]) => ({ productId, quantity }));
  return (
    <form class="return-form" onSubmit={(event) => { event.preventDefault(); void onSubmit({ lines, reason }); }}>
      <h3>Return items <span class="muted small">(until {formatDate(order.delivery?.returnWindowEndsAt)})</span></h3>
      {order.lines.map((line) => (
        <label key={line.productId} class="row">{line.name} <input type="number" min={0} max={line.quantity} value={quantities[line.productId] ?? 0} onInput={(event) => setQuantities({ ...quantities, [line.productId]: Number(event.currentTarget.value) || 0 })} /></label>
      ))}
      <label>Reason <textarea required maxLength={500} value={reason} onInput={(event) => setReason(event.currentTarget.value)} /></label>
      <button type="submit" disabled={busy || lines.length === 0}>Send return request</button>
    </form>
  );
}
