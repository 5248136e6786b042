import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { loadSettings, passwordHashing } from '@ecommerce/platform';
import type { Logger } from '@ecommerce/platform';
import { runComponents } from '../components';
import type { Figure, SectionResult } from './report';
import { percentile } from './rate';
import { withTempDir } from './temp-dir';
import { waitFor } from './wait-for';

const section = 'http';
const benchAdmin = { email: 'bench-admin@bench.test', password: 'Quartz-Lighthouse-Passphrase-2026' };
// One client IP does all the logins here: lift the per-IP limits, keep the rest as shipped.
const benchRateLimits = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000', RATE_LIMIT_REFRESH_PER_MINUTE: '1000000', RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000' };
const authWorkers = 4;

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

async function login(base: string, account: { email: string; password: string }): Promise<Tokens> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  await expectStatus(response, 200, `login as ${account.email}`);
  return (await response.json()) as Tokens;
}


/** `workers` concurrent loops of `step` for `seconds`; latencies of each call. */
async function closedLoop(seconds: number, step: (worker: number) => Promise<void>): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: authWorkers }, async (_, worker) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await step(worker);
      latencies.push(performance.now() - t0);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { latencies, perSecond: Math.round((latencies.length / ((performance.now() - started) / 1000)) * 10) / 10 };
}

/** Logins (argon2id verification dominates) and refreshes (rotation: each uses the token the previous one returned). */
async function benchAuth(base: string, seconds: number) {
  const logins = await closedLoop(seconds, async () => void (await login(base, benchAdmin)));
  const tokens = await Promise.all(Array.from({ length: authWorkers }, () => login(base, benchAdmin)));
  const refreshes = await closedLoop(seconds, async (worker) => {
    const response = await fetch(`${base}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: tokens[worker]?.refreshToken }) });
    await expectStatus(response, 200, 'a refresh');
    tokens[worker] = (await response.json()) as Tokens;
  });
  const figuresOf = (name: string, run: { latencies: number[]; perSecond: number }): Figure[] => [
    { section, metric: `${name} throughput`, value: run.perSecond, unit: 'req/s', note: `${authWorkers} concurrent clients, closed loop, ${seconds} s` },
    { section, metric: `${name} latency p50`, value: Math.round(percentile(run.latencies, 50) * 10) / 10, unit: 'ms' },
    { section, metric: `${name} latency p99`, value: Math.round(percentile(run.latencies, 99) * 10) / 10, unit: 'ms' },
  ];
  return {
    figures: [...figuresOf('POST login', logins), ...figuresOf('POST refresh', refreshes)],
    details: { workers: authWorkers, seconds, passwordHashing: { algorithm: 'argon2id', memoryCostKiB: passwordHashing.memoryCost, timeCost: passwordHashing.timeCost, parallelism: passwordHashing.parallelism }, logins: logins.latencies.length, refreshes: refreshes.latencies.length },
  };
}
const connections = 10;
const sku = 'BENCH-HTTP-0001';
const category = 'bench-http';

export interface HttpLoad {
  ratePerSecond: number;
  durationSeconds: number;
}

interface LoadTarget {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  body?: string;
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${await response.text()}`);
}

/** A fixed arrival rate (not a closed loop), so latency is measured at a known load; the client runs in its own worker thread. */
async function fixedRate(target: LoadTarget, load: HttpLoad, token: string) {
  const result = await autocannon({
    url: target.url,
    method: target.method,
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    ...(target.body ? { body: target.body } : {}),
    connections,
    overallRate: load.ratePerSecond,
    duration: load.durationSeconds,
    workers: 1,
  });
  const { latency } = result;
  const achieved = Math.round((result.requests.total / result.duration) * 10) / 10;
  return {
    result: {
      p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, mean: latency.mean,
      requests: result.requests.total, achievedPerSecond: achieved, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0])),
    },
    figures: [
      ...(['p50', 'p90', 'p99', 'max'] as const).map((stat): Figure => ({ section, metric: `${target.name} latency ${stat}`, value: latency[stat], unit: 'ms' })),
      { section, metric: `${target.name} achieved rate`, value: achieved, unit: 'req/s', note: `target ${load.ratePerSecond} req/s for ${load.durationSeconds} s, ${connections} connections` },
      { section, metric: `${target.name} non-2xx`, value: result.non2xx, unit: 'responses', note: `${result.errors} errors, ${result.timeouts} timeouts` },
    ],
  };
}

/**
 * §4: the whole in-process platform (gateway + mirror + projections, as `ecommerce start`)
 * on a temp DATA_DIR, one product created, then a restock command and a catalog query
 * each at a fixed rate. Components log at warn so per-request lines don't flood the output.
 */
export async function benchHttp(options: { load: HttpLoad; logger: Logger }): Promise<SectionResult> {
  const { load, logger } = options;
  return withTempDir('http', async (dir) => {
    const settings = loadSettings({ DATA_DIR: dir, HOST: '127.0.0.1', DEMO_CATALOG: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: benchAdmin.email, ADMIN_PASSWORD: benchAdmin.password, ...benchRateLimits });
    const running = await runComponents(settings, logger.child({ component: 'bench-platform' }, { level: 'warn' }), { gateway: true, mirror: true, projections: true, port: 0 });
    try {
      const { port } = running.servers[0]?.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const token = (await login(base, benchAdmin)).accessToken;
      const json = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      const created = await fetch(`${base}/api/products`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ sku, name: 'Bench HTTP product', category, price: { amount: 1990, currency: 'EUR' } }),
      });
      await expectStatus(created, 201, 'creating the bench product');

      const restock: LoadTarget = { name: 'POST restock', url: `${base}/api/inventory/${sku}/restock`, method: 'POST', body: JSON.stringify({ quantity: 1 }) };
      await expectStatus(await fetch(restock.url, { method: 'POST', headers: json, body: restock.body }), 202, 'a first restock');
      logger.info({ ...load, connections }, 'http: POST restock at a fixed rate');
      const restocks = await fixedRate(restock, load, token);

      const query: LoadTarget = { name: 'GET products', url: `${base}/api/products?category=${category}`, method: 'GET' };
      const visibleSince = performance.now();
      await waitFor(async () => ((await (await fetch(query.url)).json()) as { items?: unknown[] }).items?.length === 1, { what: 'the product reaching the read side', timeoutMs: 30_000, pollMs: 50 });
      logger.info({ ...load, connections, waitedMs: Math.round(performance.now() - visibleSince) }, 'http: GET products at a fixed rate');
      const queries = await fixedRate(query, load, token);

      logger.info({ seconds: load.durationSeconds, workers: authWorkers }, 'http: login and refresh, closed loop');
      const auth = await benchAuth(base, load.durationSeconds);

      return {
        figures: [...restocks.figures, ...queries.figures, ...auth.figures],
        details: { load, connections, componentLogLevel: 'warn', loadGenerator: 'autocannon in a worker thread', restock: restocks.result, query: queries.result, auth: auth.details },
      };
    } finally {
      await running.stop();
    }
  });
}
