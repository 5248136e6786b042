import type { Command } from 'commander';
import type { Logger, Settings } from '@ecommerce/platform';
import type * as BenchRun from '../bench/run';
import { benchSections } from '../bench/sections';

function positiveWholeNumber(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(Number.isInteger(value) && value > 0)) throw new Error(`${option} must be a positive whole number, got ${text}`);
  return value;
}

export function registerBenchCommand(program: Command, boot: () => { settings: Settings; logger: Logger }): void {
  program
    .command('bench')
    .description('measure event store appends vs raw SQLite, mirror, projection rebuild, HTTP latency, orders and the order lifecycle end to end (embedded and on Kafka, per-process CPU and memory); writes bench/reports/<date>.json')
    .option('--events <n>', 'events for the mirror and rebuild runs', '100000')
    .option('--quick', 'small sizes, for a smoke run')
    .option('--only <sections>', `comma-separated sections to run: ${benchSections.join(', ')}`)
    .option('--orders-rate <n>', 'orders offered per second in the orders sections (default 300 embedded, 100 on Kafka)')
    .option('--lifecycle-rate <n>', 'lifecycles started per second in the lifecycle sections (default 25 embedded, 10 on Kafka)')
    .option('--sweep-rates <list>', 'offered orders/s of the orders-sweep sections, comma-separated (default 100,200,400,800,1600 embedded; 25,50,100,200,400 on Kafka)')
    .option('--warmup-seconds <n>', 'seconds of orders (300/s embedded, 50/s on Kafka) before the orders, sweep and lifecycle sections measure anything (default 30, or 1 at 20/s with --quick)')
    .action(async (options: { events: string; quick?: boolean; only?: string; ordersRate?: string; lifecycleRate?: string; sweepRates?: string; warmupSeconds?: string }) => {
      const { logger } = boot();
      const only = options.only === undefined ? undefined : new Set(options.only.split(',').map((name) => name.trim()).filter(Boolean));
      const unknown = [...(only ?? [])].filter((name) => !(benchSections as readonly string[]).includes(name));
      if (unknown.length > 0) throw new Error(`--only: unknown section ${unknown.join(', ')} (sections: ${benchSections.join(', ')})`);
      const ordersRate = positiveWholeNumber('--orders-rate', options.ordersRate);
      const lifecycleRate = positiveWholeNumber('--lifecycle-rate', options.lifecycleRate);
      const warmupSeconds = positiveWholeNumber('--warmup-seconds', options.warmupSeconds);
      const sweepRates = options.sweepRates?.split(',').map((text) => positiveWholeNumber('--sweep-rates', text.trim()) as number);
      // Loaded here, not with the CLI: its sections' clients (another Kafka client among them) would slow every process's start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require: tsx hooks CommonJS loading, not import()
      const { runBench } = require('../bench/run') as typeof BenchRun;
      await runBench({ events: options.quick ? 5000 : Number(options.events), quick: Boolean(options.quick), only, ordersRate, lifecycleRate, sweepRates, warmupSeconds, logger });
    });
}
