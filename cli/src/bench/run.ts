import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openSqliteEventStore } from '@ecommerce/platform';
import type { Logger } from '@ecommerce/platform';
import { fillEventStore } from './catalog-history';
import { benchEventStore } from './event-store-bench';
import { benchGraphql } from './graphql-bench';
import { benchHttp } from './http-bench';
import { benchLifecycleAsProcesses } from './lifecycle-phase';
import { benchOrdersAsProcesses } from './orders-processes-bench';
import { benchOrdersSweep } from './orders-sweep';
import { missingServerSettings } from './orders-topology';
import { benchMirror } from './mirror-bench';
import { elapsedSince } from './rate';
import { benchMirrorOnKafka } from './mirror-kafka-bench';
import { benchRebuild, benchRebuildOnServer } from './rebuild-bench';
import { collectGarbage } from './settled-heap';
import { formatTable, machineInfo, writeReport } from './report';
import { benchSearch } from './search-bench';
import { benchSse } from './sse-bench';
import { sweepSvg } from './sweep-plot';
import type { SweepSeries } from './sweep-plot';
import type { BenchReport, SectionOutcome, SectionResult } from './report';
import { withTempDir } from './temp-dir';
import { benchSections } from './sections';

export interface BenchOptions {
  /** Events for the mirror and rebuild runs. */
  events: number;
  /** Small sizes and short HTTP runs, for a smoke run. */
  quick: boolean;
  /** Sections to run (all when absent): `benchSections`. */
  only?: ReadonlySet<string>;
  /** Orders offered per second in the orders sections, instead of the defaults. */
  ordersRate?: number;
  /** Lifecycles started per second in the lifecycle sections, instead of the defaults. */
  lifecycleRate?: number;
  /** Offered orders/s of the sweep sections, instead of the defaults. */
  sweepRates?: readonly number[];
  /** Seconds of orders before the orders, sweep and lifecycle sections measure anything, instead of the default. */
  warmupSeconds?: number;
  logger: Logger;
}

export { benchSections };

/** Offered rates of the sweep sections when `--sweep-rates` is not given. */
const defaultSweepRates = { embedded: [100, 200, 400, 800, 1600], kafka: [25, 50, 100, 200, 400] };

/** bench/reports at the repository root (git-ignored). */
const reportFolder = path.resolve(__dirname, '..', '..', '..', 'bench', 'reports');

function commandLine(): string {
  const args = process.argv.slice(1).map((arg, index) => (index === 0 ? path.relative(process.cwd(), arg) || arg : arg));
  const npmScript = process.env.npm_lifecycle_event;
  return `node ${[...process.execArgv, ...args].join(' ')}${npmScript ? ` (via npm run ${npmScript})` : ''}`;
}

