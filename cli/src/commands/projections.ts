import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { allProjections, rebuildProjection } from '@ecommerce/projections';
import type { Logger, Settings } from '@ecommerce/platform';
import { openAdapters } from '../adapters';

export function registerProjectionCommands(program: Command, boot: () => { settings: Settings; logger: Logger }, run: () => Promise<void>): void {
  const projections = program.command('projections').description('read models: run them, or rebuild one blue/green');
  projections.command('run', { isDefault: true }).description('keep every projection up to date from the log').action(run);
  projections
    .command('rebuild [name]')
    .description(`replay the event store into a new version of a projection, then switch to it (${allProjections.map((p) => p.name).join(', ')})`)
    .option('--all', 'rebuild every projection')
    .action(async (name: string | undefined, options: { all?: boolean }) => {
      const { settings, logger } = boot();
      const chosen = options.all ? allProjections : allProjections.filter((projection) => projection.name === name);
      if (chosen.length === 0) throw new Error(`name a projection (${allProjections.map((p) => p.name).join(', ')}) or pass --all`);
      const adapters = await openAdapters(settings, logger, ['eventStore', 'readStore']);
      try {
        for (const projection of chosen) {
          const bar = new SingleBar({ format: `${projection.name} |{bar}| {percentage}% | position {value}/{total} | {events} events`, hideCursor: true }, Presets.shades_classic);
          bar.start(1, 0, { events: 0 });
          const result = await rebuildProjection({
            projection, eventStore: adapters.eventStore, readStore: adapters.readStore, logger,
            onProgress: ({ position, head, events }) => {
              bar.setTotal(Math.max(1, head));
              bar.update(position, { events });
            },
          });
          bar.stop();
          process.stdout.write(`${projection.name}: version ${result.version} active, ${result.events} events in ${result.seconds.toFixed(2)} s\n`);
        }
      } finally {
        await adapters.close();
      }
    });
}
