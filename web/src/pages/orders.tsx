import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Link, Price, Spinner, StatusBadge, formatDate } from '../components/ui';
import { orderNumber } from '../lib/order-number';
import { must, useQuery } from '../lib/use-query';

export function OrdersPage() {
  const { api } = useApp();
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors.at(-1);
  const page = useQuery(() => must(api.client.GET('/api/orders', { params: { query: { limit: 20, cursor } } })), [cursor]);
  return (
    <section class="orders-page">
      <h1>Your orders</h1>
      <ErrorBox error={page.error} />
      {page.loading && !page.data && <Spinner />}
      {page.data?.items.length === 0 && <p class="empty">No orders yet. <Link href="/">Start shopping</Link>.</p>}
      {page.data && page.data.items.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">Your orders, newest first</caption>
          <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Items</th><th scope="col">Total</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {page.data.items.map((order) => (
              <tr key={order.id}>
                <td><Link href={`/orders/${order.id}`}>{orderNumber(order.id)}</Link></td>
                <td>{formatDate(order.placedAt)}</td>
                <td>{order.lines.reduce((sum, line) => sum + line.quantity, 0)}</td>
                <td><Price money={order.total} /></td>
                <td><StatusBadge status={order.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label="Pages">
        {cursors.length > 1 && <button class="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>← Newer</button>}
        {page.data?.nextCursor && <button class="secondary" onClick={() => setCursors([...cursors, page.data?.nextCursor ?? undefined])}>Older →</button>}
      </nav>
    </section>
  );
}
