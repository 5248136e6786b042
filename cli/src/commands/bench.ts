import type { Command } from 'commander';
import type { Logger, Settings } from '@ecommerce/platform';
import { runBench } from '../bench/run';

export function registerBenchCommand(program: Command, boot: () => { settings: Settings; logger: Logger }): void {
  program
    .command('bench')
    .description('measure the baseline (event store appends vs raw SQLite, mirror, projection rebuild, HTTP latency); writes bench/reports/<date>.json')
    .option('--events <n>', 'events for the mirror and rebuild runs', '100000')
    .option('--quick', 'small sizes, for a smoke run')
    .action(async (options: { events: string; quick?: boolean }) => {
      const { logger } = boot();
      await runBench({ events: options.quick ? 5000 : Number(options.events), quick: Boolean(options.quick), logger });
    });
}
