import type { Logger } from '@ecommerce/platform';
import { freePort, startComponent } from '../e2e/processes';
import { createBenchHttpClient } from './bench-http-client';
import type { BenchHttpClient } from './bench-http-client';
import { benchAdmin } from './orders-fixtures';
import { stopOrdersTopology, waitUntilHealthy } from './orders-topology';
import type { OrdersTopology } from './orders-topology';
import { procAvailable, sampleProcess } from './process-usage';
import { percentile, round1, sleep } from './rate';
import type { Figure, SectionResult } from './report';
import { openSseStream } from './sse-stream';
import type { OpenSseStream } from './sse-stream';
import { withTempDir } from './temp-dir';
import { waitFor } from './wait-for';

const section = 'sse';
// the bench logs in far faster than any real client: the limits would measure themselves
const unlimitedAuth = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000', RATE_LIMIT_REGISTER_PER_MINUTE: '1000000', RATE_LIMIT_REFRESH_PER_MINUTE: '1000000', RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000' };

/**
 * One `ecommerce start` as an OS process on `dir`, with `env` over the bench's settings, logged in
 * as the admin; healthy first, or with `listening` only answering HTTP: while its projections
 * catch up on a large history, /health times out on its slower checks and says degraded.
 */
export async function withEmbeddedProcess<T>(dir: string, env: Record<string, string>, logger: Logger, work: (platform: { baseUrl: string; pid: number; client: BenchHttpClient; adminToken: string }) => Promise<T>, ready: 'healthy' | 'listening' = 'healthy'): Promise<T> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const start = startComponent(['start'], {
    DATA_DIR: dir, HOST: '127.0.0.1', PORT: String(port), DEMO_CATALOG: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: benchAdmin.email, ADMIN_PASSWORD: benchAdmin.password,
    ACCESS_TOKEN_TTL_SECONDS: '3600', ...unlimitedAuth, ...env,
  });
  const topology: OrdersTopology = { baseUrl, healthUrls: { start: `${baseUrl}/health` }, processes: { start }, cleanup: async () => undefined };
  const client = createBenchHttpClient(baseUrl, 16);
  try {
    if (ready === 'healthy') await waitUntilHealthy(topology, 'embedded');
    else await waitFor(() => fetch(`${baseUrl}/health`).then(() => true, () => false), { what: 'the platform answering HTTP', timeoutMs: 120_000, pollMs: 250, failure: () => (start.child.exitCode !== null ? `it exited: ${start.output().slice(-2000)}` : undefined) });
    const adminToken = String((await client.must('POST', '/api/auth/login', benchAdmin)).accessToken);
    return await work({ baseUrl, pid: start.child.pid as number, client, adminToken });
  } catch (error) {
    logger.error({ output: start.output().slice(-3000) }, 'bench: the platform process\'s last output');
    throw error;
  } finally {
    client.close();
    await stopOrdersTopology(topology);
  }
}

const mib = (bytes: number) => round1(bytes / 1024 ** 2);

interface Listener {
  stream?: OpenSseStream;
  productIndex: number;
  /** The last availability the stream told. */
  available: number;
  /** When the stream told each round's availability (performance.now()). */
  deliveredAt: Map<number, number>;
  ended: boolean;
}

/**
 * Issue 11's fan-out: `streams` open `GET /api/products/:id/live` streams (anonymous, spread over a
 * few products) on one `ecommerce start`, then restocks, each round all products at once; the
 * latency is from the restock sent to each stream's event telling the new availability, and the
 * process's RSS is read from /proc before and with the streams open.
 */
