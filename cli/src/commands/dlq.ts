import type { Command } from 'commander';
import { PreconditionFailedError, describeDeadLetterSource, listDeadLetters, replayDeadLetter } from '@ecommerce/platform';
import type { Logger, Settings } from '@ecommerce/platform';
import { openAdapters } from '../adapters';

export function registerDlqCommands(program: Command, boot: () => { settings: Settings; logger: Logger }): void {
  const dlq = program.command('dlq').description('dead letters of ecommerce.dlq: messages that could not be decoded or kept failing, and stored events the mirror could not encode');
  dlq
    .command('list')
    .description('the most recent dead letters: id, when, where from (`<group> <topic>/<partition>@<offset>`, or `<mirror> $all@<position>`), key, reason')
    .option('--limit <n>', 'how many', '50')
    .action(async (options: { limit: string }) => {
      const { settings, logger } = boot();
      const adapters = await openAdapters(settings, logger, ['log']);
      try {
        for (const letter of await listDeadLetters(adapters.log, { limit: Number(options.limit) })) {
          process.stdout.write(`${letter.id}\t${letter.at ?? ''}\t${describeDeadLetterSource(letter.source)}\t${letter.key ?? ''}\t${letter.reason}\n`);
        }
      } finally {
        await adapters.close();
      }
    });
  dlq
    .command('replay <id>')
    .description('re-drive dead letter <partition>/<offset> to its original topic (a mirror dead letter is not replayed: the stored event must be corrected)')
    .action(async (id: string) => {
      const { settings, logger } = boot();
      const adapters = await openAdapters(settings, logger, ['log']);
      try {
        const to = await replayDeadLetter(adapters.log, id);
        process.stdout.write(`replayed ${id} to ${to.topic}/${to.partition}@${to.offset}\n`);
      } catch (error) {
        // A refusal that explains itself: the message, not a stack.
        if (!(error instanceof PreconditionFailedError)) throw error;
        process.stderr.write(`ecommerce: ${error.message}\n`);
        process.exitCode = 1;
      } finally {
        await adapters.close();
      }
    });
}
