import { eventHeaders, isPublishable } from '@ecommerce/platform';
import type { EventStore, Log, LogMessage, RecordedEvent } from '@ecommerce/platform';
import { eventTopic, isEventType } from '@ecommerce/schemas';

/** A stored event of a published type, and the topic the mirror must put it on. */
export interface StoredEventRef {
  id: string;
  streamId: string;
  revision: number;
  topic: string;
  /** Global position, and when it was stored: where in the run a loss happened. */
  position: number;
  recordedAt: string;
}

/** Consecutive published events (in `$all` order) none of which reached its topic. */
export interface MissingSpan {
  fromPosition: number;
  toPosition: number;
  events: number;
  fromTime: string;
  toTime: string;
}

/** A message of an event topic, as a read_committed consumer sees it. */
export interface PublishedMessage {
  topic: string;
  partition: number;
  offset: number;
  eventId: string;
  streamId: string;
  revision: number;
}

export interface MirrorCheck {
  stored: number;
  messages: number;
  missing: number;
  duplicated: number;
  unexpected: number;
  misplaced: number;
  streamsOutOfOrder: number;
  /** Where the missing events are: runs of the published sequence lost together, as a transaction would be. */
  missingSpans: MissingSpan[];
  /** The first few problems, spelled out. */
  examples: string[];
}

export const mirrorCheckPassed = (check: MirrorCheck): boolean =>
  check.missing + check.duplicated + check.unexpected + check.misplaced + check.streamsOutOfOrder === 0;

/**
 * Invariant 2 (DESIGN §4): every stored event of a published type is on its topic exactly once,
 * and each stream's events are in revision order, as the mirror-chaos test checks for one topic.
 */
export function checkMirror(stored: readonly StoredEventRef[], messages: readonly PublishedMessage[]): MirrorCheck {
  const examples: string[] = [];
  const note = (text: string) => void (examples.length < 10 && examples.push(text));
  const expected = new Map(stored.map((event) => [event.id, event]));
  const seen = new Map<string, number>();
  let unexpected = 0;
  let misplaced = 0;
  for (const message of messages) {
    seen.set(message.eventId, (seen.get(message.eventId) ?? 0) + 1);
    const event = expected.get(message.eventId);
    if (!event) {
      unexpected += 1;
      note(`message ${message.topic}/${message.partition}@${message.offset} carries event ${message.eventId}, which is not in the store`);
    } else if (event.topic !== message.topic) {
      misplaced += 1;
      note(`event ${event.id} of ${event.streamId} is on ${message.topic}, not ${event.topic}`);
    }
  }
  const duplicated = [...seen].filter(([, count]) => count > 1);
  for (const [id, count] of duplicated.slice(0, 3)) note(`event ${id} appears ${count} times`);
  const missing = stored.filter((event) => !seen.has(event.id));
  for (const event of missing.slice(0, 3)) note(`event ${event.id} (${event.streamId}@${event.revision}) was never published`);

  // Order per stream: in log order (a stream lives on one partition of one topic) its revisions are the stored ones, ascending.
  const storedRevisions = new Map<string, number[]>();
  for (const event of [...stored].sort((a, b) => a.revision - b.revision)) storedRevisions.set(event.streamId, [...(storedRevisions.get(event.streamId) ?? []), event.revision]);
  const publishedRevisions = new Map<string, number[]>();
  const inLogOrder = [...messages].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || a.offset - b.offset);
  for (const message of inLogOrder) publishedRevisions.set(message.streamId, [...(publishedRevisions.get(message.streamId) ?? []), message.revision]);
  let streamsOutOfOrder = 0;
  for (const [streamId, revisions] of publishedRevisions) {
    const want = storedRevisions.get(streamId) ?? [];
    if (revisions.length === want.length && revisions.every((revision, index) => revision === want[index])) continue;
    streamsOutOfOrder += 1;
    note(`${streamId}: published revisions ${revisions.slice(0, 8).join(',')}${revisions.length > 8 ? '…' : ''}, stored ${want.slice(0, 8).join(',')}${want.length > 8 ? '…' : ''}`);
  }
  return { stored: stored.length, messages: messages.length, missing: missing.length, duplicated: duplicated.length, unexpected, misplaced, streamsOutOfOrder, missingSpans: spansOf(stored, seen), examples };
}

function spansOf(stored: readonly StoredEventRef[], seen: ReadonlyMap<string, number>): MissingSpan[] {
  const spans: MissingSpan[] = [];
  let current: MissingSpan | undefined;
  for (const event of [...stored].sort((a, b) => a.position - b.position)) {
    if (seen.has(event.id)) {
      current = undefined;
    } else if (current) {
      Object.assign(current, { toPosition: event.position, toTime: event.recordedAt, events: current.events + 1 });
    } else {
      current = { fromPosition: event.position, toPosition: event.position, events: 1, fromTime: event.recordedAt, toTime: event.recordedAt };
      spans.push(current);
    }
  }
  return spans;
}

/** The published events of the store, with their topics. */
export async function storedPublishedEvents(eventStore: EventStore, pageSize = 5000): Promise<StoredEventRef[]> {
  const refs: StoredEventRef[] = [];
  for (let after = 0; ; ) {
    const page = await eventStore.readAll({ after, maxCount: pageSize });
    for (const event of page) if (isPublishable(event) && isEventType(event.type)) refs.push({ id: event.id, streamId: event.streamId, revision: event.revision, topic: eventTopic(event.type), position: event.position, recordedAt: event.recordedAt.toISOString() });
    if (page.length < pageSize) break;
    after = (page.at(-1) as RecordedEvent).position;
  }
  return refs;
}

/** Everything on these topics a read_committed reader sees (the log's `read` is read_committed on Kafka). */
export async function publishedMessages(log: Log, topics: readonly string[]): Promise<PublishedMessage[]> {
  const messages: PublishedMessage[] = [];
  for (const topic of topics) {
    const ends = await log.endOffsets(topic);
    for (const [partition, end] of ends.entries()) {
      for (let offset = 0; offset < end; ) {
        const page: LogMessage[] = await log.read(topic, partition, offset, 1000);
        if (page.length === 0) break;
        for (const message of page) {
          messages.push({ topic, partition, offset: message.offset, eventId: message.headers[eventHeaders.eventId] ?? '', streamId: message.headers[eventHeaders.stream] ?? '', revision: Number(message.headers[eventHeaders.revision]) });
        }
        offset = (page.at(-1) as LogMessage).offset + 1;
      }
    }
  }
  return messages;
}
