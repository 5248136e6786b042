import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context';
import { BarChart } from '../components/bar-chart';
import { ErrorBox, Link } from '../components/ui';
import { subscribe } from '../lib/live';
import { parsePrometheus, sumBy, total } from '../lib/metrics';
import { useQuery } from '../lib/use-query';

interface AdminFigures {
  ordersByStatus: Record<string, number>;
  stockAlerts: { defaultThreshold: number; count: number; items: Array<{ sku: string; available: number }> };
  projections: Array<{ projection: string; lagMessages: number }>;
}

/** The admin figures stream (orders per status, stock alerts, projection lag), when the query API offers it. */
function useAdminFigures(): AdminFigures | undefined {
  const { api } = useApp();
  const [figures, setFigures] = useState<AdminFigures>();
  useEffect(() => subscribe('/api/admin/live', {
    token: () => api.session.accessToken(),
    onEvent: (event) => {
      if (event.event === 'figures') setFigures(JSON.parse(event.data) as AdminFigures);
    },
    onUnavailable: () => undefined,
  }), []);
  return figures;
}

export function AdminOpsPage() {
  const metrics = useQuery(async () => {
    const response = await fetch('/metrics');
    if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
    return parsePrometheus(await response.text());
  }, [], { pollMs: 5000 });
  const figures = useAdminFigures();
  const samples = metrics.data ?? [];
  const projectionLag = figures ? figures.projections.map((entry) => ({ key: entry.projection, value: entry.lagMessages })) : sumBy(samples, 'projection_lag_messages', 'projection');
  return (
    <section class="ops">
      <h1>Operations</h1>
      <p class="muted">Live from <code>/metrics</code>{figures ? ' and the admin event stream' : ''}; refreshed every few seconds.</p>
      <ErrorBox error={metrics.error} />
      <dl class="figures">
        <div><dt>Mirror lag (events)</dt><dd>{total(samples, 'mirror_lag_events')}</dd></div>
        <div><dt>Dead letters</dt><dd>{total(samples, 'dlq_messages_total') + total(samples, 'mirror_events_dead_lettered_total')}</dd></div>
        <div><dt>Events appended</dt><dd>{total(samples, 'events_appended_total')}</dd></div>
        <div><dt>Mirror published</dt><dd>{total(samples, 'mirror_events_published_total')}</dd></div>
        {figures && <div><dt><Link href="/admin/low-stock">Low-stock SKUs</Link></dt><dd>{figures.stockAlerts.count}</dd></div>}
      </dl>
      <div class="charts">
        {figures && <BarChart title="Orders per status" data={Object.entries(figures.ordersByStatus).map(([key, value]) => ({ key, value })).filter((row) => row.value > 0).sort((a, b) => b.value - a.value)} />}
        <BarChart title="Projection lag (messages)" data={projectionLag} />
        <BarChart title="Events appended, by type" data={sumBy(samples, 'events_appended_total', 'type')} />
        <BarChart title="Consumer lag by partition" data={samples.filter((sample) => sample.name === 'projection_lag_messages').map((sample) => ({ key: `${sample.labels.projection ?? ''}/${sample.labels.partition ?? ''}`, value: sample.value })).sort((a, b) => b.value - a.value)} />
        {figures && <BarChart title="Lowest stock" data={figures.stockAlerts.items.map((item) => ({ key: item.sku, value: item.available }))} />}
      </div>
    </section>
  );
}