/** One section: its failure is recorded and reported, and the next section still runs. */
async function runSection(name: string, logger: Logger, work: () => Promise<SectionResult>): Promise<SectionOutcome> {
  collectGarbage();
  const started = performance.now();
  try {
    const result = await work();
    return { name, seconds: Math.round(elapsedSince(started)) / 1000, ...result };
  } catch (error) {
    logger.error({ err: error, section: name }, 'bench section failed');
    process.exitCode = 1;
    return { name, seconds: Math.round(elapsedSince(started)) / 1000, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A section on the environment's Kafka, registry and MongoDB: skipped, and said so, when their settings are missing. */
async function runKafkaSection(name: string, logger: Logger, work: () => Promise<SectionResult>): Promise<SectionOutcome> {
  const missing = missingServerSettings();
  if (missing.length === 0) return runSection(name, logger, work);
  logger.warn({ missing }, `${name} skipped: set its servers' settings (scripts/infra/up.sh starts them, scripts/infra/env.sh prints them) to run it`);
  return { name, seconds: 0, skipped: `${missing.join(', ')} not set` };
}

/** The baseline: event store vs raw SQLite, mirror, projection rebuild, HTTP latency; prints a table and writes a JSON report. */
export async function runBench(options: BenchOptions): Promise<void> {
  const { events, quick, logger } = options;
  const wanted = (name: (typeof benchSections)[number]) => !options.only || options.only.has(name);
  if (!Number.isInteger(events) || events <= 0) throw new Error(`--events must be a positive whole number, got ${events}`);
  const startedAt = new Date().toISOString();
  const sizes = { appends: quick ? 2000 : 20_000, http: quick ? { ratePerSecond: 50, durationSeconds: 3 } : { ratePerSecond: 200, durationSeconds: 10 },
    orders: quick
      ? { embedded: { ratePerSecond: 50, seconds: 2 }, kafka: { ratePerSecond: 20, seconds: 2 } }
      : { embedded: { ratePerSecond: 300, seconds: 5 }, kafka: { ratePerSecond: 100, seconds: 5 } },
    // steady, under what either topology confirms: the warm-up leaves no queue behind
    warmup: quick
      ? { embedded: { ratePerSecond: 20, seconds: options.warmupSeconds ?? 1 }, kafka: { ratePerSecond: 20, seconds: options.warmupSeconds ?? 1 } }
      : { embedded: { ratePerSecond: 300, seconds: options.warmupSeconds ?? 30 }, kafka: { ratePerSecond: 50, seconds: options.warmupSeconds ?? 30 } },
    lifecycle: quick
      ? { embedded: { ratePerSecond: 10, seconds: 2 }, kafka: { ratePerSecond: 5, seconds: 2 } }
      : { embedded: { ratePerSecond: 25, seconds: 5 }, kafka: { ratePerSecond: 10, seconds: 5 } },
  };
  logger.info({ events, quick, ...sizes }, 'bench starting');

  const sections: SectionOutcome[] = [];
  if (wanted('store')) sections.push(await runSection('event store appends', logger, () => benchEventStore({ appends: sizes.appends, logger })));

  if (wanted('mirror') || wanted('mirror-kafka') || wanted('rebuild') || wanted('rebuild-server')) await withTempDir('catalog', async (dir) => {
    const eventStore = openSqliteEventStore(path.join(dir, 'events.db'));
    try {
      logger.info({ events }, 'setup: appending catalog and inventory events');
      const history = await fillEventStore(eventStore, events);
      logger.info({ ...history }, 'setup: event store filled');
      if (wanted('mirror')) sections.push(await runSection('mirror', logger, () => benchMirror({ dir, eventStore, history, logger })));
      if (wanted('mirror-kafka')) sections.push(await runKafkaSection('mirror (kafka)', logger, () => benchMirrorOnKafka({ eventStore, history, logger })));
      if (wanted('rebuild')) sections.push(await runSection('projection rebuild', logger, () => benchRebuild({ dir, eventStore, history, logger })));
      if (wanted('rebuild-server')) sections.push(await runKafkaSection('projection rebuild (server)', logger, () => benchRebuildOnServer({ eventStore, history, logger })));
    } catch (error) {
      logger.error({ err: error }, 'bench setup failed');
      process.exitCode = 1;
      sections.push({ name: 'catalog setup (mirror, rebuild)', seconds: 0, error: error instanceof Error ? error.message : String(error) });
    } finally {
      await eventStore.close();
    }
  });

  if (wanted('http')) sections.push(await runSection('http', logger, () => benchHttp({ load: sizes.http, logger })));
  if (wanted('orders')) sections.push(await runSection('orders (embedded)', logger, () => benchOrdersAsProcesses({ mode: 'embedded', ...sizes.orders.embedded, warmup: sizes.warmup.embedded, ...(options.ordersRate ? { ratePerSecond: options.ordersRate } : {}), logger })));
  if (wanted('orders-kafka')) sections.push(await runKafkaSection('orders (kafka)', logger, () => benchOrdersAsProcesses({ mode: 'kafka', ...sizes.orders.kafka, warmup: sizes.warmup.kafka, ...(options.ordersRate ? { ratePerSecond: options.ordersRate } : {}), logger })));
  const lifecycleRate = options.lifecycleRate ? { ratePerSecond: options.lifecycleRate } : {};
  if (wanted('lifecycle')) sections.push(await runSection('lifecycle (embedded)', logger, () => benchLifecycleAsProcesses({ mode: 'embedded', ...sizes.lifecycle.embedded, warmup: sizes.warmup.embedded, ...lifecycleRate, logger })));
  if (wanted('lifecycle-kafka')) sections.push(await runKafkaSection('lifecycle (kafka)', logger, () => benchLifecycleAsProcesses({ mode: 'kafka', ...sizes.lifecycle.kafka, warmup: sizes.warmup.kafka, ...lifecycleRate, logger })));
  if (wanted('graphql')) sections.push(await runSection('graphql', logger, () => benchGraphql({ ...(quick ? { ratePerSecond: 20, seconds: 3 } : { ratePerSecond: 50, seconds: 10 }), logger })));
  if (wanted('sse')) sections.push(await runSection('sse', logger, () => benchSse({ ...(quick ? { streams: 200, rounds: 2 } : { streams: 1000, rounds: 3 }), logger })));
  if (wanted('search')) sections.push(await runSection('search', logger, () => benchSearch({ ...(quick ? { products: 10_000, iterations: 20 } : { products: 100_000, iterations: 50 }), logger })));

  if (wanted('orders-sweep')) sections.push(await runSection('orders sweep (embedded)', logger, () => benchOrdersSweep({ mode: 'embedded', rates: options.sweepRates ?? defaultSweepRates.embedded, warmup: sizes.warmup.embedded, seconds: quick ? 2 : 5, logger })));
  if (wanted('orders-kafka-sweep')) sections.push(await runKafkaSection('orders sweep (kafka)', logger, () => benchOrdersSweep({ mode: 'kafka', rates: options.sweepRates ?? defaultSweepRates.kafka, warmup: sizes.warmup.kafka, seconds: quick ? 2 : 5, logger })));

  const report: BenchReport = { startedAt, commandLine: commandLine(), options: { events, quick }, machine: machineInfo(), sections };
  const file = writeReport(reportFolder, report);
  const { machine } = report;
  process.stdout.write(`\n${machine.cpuModel} ×${machine.cpuCount}, ${machine.totalMemoryGiB} GiB, node ${machine.node}, ${machine.platform}\n`);
  process.stdout.write(`${formatTable(sections)}\n\nreport: ${path.relative(process.cwd(), file)}\n`);
  const sweeps = sections.flatMap((section) => (section.details?.sweep as SweepSeries[] | undefined) ?? []);
  if (sweeps.length > 0) {
    const plot = file.replace(/\.json$/, '-sweep.svg');
    writeFileSync(plot, sweepSvg(`Orders: offered vs confirmed, ${machine.cpuCount} × ${machine.cpuModel}, ${startedAt.slice(0, 10)}`, sweeps));
    process.stdout.write(`rate sweep plot: ${path.relative(process.cwd(), plot)}\n`);
  }
}
