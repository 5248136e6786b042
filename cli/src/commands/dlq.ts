import type { Command } from 'commander';
import { listDeadLetters, replayDeadLetter } from '@ecommerce/processors';
import type { Logger, Settings } from '@ecommerce/platform';
import { openAdapters } from '../adapters';

export function registerDlqCommands(program: Command, boot: () => { settings: Settings; logger: Logger }): void {
  const dlq = program.command('dlq').description('dead letters of ecommerce.dlq: messages that could not be decoded or kept failing');
  dlq
    .command('list')
    .description('the most recent dead letters: id, when, where from, key, reason')
    .option('--limit <n>', 'how many', '50')
    .action(async (options: { limit: string }) => {
      const { settings, logger } = boot();
      const adapters = await openAdapters(settings, logger, ['log']);
      try {
        for (const letter of await listDeadLetters(adapters.log, { limit: Number(options.limit) })) {
          const source = letter.source ? `${letter.source.topic}/${letter.source.partition}@${letter.source.offset}` : '?';
          process.stdout.write(`${letter.id}\t${letter.at ?? ''}\t${source}\t${letter.key ?? ''}\t${letter.reason}\n`);
        }
      } finally {
        await adapters.close();
      }
    });
  dlq
    .command('replay <id>')
    .description('re-drive dead letter <partition>/<offset> to its original topic')
    .action(async (id: string) => {
      const { settings, logger } = boot();
      const adapters = await openAdapters(settings, logger, ['log']);
      try {
        const to = await replayDeadLetter(adapters.log, id);
        process.stdout.write(`replayed ${id} to ${to.topic}/${to.partition}@${to.offset}\n`);
      } finally {
        await adapters.close();
      }
    });
}