export async function benchSse(options: { streams: number; rounds: number; logger: Logger }): Promise<SectionResult> {
  const { streams, rounds, logger } = options;
  const productCount = 4;
  const initialStock = 100;
  const restockBy = 5;
  const pollIntervalMs = 250;
  return withTempDir('sse', (dir) => withEmbeddedProcess(dir, {
    // anonymous streams are bounded per client IP, and the bench is one IP
    SSE_MAX_CONNECTIONS_PER_USER: String(Math.max(streams, 5)),
    SSE_POLL_INTERVAL_MS: String(pollIntervalMs),
  }, logger, async ({ baseUrl, pid, client, adminToken }) => {
    const products: Array<{ id: string; sku: string }> = [];
    for (let index = 0; index < productCount; index += 1) {
      const sku = `BENCH-SSE-${index}`;
      const created = await client.must('POST', '/api/products', { sku, name: `Bench live product ${index}`, category: 'bench', price: { amount: 1500, currency: 'EUR' }, initialStock }, adminToken);
      products.push({ id: String(created.id), sku });
    }
    const availableOf = async (id: string) => ((await client.request('GET', `/api/products/${id}`)).body.stock as { available?: number } | undefined)?.available;
    for (const product of products) await waitFor(async () => (await availableOf(product.id)) === initialStock, { what: 'the products readable with their stock', timeoutMs: 30_000, pollMs: 50 });
    await sleep(500);
    const before = procAvailable() ? sampleProcess(pid) : null;

    const listeners: Listener[] = Array.from({ length: streams }, (_, index) => ({ productIndex: index % productCount, available: -1, deliveredAt: new Map(), ended: false }));
    logger.info({ streams, products: productCount }, 'sse: opening the streams');
    const openStarted = performance.now();
    // in batches: a thousand connects at once would measure the accept queue, not the streams
    for (let from = 0; from < listeners.length; from += 50) {
      await Promise.all(listeners.slice(from, from + 50).map(async (listener) => {
        const product = products[listener.productIndex] as { id: string };
        listener.stream = await openSseStream(baseUrl, `/api/products/${product.id}/live`, (event) => {
          if (event.event !== 'availability') return;
          const available = (JSON.parse(event.data) as { available: number }).available;
          listener.available = available;
          if (!listener.deliveredAt.has(available)) listener.deliveredAt.set(available, performance.now());
        }, () => void (listener.ended = true));
      }));
    }
    await waitFor(() => listeners.every((listener) => listener.available === initialStock), { what: `the first event on all ${streams} streams`, timeoutMs: 60_000, pollMs: 20 });
    const openedMs = round1(performance.now() - openStarted);
    await sleep(1000);
    const withStreams = procAvailable() ? sampleProcess(pid) : null;

    const latencies: number[] = [];
    try {
      for (let round = 1; round <= rounds; round += 1) {
        const expected = initialStock + round * restockBy;
        const sentAt = performance.now();
        await Promise.all(products.map((product) => client.must('POST', `/api/inventory/${product.sku}/restock`, { quantity: restockBy }, adminToken)));
        await waitFor(() => listeners.every((listener) => listener.deliveredAt.has(expected)), {
          what: `round ${round}: availability ${expected} on all ${streams} streams`, timeoutMs: 30_000, pollMs: 5,
          failure: () => (listeners.some((listener) => listener.ended) ? 'a stream was closed by the server' : undefined),
        });
        latencies.push(...listeners.map((listener) => (listener.deliveredAt.get(expected) as number) - sentAt));
        await sleep(300);
      }
    } finally {
      for (const listener of listeners) listener.stream?.close();
    }
    latencies.sort((a, b) => a - b);
    const stat = (p: number) => round1(percentile(latencies, p));
    const note = `${streams} streams on ${productCount} products, ${rounds} restock rounds, poll ${pollIntervalMs} ms`;
    const figures: Figure[] = [
      { section, metric: 'delivery latency p50', value: stat(50), unit: 'ms', note: 'restock sent → event on the stream' },
      { section, metric: 'delivery latency p99', value: stat(99), unit: 'ms', note },
      { section, metric: 'delivery latency max', value: round1(latencies.at(-1) ?? 0), unit: 'ms' },
      { section, metric: 'streams opened', value: streams, unit: 'streams', note: `all with their first event in ${openedMs} ms` },
    ];
    if (before && withStreams) {
      figures.push(
        { section, metric: 'process RSS before', value: mib(before.rssBytes), unit: 'MiB' },
        { section, metric: 'process RSS with streams', value: mib(withStreams.rssBytes), unit: 'MiB', note: `+${round1((withStreams.rssBytes - before.rssBytes) / 1024 / streams)} KiB per stream` },
      );
    }
    return { figures, details: { streams, rounds, productCount, pollIntervalMs, openedMs, deliveries: latencies.length, rssBefore: before?.rssBytes, rssWithStreams: withStreams?.rssBytes, p50: stat(50), p90: stat(90), p99: stat(99) } };
  }));
}
