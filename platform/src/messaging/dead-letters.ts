import { NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import type { RecordedEvent } from '../event-store/port';
import type { Headers, Log, LogMessage, ProducerRecord } from '../log/port';
import { eventHeadersOf } from './event-message';
import { deadLetterTopic } from './topics';

/**
 * Dead letters (DESIGN §4.9): what a consumer could not decode or apply, and what the mirror could
 * not encode, with the reason, so that nothing can wedge a consumer. One record shape for all of
 * them; the processors, the projections and the mirror write it, `ecommerce dlq` reads it.
 */

/** Headers a dead letter carries on top of the original message's own. */
export const dlqHeaders = {
  reason: 'dlq-reason',
  /** `<group> <topic>/<partition>@<offset>` of the original message, or `<mirror id> $all@<position>` of a stored event. */
  source: 'dlq-source',
  at: 'dlq-at',
  attempts: 'dlq-attempts',
  /** Set on a replayed message: the dead letter it came from. */
  replayedFrom: 'dlq-replayed-from',
} as const;

/** A consumed message, or (from the mirror) an event of the event store's `$all` that never became a message. */
export type DeadLetterSource =
  | { kind: 'message'; groupId: string; topic: string; partition: number; offset: number }
  | { kind: 'event-store'; groupId: string; position: number };

export interface DeadLetter {
  /** `<partition>/<offset>` in the dead-letter topic: what `replayDeadLetter` takes. */
  id: string;
  reason: string;
  source: DeadLetterSource | null;
  at: string | null;
  attempts: number | null;
  key: string | null;
  /** The original bytes; for a mirror dead letter, the stored event as JSON. */
  value: Buffer | null;
  /** The original message's headers, without the dlq-* ones. */
  headers: Headers;
}

const dlqAnnotations = (source: string, reason: string, attempts: number): Headers => ({
  [dlqHeaders.reason]: reason,
  [dlqHeaders.source]: source,
  [dlqHeaders.at]: new Date().toISOString(),
  [dlqHeaders.attempts]: String(attempts),
});

/** The dead-letter record of a message: original key, value and headers kept, the reason added. */
export function deadLetterRecord(message: LogMessage, groupId: string, reason: string, attempts: number): ProducerRecord {
  return {
    topic: deadLetterTopic,
    key: message.key,
    value: message.value,
    headers: { ...message.headers, ...dlqAnnotations(`${groupId} ${message.topic}/${message.partition}@${message.offset}`, reason, attempts) },
  };
}

/**
 * The dead-letter record of a stored event the mirror could not encode: there are no original
 * bytes, so the value is the event itself as JSON (everything the store holds of it).
 */
export function eventDeadLetterRecord(event: RecordedEvent, mirrorId: string, reason: string): ProducerRecord {
  const { id, type, streamId, revision, position, data, metadata, recordedAt } = event;
  return {
    topic: deadLetterTopic,
    key: streamId,
    value: Buffer.from(JSON.stringify({ id, type, streamId, revision, position, data, metadata, recordedAt })),
    headers: { ...eventHeadersOf(event), 'content-type': 'application/json', ...dlqAnnotations(`${mirrorId} $all@${position}`, reason, 1) },
  };
}

export function parseDeadLetterSource(value: string | undefined): DeadLetterSource | null {
  const stored = value ? /^(\S+) \$all@(\d+)$/.exec(value) : null;
  if (stored) return { kind: 'event-store', groupId: stored[1] as string, position: Number(stored[2]) };
  const match = value ? /^(\S+) (.+)\/(\d+)@(\d+)$/.exec(value) : null;
  if (!match) return null;
  return { kind: 'message', groupId: match[1] as string, topic: match[2] as string, partition: Number(match[3]), offset: Number(match[4]) };
}

/** The source as the header writes it: `<group> <topic>/<partition>@<offset>` or `<mirror id> $all@<position>`. */
export function describeDeadLetterSource(source: DeadLetterSource | null): string {
  if (!source) return '?';
  return source.kind === 'event-store' ? `${source.groupId} $all@${source.position}` : `${source.groupId} ${source.topic}/${source.partition}@${source.offset}`;
}

const originalHeaders = (headers: Headers): Headers =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('dlq-')));

/** A message of the dead-letter topic as a dead letter: its annotations parsed, the original headers apart. */
export function toDeadLetter(message: LogMessage): DeadLetter {
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

/**
 * Why a mirror dead letter is not replayed: only the mirror writes event topics, in `$all` order,
 * and the stored event is what failed. Publishing it beside the mirror would put it after later
 * events of its stream; the fix is a corrective event, which the mirror then publishes in order.
 */
function notReplayable(id: string, letter: DeadLetter, position: number): PreconditionFailedError {
  const stream = letter.headers['stream-id'] ?? letter.key ?? '?';
  const what = `${letter.headers['event-type'] ?? 'event'} ${letter.headers['event-id'] ?? ''} (stream ${stream} revision ${letter.headers['stream-revision'] ?? '?'}, $all@${position})`;
  return new PreconditionFailedError(
    `dead letter ${id} is the stored event ${what}, which the mirror could not encode: ${letter.reason}. ` +
      `Nothing was replayed: the event store keeps that event as it is, and publishing it now would put it after later events of its stream. ` +
      `Correct it by appending a corrective event to ${stream} (the mirror publishes that one in order); the original is kept in this dead letter as JSON.`,
    { id, position, streamId: stream },
  );
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
  if (letter.source.kind === 'event-store') throw notReplayable(id, letter, letter.source.position);
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
