import type { AddressInfo } from 'node:net';
import { loadSettings } from '@ecommerce/platform';
import type { Logger } from '@ecommerce/platform';
import { runComponents } from '../components';
import type { Figure, SectionResult } from './report';
import { withTempDir } from './temp-dir';
import { waitFor } from './wait-for';

const section = 'orders';
const admin = { email: 'orders-admin@bench.test', password: 'Cobalt-Meridian-Passphrase-31' };
const customerPassword = 'Juniper-Estuary-Passphrase-57';
const limits = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000', RATE_LIMIT_REGISTER_PER_MINUTE: '1000000', RATE_LIMIT_REFRESH_PER_MINUTE: '1000000', RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000' };

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Orders end to end in one process (embedded adapters): orders placed over HTTP at a fixed rate,
 * then, from each order's own stream, the time from OrderPlaced to OrderConfirmed as recorded by
 * the event store — no polling skews it. Throughput is orders confirmed over the span from the
 * first placement to the last confirmation.
 */
export async function benchOrders(options: { ratePerSecond: number; seconds: number; logger: Logger }): Promise<SectionResult> {
  return withTempDir('orders', async (dir) => {
    const settings = loadSettings({ DATA_DIR: dir, HOST: '127.0.0.1', DEMO_CATALOG: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ...limits });
    const running = await runComponents(settings, options.logger.child({ component: 'bench-orders' }, { level: 'warn' }), { gateway: true, mirror: true, projections: true, processors: true, port: 0 });
    try {
      const { port } = running.servers[0]?.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const adminToken = String((await post(`${base}/api/auth/login`, admin)).accessToken);
      const productIds: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        const created = await post(`${base}/api/products`, { sku: `BENCH-ORD-${index}`, name: `Bench order product ${index}`, category: 'bench', price: { amount: 1000 + index, currency: 'EUR' }, initialStock: 1_000_000 }, adminToken);
        productIds.push(String(created.id));
      }
      const tokens: string[] = [];
      for (let index = 0; index < 8; index += 1) {
        const email = `orders-customer-${index}@bench.test`;
        await post(`${base}/api/auth/register`, { email, password: customerPassword, name: `Customer ${index}` });
        tokens.push(String((await post(`${base}/api/auth/login`, { email, password: customerPassword })).accessToken));
      }
      const figures: Figure[] = [];
      const details: Record<string, unknown> = {};
      for (const items of [1, 3]) {
        const orderIds: string[] = [];
        const interval = 1000 / options.ratePerSecond;
        const total = Math.round(options.ratePerSecond * options.seconds);
        const started = performance.now();
        const inFlight: Array<Promise<void>> = [];
        for (let index = 0; index < total; index += 1) {
          const due = started + index * interval;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          const lines = productIds.slice(0, items).map((productId) => ({ productId, quantity: 1 }));
          inFlight.push(post(`${base}/api/orders`, { lines }, tokens[index % tokens.length]).then((answer) => void orderIds.push(String(answer.orderId ?? answer.id))));
        }
        await Promise.all(inFlight);
        const statusOf = async (orderId: string) => (await running.adapters.eventStore.readStream(`order-${orderId}`)).map((event) => event);
        await waitFor(async () => (await Promise.all(orderIds.map(async (orderId) => (await statusOf(orderId)).some((event) => event.type === 'OrderConfirmed' || event.type === 'OrderRejected')))).every(Boolean), { what: 'every order answered', timeoutMs: 120_000, pollMs: 200 });
        const latencies: number[] = [];
        let first = Number.POSITIVE_INFINITY;
        let last = 0;
        let rejected = 0;
        for (const orderId of orderIds) {
          const events = await statusOf(orderId);
          const placed = events.find((event) => event.type === 'OrderPlaced');
          const confirmed = events.find((event) => event.type === 'OrderConfirmed');
          if (!placed) continue;
          if (!confirmed) {
            rejected += 1;
            continue;
          }
          latencies.push(confirmed.recordedAt.getTime() - placed.recordedAt.getTime());
          first = Math.min(first, placed.recordedAt.getTime());
          last = Math.max(last, confirmed.recordedAt.getTime());
        }
        latencies.sort((a, b) => a - b);
        const perSecond = Math.round((latencies.length / Math.max(0.001, (last - first) / 1000)) * 10) / 10;
        const name = `${items}-item orders`;
        figures.push(
          { section, metric: `${name} confirmed/s`, value: perSecond, unit: 'orders/s', note: `offered ${options.ratePerSecond}/s for ${options.seconds} s over HTTP, embedded, one process` },
          { section, metric: `${name} placed→confirmed p50`, value: percentile(latencies, 50), unit: 'ms' },
          { section, metric: `${name} placed→confirmed p99`, value: percentile(latencies, 99), unit: 'ms', note: `${latencies.length} confirmed, ${rejected} rejected` },
        );
        details[name] = { offered: total, confirmed: latencies.length, rejected, p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 };
      }
      details.memory = process.memoryUsage();
      details.cpu = process.cpuUsage();
      return { figures, details };
    } finally {
      await running.stop();
    }
  });
}
