import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { openSqliteEventStore } from '@ecommerce/platform';
import type { EventStore, Logger } from '@ecommerce/platform';
import { startComponent } from '../e2e/processes';
import type { ComponentProcess } from '../e2e/processes';
import { procAvailable, watchProcesses } from './process-usage';
import type { SpanUsage } from './process-usage';
import type { Figure, SectionResult } from './report';
import { sleep } from './rate';
import { withTempDir } from './temp-dir';
import { waitFor } from './wait-for';

type Mode = 'embedded' | 'kafka';
const admin = { email: 'orders-admin@bench.test', password: 'Cobalt-Meridian-Passphrase-31' };
const customerPassword = 'Juniper-Estuary-Passphrase-57';
const limits = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000', RATE_LIMIT_REGISTER_PER_MINUTE: '1000000', RATE_LIMIT_REFRESH_PER_MINUTE: '1000000', RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000' };
const serverSettingNames = ['KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL', 'MONGO_URL'] as const;
const visiblePollMs = 10;
/** Past the first 10 ms polls back off to this share of the time waited: the error stays within it, the load bounded however far the read model lags. */
const visibleBackoff = 0.02;
const visibleSamples = 25;
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round1 = (value: number) => Math.round(value * 10) / 10;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** JSON over keep-alive connections: at hundreds of requests a second, a socket per request runs out of ephemeral ports. */
function createClient(baseUrl: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(baseUrl);
  const request = (method: string, path: string, body?: unknown, token?: string) =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = { ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const req = http.request({ agent, hostname, port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown>;
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = { text };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const must = async (method: string, path: string, body?: unknown, token?: string) => {
    const answer = await request(method, path, body, token);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  return { request, must, close: () => agent.destroy() };
}

interface Topology {
  baseUrl: string;
  processes: Record<string, ComponentProcess>;
  /** Undoes what only this run created on shared servers. */
  cleanup: () => Promise<void>;
}

const common = (dir: string) => ({
  DATA_DIR: dir, HOST: '127.0.0.1', DEMO_CATALOG: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password,
  ACCESS_TOKEN_TTL_SECONDS: '3600', ...limits,
});

async function startEmbedded(dir: string): Promise<Topology & { healthUrls: string[] }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  return { baseUrl, healthUrls: [`${baseUrl}/health`], processes: { start: startComponent(['start'], { ...common(dir), PORT: String(port) }) }, cleanup: async () => undefined };
}

async function startKafka(dir: string, servers: Record<string, string>): Promise<Topology & { healthUrls: string[] }> {
  const run = dir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '') ?? 'x';
  const namespace = `bench-${run}.`;
  const database = `bench_orders_${run}`;
  const ports = { gateway: await freePort(), command: await freePort(), query: await freePort(), mirror: await freePort(), processors: await freePort(), projections: await freePort() };
  const env = {
    ...common(dir), ...servers, MONGO_DATABASE: database, LOG_NAMESPACE: namespace, PARTITIONS: '8', CONSISTENCY_WAIT_MS: '8000',
    PORT: String(ports.gateway), COMMAND_API_PORT: String(ports.command), QUERY_API_PORT: String(ports.query),
    COMMAND_API_URL: `http://127.0.0.1:${ports.command}`, QUERY_API_URL: `http://127.0.0.1:${ports.query}`,
  };
  const processes: Record<string, ComponentProcess> = {};
  for (const command of ['command-api', 'query-api', 'mirror', 'processors', 'projections', 'gateway'] as const) {
    const metricsPort = command === 'mirror' || command === 'processors' || command === 'projections' ? ports[command] : 0;
    processes[command] = startComponent([command], { ...env, METRICS_PORT: String(metricsPort) });
  }
  const healthUrls = [ports.gateway, ports.command, ports.query, ports.mirror, ports.processors, ports.projections].map((port) => `http://127.0.0.1:${port}/health`);
  const cleanup = async () => {
    const mongo = new MongoClient(servers.MONGO_URL ?? '', { serverSelectionTimeoutMS: 5000 });
    await mongo.connect().then(() => mongo.db(database).dropDatabase()).finally(() => mongo.close());
    const kafka = new Kafka({ clientId: 'bench-cleanup', brokers: (servers.KAFKA_BROKERS ?? '').split(','), logLevel: logLevel.NOTHING });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    try {
      const topics = (await kafkaAdmin.listTopics()).filter((topic) => topic.startsWith(namespace));
      const groups = (await kafkaAdmin.listGroups()).groups.map((group) => group.groupId).filter((group) => group.startsWith(namespace));
      if (groups.length > 0) await kafkaAdmin.deleteGroups(groups);
      if (topics.length > 0) await kafkaAdmin.deleteTopics({ topics });
    } finally {
      await kafkaAdmin.disconnect();
    }
  };
  return { baseUrl: `http://127.0.0.1:${ports.gateway}`, healthUrls, processes, cleanup };
}

async function stopProcess(component: ComponentProcess): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([component.kill('SIGTERM').then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), 15_000)))]);
  clearTimeout(timer);
  if (late) await component.kill('SIGKILL');
}

