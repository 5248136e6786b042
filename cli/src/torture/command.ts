import type { Command } from 'commander';
import type { Logger, Settings } from '@ecommerce/platform';
import { tortureDefaults } from './plan';
import type * as TortureRun from './run';

/** A positive whole number option (or its default); anything else stops the command with the option's name. */
export function wholeNumberOption(option: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= min)) throw new Error(`${option} must be a whole number of at least ${min}, got ${text}`);
  return value;
}

export function registerTortureCommand(program: Command, boot: () => { settings: Settings; logger: Logger }): void {
  program
    .command('torture')
    .description('the distributed topology on Kafka (two processors, two projections) under a steady load of orders for scarce stock while a chaos loop SIGKILLs components, restarts the broker and stops the MongoDB-wire server; then checks every invariant, prints a summary and writes bench/reports/torture-<date>.json. Needs KAFKA_BROKERS, SCHEMA_REGISTRY_URL, MONGO_URL; restarts those servers through scripts/infra')
    .option('--orders <n>', 'orders placed (default 2000; 300 with --quick)')
    .option('--skus <n>', 'SKUs, each with stock for under half of its demand (default 50; 20 with --quick)')
    .option('--rate <n>', 'orders offered per second (default 10; 6 with --quick)')
    .option('--kill-every-ms <n>', 'mean time between two SIGKILLs (default 5000; 7000 with --quick)')
    .option('--seed <n>', 'seed of the orders and the chaos schedule, for a reproducible run (default: random, printed)')
    .option('--quick', 'the CI run: fewer orders, a few kills, the same broker restart and read-store outage, bounded in time')
    .action(async (options: { orders?: string; skus?: string; rate?: string; killEveryMs?: string; seed?: string; quick?: boolean }) => {
      const { logger } = boot();
      // Loaded here, not with the CLI, which every process of the platform starts from.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require: tsx hooks CommonJS loading, not import()
      const { preflight, runTorture } = require('./run') as typeof TortureRun;
      const problem = preflight(process.env);
      if (problem) {
        process.stderr.write(`ecommerce torture: ${problem}\n`);
        process.exitCode = 2;
        return;
      }
      const quick = Boolean(options.quick);
      const defaults = tortureDefaults(quick);
      process.exitCode = await runTorture({
        quick,
        orders: wholeNumberOption('--orders', options.orders, defaults.orders),
        skus: wholeNumberOption('--skus', options.skus, defaults.skus, 3),
        ratePerSecond: wholeNumberOption('--rate', options.rate, defaults.ratePerSecond),
        killEveryMs: wholeNumberOption('--kill-every-ms', options.killEveryMs, defaults.killEveryMs, 500),
        seed: wholeNumberOption('--seed', options.seed, Math.floor(Math.random() * 1_000_000), 0),
        drainBoundMs: quick ? 120_000 : 300_000,
        // the command's own bound: CI must end, whatever the platform does
        timeoutMs: quick ? 290_000 : 1_800_000,
      }, logger);
    });
}
