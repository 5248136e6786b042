import fs from 'node:fs';
import { join } from 'node:path';
import { openSqliteEventStore } from '@ecommerce/platform';
import type { EventStore, Log, Logger } from '@ecommerce/platform';
import { createBenchHttpClient } from './bench-http-client';
import type { BenchHttpClient } from './bench-http-client';
import { createOrdersFixtures } from './orders-fixtures';
import type { OrdersFixtures } from './orders-fixtures';
import { runOrdersPhase } from './orders-phase';
import { usageFigures } from './orders-phase-figures';
import { watchProcesses } from './process-usage';
import { sleep } from './rate';
import { serverSettingsFor, startOrdersTopology, stopOrdersTopology, topicPartitionsOf, topologyPids, waitUntilHealthy } from './orders-topology';
import type { OrdersTopology, OrdersTopologyMode } from './orders-topology';
import type { Figure, SectionResult } from './report';
import { withTempDir } from './temp-dir';

/** The running platform a load phase drives: HTTP clients to its gateway, its event store, its shop and its processes. */
export interface PlatformUnderLoad extends OrdersFixtures {
  mode: OrdersTopologyMode;
  logger: Logger;
  client: BenchHttpClient;
  /** Polls on their own connections: were the load's requests queued behind them, they would measure the polling. */
  poller: BenchHttpClient;
  /** The platform's SQLite event store, read (never written) by the bench: recorded times are its latencies. */
  eventStore: EventStore;
  /** The platform's log, read (never written) by the bench: its records split an order's latency into hops. */
  log?: Log;
  pids: Record<string, number>;
}

/**
 * The platform as OS processes, as deployed: one `ecommerce start` (embedded) or the six
 * distributed components on the Kafka, registry and MongoDB of the environment, healthy and with
 * products and customers made through the API; `work` drives it, and everything is stopped and
 * removed afterwards, from the shared servers too.
 */
export async function withPlatformProcesses(options: { mode: OrdersTopologyMode; label: string; logger: Logger }, work: (platform: PlatformUnderLoad) => Promise<SectionResult>): Promise<SectionResult> {
  const servers = serverSettingsFor(options.mode);
  return withTempDir(`${options.label}-${options.mode}`, async (dir) => {
    const topology = await startOrdersTopology(options.mode, dir, servers);
    const client = createBenchHttpClient(topology.baseUrl, 64);
    const poller = createBenchHttpClient(topology.baseUrl, 16);
    let eventStore: EventStore | undefined;
    let log: Log | undefined;
    try {
      await waitUntilHealthy(topology, options.mode);
      // a short poll: a subscription of the bench follows the platform's appends from another process
      eventStore = openSqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 10 });
      log = topology.openLog?.();
      const fixtures = await createOrdersFixtures(client);
      return await work({ mode: options.mode, logger: options.logger, client, poller, eventStore, log, ...fixtures, pids: topologyPids(topology, options.mode) });
    } catch (error) {
      // What each component said last is what explains a stuck pipeline.
      for (const [name, component] of Object.entries(topology.processes)) options.logger.error({ component: name, output: component.output().slice(-3000) }, `${options.label} bench failed: the component's last output`);
      throw error;
    } finally {
      client.close();
      poller.close();
      await eventStore?.close();
      await log?.close().catch((error: unknown) => options.logger.warn({ err: error }, `${options.label} bench: closing its log reader failed`));
      await stopOrdersTopology(topology);
      saveComponentOutput(topology, options.label, options.mode, options.logger);
      await topology.cleanup().catch((error: unknown) => options.logger.warn({ err: error }, `${options.label} bench: cleaning the shared servers failed`));
    }
  });
}

/**
 * With BENCH_LOGS_DIR set, each component's whole output (JSON log lines at warn and above, their
 * shutdown included) is kept there as `<label>-<mode>-<component>.log`: a phase that stalls is
 * explained by what a component said during it, not only by the last lines printed when a section
 * fails. A folder that cannot be written is said, and neither hides the section's outcome nor
 * keeps the shared servers from being cleaned.
 */