interface PhaseOutcome {
  figures: Figure[];
  details: Record<string, unknown>;
}

/** One open-loop load phase: `total` orders of `items` lines sent on schedule, then drained until each is answered in the event store. */
async function runPhase(context: {
  mode: Mode; items: number; ratePerSecond: number; seconds: number; logger: Logger;
  client: ReturnType<typeof createClient>; poller: ReturnType<typeof createClient>; eventStore: EventStore; productIds: string[]; tokens: string[]; adminToken: string; pids: Record<string, number>;
}): Promise<PhaseOutcome> {
  const { client, items, ratePerSecond } = context;
  const section = `orders (${context.mode})`;
  const total = Math.round(ratePerSecond * context.seconds);
  const interval = 1000 / ratePerSecond;
  // a fixed-size sample whatever the rate, so the polling itself stays a small load
  const sampleEvery = Math.max(10, Math.ceil(total / visibleSamples));
  const orderIds: string[] = [];
  const postLatencies: number[] = [];
  const visibleLatencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let notVisible = 0;
  let lastAnswerMs = 0;
  const statuses: Record<string, number> = {};
  const lines = context.productIds.slice(0, items).map((productId) => ({ productId, quantity: 1 }));

  const watchVisible = async (orderId: string, sentMs: number) => {
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline) {
      const answer = await context.poller.request('GET', `/api/orders/${orderId}`, undefined, context.adminToken).catch(() => undefined);
      const status = answer?.status === 200 ? answer.body.status : undefined;
      if (typeof status === 'string' && status !== 'placed') {
        if (status !== 'rejected') visibleLatencies.push(performance.now() - sentMs);
        return;
      }
      await sleep(Math.max(visiblePollMs, (performance.now() - sentMs) * visibleBackoff));
    }
    notVisible += 1;
  };

  const watch = watchProcesses(context.pids);
  watch.start();
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let index = 0; index < total; index += 1) {
    const wait = started + index * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const sentMs = performance.now();
    const token = context.tokens[index % context.tokens.length];
    inFlight.push(client.request('POST', '/api/orders', { lines }, token).then(
      async (answer) => {
        lastAnswerMs = performance.now();
        postLatencies.push(lastAnswerMs - sentMs);
        if (answer.status < 200 || answer.status >= 300) {
          non2xx += 1;
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          return;
        }
        const orderId = String(answer.body.orderId ?? answer.body.id);
        orderIds.push(orderId);
        if (index % sampleEvery === 0) await watchVisible(orderId, sentMs);
      },
      () => void (errors += 1),
    ));
  }
  const sendingMs = performance.now() - started;
  const duringSending = watch.mark();
  const outcomes = new Map<string, { placedAt: number; answeredAt: number; confirmed: boolean }>();
  const drainStarted = performance.now();
  // the visibility samples finish as their orders show, so drain the event store alongside
  const settled = Promise.all(inFlight);
  let postsDone = false;
  void settled.then(() => (postsDone = true));
  await waitFor(async () => {
    for (const orderId of orderIds) {
      if (outcomes.has(orderId)) continue;
      const events = await context.eventStore.readStream(`order-${orderId}`);
      const placed = events.find((event) => event.type === 'OrderPlaced');
      const answer = events.find((event) => event.type === 'OrderConfirmed' || event.type === 'OrderRejected');
      if (placed && answer) outcomes.set(orderId, { placedAt: placed.recordedAt.getTime(), answeredAt: answer.recordedAt.getTime(), confirmed: answer.type === 'OrderConfirmed' });
    }
    return postsDone && outcomes.size === orderIds.length;
  }, { what: `${items}-item orders answered`, timeoutMs: 180_000, pollMs: 100, progressEveryMs: 10_000, onProgress: () => context.logger.info({ answered: outcomes.size, placed: orderIds.length }, 'orders bench: draining') });
  await settled;
  const untilDrained = watch.mark();
  const drainMs = performance.now() - drainStarted;

  const latencies: number[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const outcome of outcomes.values()) {
    if (!outcome.confirmed) continue;
    latencies.push(outcome.answeredAt - outcome.placedAt);
    first = Math.min(first, outcome.placedAt);
    last = Math.max(last, outcome.answeredAt);
  }
  const rejected = outcomes.size - latencies.length;
  for (const list of [latencies, postLatencies, visibleLatencies]) list.sort((a, b) => a - b);
  const name = `${items}-item`;
  const confirmedPerSecond = round1(latencies.length / Math.max(0.001, (last - first) / 1000));
  const answersPerSecond = round1(postLatencies.length / Math.max(0.001, (lastAnswerMs - started) / 1000));
  const figures: Figure[] = [
    { section, metric: `${name} confirmed/s`, value: confirmedPerSecond, unit: 'orders/s', note: `offered ${ratePerSecond}/s for ${context.seconds} s, first placement → last confirmation` },
    { section, metric: `${name} POST answers/s`, value: answersPerSecond, unit: 'answers/s', note: `${non2xx} non-2xx, ${errors} errors` },
    { section, metric: `${name} POST p50`, value: round1(percentile(postLatencies, 50)), unit: 'ms', note: 'keep-alive, 64 connections at most' },
    { section, metric: `${name} POST p99`, value: round1(percentile(postLatencies, 99)), unit: 'ms' },
    { section, metric: `${name} placed→confirmed p50`, value: percentile(latencies, 50), unit: 'ms', note: 'event store recordedAt of OrderPlaced → OrderConfirmed' },
    { section, metric: `${name} placed→confirmed p99`, value: percentile(latencies, 99), unit: 'ms', note: `${latencies.length} confirmed, ${rejected} rejected` },
    { section, metric: `${name} sent→visible p50`, value: round1(percentile(visibleLatencies, 50)), unit: 'ms', note: `GET /api/orders/:id until confirmed, every ${visiblePollMs} ms (then ${visibleBackoff * 100}% of the wait), every ${sampleEvery}th order` },
    { section, metric: `${name} sent→visible p99`, value: round1(percentile(visibleLatencies, 99)), unit: 'ms', note: `${visibleLatencies.length} sampled, ${notVisible} never seen` },
  ];
  figures.push(...usageFigures(section, name, duringSending, untilDrained));
  return {
    figures,
    details: {
      offered: total, sendingMs: round1(sendingMs), drainMs: round1(drainMs), confirmed: latencies.length, rejected, non2xx, non2xxByStatus: statuses, errors,
      placedToConfirmed: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
      post: { p50: percentile(postLatencies, 50), p99: percentile(postLatencies, 99), max: postLatencies.at(-1) ?? 0 },
      visible: { sampleEvery, pollMs: visiblePollMs, count: visibleLatencies.length, notVisible, p50: percentile(visibleLatencies, 50), p99: percentile(visibleLatencies, 99), max: visibleLatencies.at(-1) ?? 0 },
      usageDuringSending: duringSending, usageUntilDrained: untilDrained,
    },
  };
}

