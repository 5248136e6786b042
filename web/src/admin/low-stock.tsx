import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { DataTable } from '../components/data-table';
import type { Column } from '../components/data-table';
import { ErrorBox, Link, Spinner } from '../components/ui';
import type { paths } from '../api/client';
import { command, must, useQuery } from '../lib/use-query';

type LowStockItem = paths['/api/admin/inventory/low-stock']['get']['responses'][200]['content']['application/json']['items'][number];

/** One SKU's threshold form: a number, or empty for the shop's default. */
function ThresholdForm({ item, defaultThreshold, onSaved }: { item: LowStockItem; defaultThreshold: number; onSaved: (token: string | undefined, message: string) => void }) {
  const { api } = useApp();
  const [value, setValue] = useState(item.thresholdSource === 'sku' ? String(item.threshold) : '');
  const [error, setError] = useState<unknown>();
  const id = `threshold-${item.sku}`;
  const save = async () => {
    setError(undefined);
    const threshold = value.trim() === '' ? null : Number(value);
    try {
      const answer = await command(api.client.PUT('/api/admin/inventory/{sku}/low-stock-threshold', { params: { path: { sku: item.sku } }, body: { threshold } }));
      onSaved(answer.token, threshold === null ? `${item.sku} uses the default threshold (${defaultThreshold})` : `${item.sku} is low at ${threshold} or fewer`);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form class="inline-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <label for={id} class="visually-hidden">Low-stock threshold for {item.sku}</label>
      <input id={id} type="number" min={0} step={1} inputMode="numeric" placeholder={`default (${defaultThreshold})`} value={value} onInput={(event) => setValue(event.currentTarget.value)} />
      <button type="submit" class="secondary small">Set</button>
      <ErrorBox error={error} />
    </form>
  );
}

export function AdminLowStockPage() {
  const { api, toast } = useApp();
  const [token, setToken] = useState<string | undefined>();
  const list = useQuery(() => must(api.client.GET('/api/admin/inventory/low-stock', { params: { query: { limit: 100 }, header: token ? { 'x-consistency-token': token } : {} } })), [token]);
  const defaultThreshold = list.data?.defaultThreshold ?? 0;
  const columns: Array<Column<LowStockItem>> = [
    { header: 'SKU', cell: (item) => <Link href={`/admin/stock?sku=${encodeURIComponent(item.sku)}`}>{item.sku}</Link> },
    { header: 'Available', kind: 'numeric', cell: (item) => item.available },
    { header: 'Threshold', kind: 'numeric', cell: (item) => <>{item.threshold}{item.thresholdSource === 'default' && <span class="muted small"> (default)</span>}</> },
    { header: 'Shortfall', kind: 'numeric', cell: (item) => <strong class={item.shortfall > 0 ? 'shortfall' : undefined}>{item.shortfall}</strong> },
    { header: 'Set threshold', kind: 'actions', cell: (item) => <ThresholdForm key={`${item.sku}-${item.threshold}-${item.thresholdSource}`} item={item} defaultThreshold={defaultThreshold} onSaved={(next, message) => { setToken(next); toast(message); }} /> },
  ];
  return (
    <section>
      <h1>Low stock</h1>
      <p class="muted">SKUs whose available stock is at or below their threshold — their own, else the default of {list.data ? defaultThreshold : '…'} — most short first. Leave a threshold empty to use the default.</p>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Spinner />}
      <DataTable caption="SKUs at or below their low-stock threshold" captionHidden columns={columns} rows={list.data?.items} rowKey={(item) => item.sku} empty="No SKU is low on stock." />
    </section>
  );
}
