import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { createCatalogCommands } from '@ecommerce/command-api';
import type { Logger, Settings } from '@ecommerce/platform';
import { openAdapters } from '../adapters';
import { seedDemoCatalog } from '../seed/seed';

export function registerSeedCommand(program: Command, boot: () => { settings: Settings; logger: Logger }): void {
  program
    .command('seed')
    .description('load data into the event store')
    .requiredOption('--demo', 'the demo catalog (a few hundred products with stock); existing SKUs are skipped')
    .action(async () => {
      const { settings, logger } = boot();
      const adapters = await openAdapters(settings, logger, ['eventStore']);
      const bar = new SingleBar({ format: 'demo catalog |{bar}| {value}/{total} products', hideCursor: true }, Presets.shades_classic);
      try {
        const commands = createCatalogCommands({ eventStore: adapters.eventStore, clock: () => new Date() });
        bar.start(1, 0);
        const result = await seedDemoCatalog(commands, logger, (done, total) => {
          bar.setTotal(total);
          bar.update(done);
        });
        bar.stop();
        process.stdout.write(`demo catalog: ${result.created} created, ${result.skipped} already there\n`);
      } finally {
        await adapters.close();
      }
    });
}
