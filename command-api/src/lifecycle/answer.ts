import type { CommandAnswer } from '../catalog/commands';
import type { CommandContext, CommandOutcome } from '../handle-command';

/** What a command route answers: the stream's revision, and the position of what was appended (the store's head when nothing was). */
export async function answerOf(context: CommandContext, id: string, stream: string, outcome: CommandOutcome<unknown, unknown>): Promise<CommandAnswer> {
  return { id, stream, revision: outcome.revision, position: outcome.append?.position ?? (await context.eventStore.headPosition()) };
}