/** CPU over the sending (the load itself; a long drain would dilute it), peak RSS over sending and drain. */
function usageFigures(section: string, phase: string, sending: SpanUsage, drained: SpanUsage): Figure[] {
  if (!procAvailable()) return [{ section, metric: `${phase} process CPU and memory`, value: 0, unit: 'n/a', note: 'not measured: reads /proc, Linux only' }];
  const figures = Object.entries(sending.processes).flatMap(([name, used]): Figure[] => {
    const peak = drained.processes[name] ?? used;
    return used && peak
      ? [
          { section, metric: `${phase} ${name} CPU`, value: used.cpuPercentOfCore, unit: '% of a core', note: 'Δ(utime+stime)/Δwall while sending' },
          { section, metric: `${phase} ${name} peak RSS`, value: round1(peak.peakRssBytes / 1024 ** 2), unit: 'MiB', note: peak.peakSince === 'span' ? 'VmHWM, reset at the phase start' : 'VmHWM since the process started' },
        ]
      : [{ section, metric: `${phase} ${name} CPU`, value: 0, unit: 'n/a', note: 'process gone before the phase ended' }];
  });
  if (sending.machineCpuPercentOfCore !== null) {
    const ours = Object.values(sending.processes).reduce((sum, used) => sum + (used?.cpuPercentOfCore ?? 0), 0);
    figures.push(
      { section, metric: `${phase} machine CPU`, value: sending.machineCpuPercentOfCore, unit: '% of a core', note: `/proc/stat while sending, all processes; ${100 * os.cpus().length} is every core busy` },
      { section, metric: `${phase} other processes CPU`, value: round1(Math.max(0, sending.machineCpuPercentOfCore - ours)), unit: '% of a core', note: 'machine less the processes above (broker, databases, ...)' },
    );
  }
  return figures;
}

