import type { CommandContext, CommandOutcome } from './handle-command';

/** Where a command's last event landed: the ids, the stream revision (ETag) and the consistency token's parts. */
export interface CommandAnswer {
  id: string;
  stream: string;
  revision: number;
  position: number;
}

/** What a command route answers: the stream's revision, and the position of what was appended (the store's head when nothing was). */
export async function answerOf(context: Pick<CommandContext, 'eventStore'>, id: string, stream: string, outcome: CommandOutcome<unknown, unknown>): Promise<CommandAnswer> {
  return { id, stream, revision: outcome.revision, position: outcome.append?.position ?? (await context.eventStore.headPosition()) };
}
