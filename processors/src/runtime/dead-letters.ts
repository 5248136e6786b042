import { NotFoundError, ValidationError, deadLetterTopic } from '@ecommerce/platform';
import type { Headers, Log, LogMessage, ProducerRecord } from '@ecommerce/platform';

/** Headers a dead letter carries on top of the original message's own. */
export const dlqHeaders = {
  reason: 'dlq-reason',
  /** `<group> <topic>/<partition>@<offset>` of the original message. */
  source: 'dlq-source',
  at: 'dlq-at',
  attempts: 'dlq-attempts',
  /** Set on a replayed message: the dead letter it came from. */
  replayedFrom: 'dlq-replayed-from',
} as const;

export interface DeadLetterSource {
  groupId: string;
  topic: string;
  partition: number;
  offset: number;
}

export interface DeadLetter {
  /** `<partition>/<offset>` in the dead-letter topic: what `replayDeadLetter` takes. */
  id: string;
  reason: string;
  source: DeadLetterSource | null;
  at: string | null;
  attempts: number | null;
  key: string | null;
  value: Buffer | null;
  /** The original message's headers, without the dlq-* ones. */
  headers: Headers;
}

/** The dead-letter record of a message: original key, value and headers kept, the reason added. */
export function deadLetterRecord(message: LogMessage, groupId: string, reason: string, attempts: number): ProducerRecord {
  return {
    topic: deadLetterTopic,
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [dlqHeaders.reason]: reason,
      [dlqHeaders.source]: `${groupId} ${message.topic}/${message.partition}@${message.offset}`,
      [dlqHeaders.at]: new Date().toISOString(),
      [dlqHeaders.attempts]: String(attempts),
    },
  };
}

export function parseDeadLetterSource(value: string | undefined): DeadLetterSource | null {
  const match = value ? /^(\S+) (.+)\/(\d+)@(\d+)$/.exec(value) : null;
  if (!match) return null;
  return { groupId: match[1] as string, topic: match[2] as string, partition: Number(match[3]), offset: Number(match[4]) };
}

const originalHeaders = (headers: Headers): Headers =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('dlq-')));

function toDeadLetter(message: LogMessage): DeadLetter {
  const attempts = message.headers[dlqHeaders.attempts];
  return {
    id: `${message.partition}/${message.offset}`,
    reason: message.headers[dlqHeaders.reason] ?? '(no reason recorded)',
    source: parseDeadLetterSource(message.headers[dlqHeaders.source]),
    at: message.headers[dlqHeaders.at] ?? null,
    attempts: attempts === undefined ? null : Number(attempts),
    key: message.key,
    value: message.value,
    headers: originalHeaders(message.headers),
  };
}

/** The latest `limit` dead letters of each partition of the dead-letter topic, oldest first. */
export async function listDeadLetters(log: Log, options: { limit?: number } = {}): Promise<DeadLetter[]> {
  const limit = Math.max(1, options.limit ?? 50);
  await log.ensureTopics([{ topic: deadLetterTopic, partitions: 1 }]);
  const ends = await log.endOffsets(deadLetterTopic);
  const letters: DeadLetter[] = [];
  for (const [partition, end] of ends.entries()) {
    const messages = await log.read(deadLetterTopic, partition, Math.max(0, end - limit), limit);
    letters.push(...messages.map(toDeadLetter));
  }
  return letters.slice(-limit);
}

/** Re-produces a dead letter's original key, value and headers to the topic it came from. */
export async function replayDeadLetter(log: Log, id: string): Promise<{ topic: string; partition: number; offset: number }> {
  const match = /^(\d+)\/(\d+)$/.exec(id);
  if (!match) throw new ValidationError(`dead letter id ${id} is not <partition>/<offset>`, [{ field: 'id', message: 'expected <partition>/<offset>' }]);
  const [partition, offset] = [Number(match[1]), Number(match[2])];
  const [message] = await log.read(deadLetterTopic, partition, offset, 1);
  if (!message || message.offset !== offset) throw new NotFoundError(`no dead letter ${id}`, { id });
  const letter = toDeadLetter(message);
  if (!letter.source) throw new ValidationError(`dead letter ${id} has no readable ${dlqHeaders.source} header`);
  const producer = log.createProducer();
  try {
    const [metadata] = await producer.send([
      { topic: letter.source.topic, key: letter.key, value: letter.value, headers: { ...letter.headers, [dlqHeaders.replayedFrom]: id } },
    ]);
    if (!metadata) throw new Error(`replaying dead letter ${id} returned no metadata`);
    return metadata;
  } finally {
    await producer.close();
  }
}
