import { NotFoundError, ValidationError } from '../errors';
import type { Log, LogMessage } from '../log/port';
import { toDeadLetter } from './dead-letters';
import type { DeadLetter } from './dead-letters';
import { deadLetterTopic } from './topics';

/**
 * Reading the dead-letter topic page by page, newest first, for the admins' API (the CLI lists the
 * latest few). A page position is, per partition of the topic, the offset the next page reads
 * below: offsets only grow, so dead letters written meanwhile never shift a page.
 */
export type DeadLetterPosition = Record<string, number>;

export interface DeadLetterPage {
  items: DeadLetter[];
  /** Where the next page starts; null when nothing older is left. */
  next: DeadLetterPosition | null;
}

/**
 * Newest first: each partition in offset order (the log's own; two consumers' dead-letter times
 * may interleave differently), partitions merged by append time. Taking the newest head each time
 * gives every page the prefix of what one larger page would have listed.
 */
function mergeNewestFirst(partitions: LogMessage[][], limit: number): LogMessage[] {
  const heads = partitions.map((messages) => [...messages].sort((a, b) => b.offset - a.offset));
  const merged: LogMessage[] = [];
  while (merged.length < limit) {
    let newest: LogMessage[] | undefined;
    for (const queue of heads) {
      const head = queue[0];
      if (head && (!newest || head.timestamp > (newest[0] as LogMessage).timestamp)) newest = queue;
    }
    const next = newest?.shift();
    if (!next) break;
    merged.push(next);
  }
  return merged;
}

export async function readDeadLetterPage(log: Log, options: { limit: number; before?: DeadLetterPosition }): Promise<DeadLetterPage> {
  const limit = Math.max(1, options.limit);
  await log.ensureTopics([{ topic: deadLetterTopic, partitions: 1 }]);
  const ends = await log.endOffsets(deadLetterTopic);
  const windows = await Promise.all(
    ends.map(async (end, partition) => {
      const upper = Math.min(end, options.before?.[String(partition)] ?? end);
      const from = Math.max(0, upper - limit);
      const messages = upper > from ? (await log.read(deadLetterTopic, partition, from, upper - from)).filter((message) => message.offset < upper) : [];
      return { partition, upper, from, messages };
    }),
  );
  const taken = mergeNewestFirst(windows.map((window) => window.messages), limit);
  const next: DeadLetterPosition = {};
  let more = false;
  for (const { partition, upper, from, messages } of windows) {
    const mine = taken.filter((message) => message.partition === partition);
    next[String(partition)] = mine.length > 0 ? Math.min(...mine.map((message) => message.offset)) : upper;
    if (from > 0 || mine.length < messages.length) more = true;
  }
  return { items: taken.map(toDeadLetter), next: more ? next : null };
}

/** Parses `<partition>/<offset>`, the dead letter id the CLI and `replayDeadLetter` take. */
export function parseDeadLetterId(id: string): { partition: number; offset: number } {
  const match = /^(\d{1,6})\/(\d{1,16})$/.exec(id);
  if (!match) throw new ValidationError(`dead letter id ${id} is not <partition>/<offset>`, [{ field: 'id', message: 'expected <partition>/<offset>' }]);
  return { partition: Number(match[1]), offset: Number(match[2]) };
}

/** One dead letter by id, or a NotFoundError. */
export async function readDeadLetter(log: Log, id: string): Promise<DeadLetter> {
  const { partition, offset } = parseDeadLetterId(id);
  await log.ensureTopics([{ topic: deadLetterTopic, partitions: 1 }]);
  const ends = await log.endOffsets(deadLetterTopic);
  const end = ends[partition];
  const [message] = end !== undefined && offset < end ? await log.read(deadLetterTopic, partition, offset, 1) : [];
  if (!message || message.offset !== offset) throw new NotFoundError(`no dead letter ${id}`, { id });
  return toDeadLetter(message);
}