/**
 * Orders end to end with the platform as OS processes, as deployed: one `ecommerce start`
 * (embedded) or the six distributed components on the Kafka, registry and MongoDB of the
 * environment. The load comes from this process over HTTP through the gateway; latency is read
 * from each order's stream in the shared SQLite event store; CPU and memory of every process,
 * this one included, from /proc over each phase.
 */
export async function benchOrdersAsProcesses(options: { mode: Mode; ratePerSecond: number; seconds: number; logger: Logger }): Promise<SectionResult> {
  const servers = Object.fromEntries(serverSettingNames.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])));
  if (options.mode === 'kafka') {
    const missing = serverSettingNames.filter((name) => !servers[name]);
    if (missing.length > 0) throw new Error(`orders (kafka) needs ${missing.join(', ')} in the environment`);
  }
  return withTempDir(`orders-${options.mode}`, async (dir) => {
    const topology = options.mode === 'kafka' ? await startKafka(dir, servers) : await startEmbedded(dir);
    const client = createClient(topology.baseUrl, 64);
    // polls on their own connections: queued behind them, the orders' POSTs would measure the polling
    const poller = createClient(topology.baseUrl, 16);
    let eventStore: EventStore | undefined;
    try {
      const exited = () => Object.entries(topology.processes).find(([, component]) => component.child.exitCode !== null || component.child.signalCode !== null);
      const failure = () => {
        const gone = exited();
        return gone ? `${gone[0]} exited: ${gone[1].output().slice(-2000)}` : undefined;
      };
      const healthy = async (url: string) => (await fetch(url).then((response) => response.ok, () => false));
      await waitFor(async () => (await Promise.all(topology.healthUrls.map(healthy))).every(Boolean), { what: `the ${options.mode} processes healthy`, timeoutMs: 120_000, pollMs: 250, failure });
      eventStore = openSqliteEventStore(join(dir, 'events.db'));
      const adminToken = String((await client.must('POST', '/api/auth/login', admin)).accessToken);
      const productIds: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        const created = await client.must('POST', '/api/products', { sku: `BENCH-PROC-${index}`, name: `Bench process product ${index}`, category: 'bench', price: { amount: 1000 + index, currency: 'EUR' }, initialStock: 10_000_000 }, adminToken);
        productIds.push(String(created.id));
      }
      const tokens: string[] = [];
      for (let index = 0; index < 8; index += 1) {
        const email = `orders-process-customer-${index}@bench.test`;
        await client.must('POST', '/api/auth/register', { email, password: customerPassword, name: `Customer ${index}` });
        tokens.push(String((await client.must('POST', '/api/auth/login', { email, password: customerPassword })).accessToken));
      }
      const pids = { ...Object.fromEntries(Object.entries(topology.processes).map(([name, component]) => [name, component.child.pid as number])), bench: process.pid };
      const base = { mode: options.mode, logger: options.logger, client, poller, eventStore, productIds, tokens, adminToken, pids };
      // warm up: the whole pipeline (consumer groups joined, JIT warm) before anything is measured
      await runPhase({ ...base, items: 1, ratePerSecond: 20, seconds: 1 });
      const figures: Figure[] = [];
      const details: Record<string, unknown> = { mode: options.mode, pids, ratePerSecond: options.ratePerSecond, seconds: options.seconds };
      for (const items of [1, 3]) {
        options.logger.info({ mode: options.mode, items, rate: options.ratePerSecond }, 'orders bench: phase');
        const outcome = await runPhase({ ...base, items, ratePerSecond: options.ratePerSecond, seconds: options.seconds });
        figures.push(...outcome.figures);
        details[`${items}-item`] = outcome.details;
      }
      return { figures, details };
    } catch (error) {
      // What each component said last is what explains a stuck pipeline.
      for (const [name, component] of Object.entries(topology.processes)) options.logger.error({ component: name, output: component.output().slice(-3000) }, 'orders bench failed: the component\'s last output');
      throw error;
    } finally {
      client.close();
      poller.close();
      await eventStore?.close();
      await Promise.all(Object.values(topology.processes).map(stopProcess));
      await topology.cleanup().catch((error: unknown) => options.logger.warn({ err: error }, 'orders bench: cleaning the shared servers failed'));
    }
  });
}
