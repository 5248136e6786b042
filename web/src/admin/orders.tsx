import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Link, Price, Spinner, StatusBadge, formatDate } from '../components/ui';
import { orderNumber } from '../lib/order-number';
import { Pager, useCursorPages } from '../components/pager';
import { command, must, useQuery } from '../lib/use-query';

const orderStatuses = ['placed', 'confirmed', 'paid', 'shipped', 'delivered', 'completed', 'return_requested', 'returned', 'refunded', 'rejected', 'expired', 'cancelled'] as const;
const shipmentStatuses = ['open', 'dispatched', 'delivered', 'return_requested', 'returned', 'cancelled'] as const;

export function AdminOrdersPage() {
  const { api, toast } = useApp();
  const [status, setStatus] = useState<(typeof orderStatuses)[number] | ''>('');
  const [from, setFrom] = useState('');
  const pages = useCursorPages();
  const { cursor } = pages;
  const [token, setToken] = useState<string | undefined>();
  const page = useQuery(() => must(api.client.GET('/api/admin/orders', { params: { query: { status: status || undefined, from: from || undefined, limit: 20, cursor }, header: token ? { 'x-consistency-token': token } : {} } })), [status, from, cursor, token]);
  const [error, setError] = useState<unknown>();
  const refund = async (paymentId: string) => {
    const reason = window.prompt('Reason for the refund (the whole remaining amount is refunded)');
    if (!reason) return;
    try {
      setToken((await command(api.client.POST('/api/admin/payments/{id}/refund', { params: { path: { id: paymentId } }, body: { reason } }))).token);
      toast('Refund requested');
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section>
      <h1>Orders</h1>
      <div class="filters-inline">
        <label>Status <select value={status} onChange={(event) => { setStatus(event.currentTarget.value as typeof status); pages.restart(); }}><option value="">Any</option>{orderStatuses.map((value) => <option key={value} value={value}>{value.replace(/_/g, ' ')}</option>)}</select></label>
        <label>Placed since <input type="date" value={from} onInput={(event) => { setFrom(event.currentTarget.value); pages.restart(); }} /></label>
      </div>
      <ErrorBox error={page.error ?? error} />
      {page.loading && !page.data && <Spinner />}
      <table class="table">
        <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col">Payment</th><th scope="col">Refund</th><th scope="col">Shipment</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {page.data?.items.map((order) => (
            <tr key={order.id}>
              <td><Link href={`/orders/${order.id}`}>{orderNumber(order.id)}</Link></td>
              <td>{formatDate(order.placedAt)}</td>
              <td><Price money={order.total} /></td>
              <td><StatusBadge status={order.status} /></td>
              <td><StatusBadge status={order.payment.status} /></td>
              <td>{order.refund.status === 'none' ? '—' : <><StatusBadge status={order.refund.status} /> <Price money={order.refund.succeeded} /></>}</td>
              <td>{order.shipment ? <StatusBadge status={order.shipment.status} /> : '—'}</td>
              <td>{order.payment.paymentId && order.payment.status === 'captured' && order.refund.status !== 'refunded' && <button class="secondary small" onClick={() => void refund(order.payment.paymentId as string)}>Refund</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pages={pages} nextCursor={page.data?.nextCursor} />
    </section>
  );
}

export function AdminShipmentsPage() {
  const { api, toast } = useApp();
  const [status, setStatus] = useState<(typeof shipmentStatuses)[number] | ''>('open');
  const [token, setToken] = useState<string | undefined>();
  const page = useQuery(() => must(api.client.GET('/api/admin/shipments', { params: { query: { status: status || undefined, limit: 50 }, header: token ? { 'x-consistency-token': token } : {} } })), [status, token]);
  const [dispatching, setDispatching] = useState<Record<string, { carrier: string; trackingNumber: string }>>({});
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
      <h1>Shipments</h1>
      <div class="filters-inline">
        <label>Status <select value={status} onChange={(event) => setStatus(event.currentTarget.value as typeof status)}><option value="">Any</option>{shipmentStatuses.map((value) => <option key={value} value={value}>{value.replace(/_/g, ' ')}</option>)}</select></label>
      </div>
      <ErrorBox error={page.error ?? error} />
      {page.loading && !page.data && <Spinner />}
      {page.data?.items.length === 0 && <p class="empty">No shipments {status ? `with status ${status.replace(/_/g, ' ')}` : ''}.</p>}
      <ul class="shipments">
        {page.data?.items.map((shipment) => {
          const form = dispatching[shipment.id] ?? { carrier: 'La Poste', trackingNumber: '' };
          return (
            <li key={shipment.id} class="card shipment">
              <div class="shipment-head"><strong>Order <Link href={`/orders/${shipment.orderId}`}>{orderNumber(shipment.orderId)}</Link></strong> <StatusBadge status={shipment.status} /> <span class="muted small">opened {formatDate(shipment.openedAt)}</span></div>
              <p>{shipment.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}</p>
              <p class="muted small">{shipment.address.recipient}, {shipment.address.line1}, {shipment.address.postalCode} {shipment.address.city}, {shipment.address.country}</p>
              {shipment.carrier && <p>{shipment.carrier} · <code>{shipment.trackingNumber}</code></p>}
              {shipment.status === 'open' && (
                <form class="row" onSubmit={(event) => { event.preventDefault(); void run(() => command(api.client.POST('/api/admin/shipments/{id}/dispatch', { params: { path: { id: shipment.id } }, body: form })), 'Dispatched'); }}>
                  <label>Carrier <input required value={form.carrier} onInput={(event) => setDispatching({ ...dispatching, [shipment.id]: { ...form, carrier: event.currentTarget.value } })} /></label>
                  <label>Tracking number <input required pattern="[A-Za-z0-9][A-Za-z0-9 \-]{2,48}[A-Za-z0-9]" value={form.trackingNumber} onInput={(event) => setDispatching({ ...dispatching, [shipment.id]: { ...form, trackingNumber: event.currentTarget.value } })} /></label>
                  <button type="submit">Dispatch</button>
                </form>
              )}
              {shipment.status === 'dispatched' && <button onClick={() => void run(() => command(api.client.POST('/api/admin/shipments/{id}/deliver', { params: { path: { id: shipment.id } } })), 'Marked delivered')}>Mark delivered</button>}
              {shipment.status === 'return_requested' && shipment.returnRequest && (
                <button onClick={() => void run(() => command(api.client.POST('/api/admin/shipments/{id}/returned', { params: { path: { id: shipment.id } }, body: { lines: (shipment.returnRequest?.lines ?? []).map((line) => ({ sku: line.sku, restocked: line.quantity, damaged: 0 })) } })), 'Return received and restocked')}>
                  Return received (restock all)
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