function saveComponentOutput(topology: OrdersTopology, label: string, mode: OrdersTopologyMode, logger: Logger): void {
  const dir = process.env.BENCH_LOGS_DIR;
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, component] of Object.entries(topology.processes)) fs.writeFileSync(join(dir, `${label}-${mode}-${name}.log`), component.output());
  } catch (error) {
    logger.warn({ err: error, dir }, 'bench: the components\' output could not be kept in BENCH_LOGS_DIR');
  }
}

/** The figures depend on it (bench/LOG.md: on Kafka, on this machine, 1 or 2 partitions had about half the median latencies of 8). */
export const partitionsFigure = (section: string, mode: OrdersTopologyMode): Figure => ({ section, metric: "topics' partitions", value: topicPartitionsOf(mode), unit: 'partitions', note: 'PARTITIONS as passed, or its default for the log' });

/**
 * Orders before anything is measured, long enough for the JITs to settle. On Kafka a freshly
 * started broker's JVM costs more CPU for its first thousand orders or so (bench/LOG.md):
 * after one second of warm-up, as before, the first run's latencies were twice the fourth's.
 */
export interface WarmUp {
  ratePerSecond: number;
  seconds: number;
}

/** Runs the warm-up on the platform; the figure says what it was and what it confirmed. */
export async function warmUp(platform: PlatformUnderLoad, section: string, warmup: WarmUp): Promise<Figure> {
  const { figures } = await runOrdersPhase({ ...platform, items: 1, ...warmup });
  const confirmed = figures.find((figure) => figure.metric === '1-item confirmed/s')?.value ?? 0;
  if (!(confirmed > 0)) throw new Error(`${section}: the warm-up confirmed no order`);
  return { section, metric: 'warm-up', value: warmup.seconds, unit: 's', note: `1-item orders offered at ${warmup.ratePerSecond}/s before anything is measured (--warmup-seconds): ${confirmed} confirmed/s` };
}

const idleSettleMs = 3000;
const idleMs = 5000;

/**
 * Orders end to end with the platform as OS processes. The load comes from this process over
 * HTTP through the gateway; latency is read from the orders' events in the shared SQLite event
 * store (`$all`, followed); CPU and memory of every process, this one included (and in the Kafka
 * topology the servers of `scripts/infra`), from /proc over each phase and over an idle span.
 */
export function benchOrdersAsProcesses(options: { mode: OrdersTopologyMode; ratePerSecond: number; seconds: number; warmup: WarmUp; logger: Logger }): Promise<SectionResult> {
  return withPlatformProcesses({ mode: options.mode, label: 'orders', logger: options.logger }, async (platform) => {
    const warmed = await warmUp(platform, `orders (${options.mode})`, options.warmup);
    // what the platform costs with nothing to do: its polls, lag checks and heartbeats
    await sleep(idleSettleMs);
    const idle = watchProcesses(platform.pids);
    idle.start();
    await sleep(idleMs);
    const idleSpan = idle.mark();
    const figures: Figure[] = [
      partitionsFigure(`orders (${options.mode})`, options.mode),
      warmed,
      ...usageFigures(`orders (${options.mode})`, 'idle', idleSpan, idleSpan, `over ${idleMs / 1000} s with no load, ${idleSettleMs / 1000} s after the warm-up`).filter((figure) => !figure.metric.includes('peak RSS')),
    ];
    const details: Record<string, unknown> = { mode: options.mode, pids: platform.pids, ratePerSecond: options.ratePerSecond, seconds: options.seconds };
    for (const items of [1, 3]) {
      options.logger.info({ mode: options.mode, items, rate: options.ratePerSecond }, 'orders bench: phase');
      const outcome = await runOrdersPhase({ ...platform, items, ratePerSecond: options.ratePerSecond, seconds: options.seconds, traceHops: true });
      figures.push(...outcome.figures);
      details[`${items}-item`] = outcome.details;
    }
    return { figures, details };
  });
}
