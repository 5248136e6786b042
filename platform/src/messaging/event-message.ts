import { eventTopic, isEventType, recordNameOf } from '@ecommerce/schemas';
import type { RecordedEvent } from '../event-store/port';
import type { LogMessage, ProducerRecord, TopicSpec } from '../log/port';
import type { Serde } from '../serde/port';
import { UndecodableMessageError } from '../serde/port';
import { deadLetterTopic, eventTopics, mirrorCheckpointTopic } from './topics';

/** Headers on every mirrored event (DESIGN §5). */
export const eventHeaders = {
  eventId: 'event-id',
  type: 'event-type',
  stream: 'stream-id',
  revision: 'stream-revision',
  position: 'position',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  occurredAt: 'occurred-at',
} as const;

/** Events whose type has an Avro schema go to their context's topic; anything else stays in the store. */
export const isPublishable = (event: Pick<RecordedEvent, 'type'>): boolean => isEventType(event.type);

/** The headers of a stored event's message; a mirror dead letter carries them too. */
export function eventHeadersOf(event: RecordedEvent): Record<string, string> {
  const headers: Record<string, string> = {
    [eventHeaders.eventId]: event.id,
    [eventHeaders.type]: event.type,
    [eventHeaders.stream]: event.streamId,
    [eventHeaders.revision]: String(event.revision),
    [eventHeaders.position]: String(event.position),
    [eventHeaders.occurredAt]: String(event.metadata.occurredAt ?? event.recordedAt.toISOString()),
  };
  if (typeof event.metadata.correlationId === 'string') headers[eventHeaders.correlationId] = event.metadata.correlationId;
  if (typeof event.metadata.causationId === 'string') headers[eventHeaders.causationId] = event.metadata.causationId;
  return headers;
}

/** An event as its topic's message; the serde throws UnencodableDataError for data its schema cannot write. */
export async function eventToRecord(event: RecordedEvent, serde: Serde): Promise<ProducerRecord> {
  if (!isEventType(event.type)) throw new Error(`event type ${event.type} has no schema`);
  const topic = eventTopic(event.type);
  return { topic, key: event.streamId, value: await serde.encode(topic, recordNameOf(event.type), event.data), headers: eventHeadersOf(event) };
}

/**
 * A consumed message back as the event it mirrors; the Avro body is decoded through the registry.
 * An event of a type this consumer does not know (`isKnownType`; the platform's event types by
 * default) is an UndecodableMessageError: it goes to the dead letters, to be replayed once a
 * consumer that knows it runs, rather than being passed over in silence.
 */
export async function recordToEvent(message: LogMessage, serde: Serde, isKnownType: (type: string) => boolean = isEventType): Promise<RecordedEvent> {
  if (!message.value) throw new UndecodableMessageError(`message ${message.topic}/${message.partition}@${message.offset} has no value`);
  const decoded = await serde.decode(message.value);
  const header = (name: string): string | undefined => message.headers[name];
  const type = header(eventHeaders.type) ?? decoded.recordName.split('.').at(-1) ?? decoded.recordName;
  if (!isKnownType(type)) throw new UndecodableMessageError(`event type ${type} (record ${decoded.recordName}) is not one this consumer knows`);
  const occurredAt = header(eventHeaders.occurredAt);
  return {
    id: header(eventHeaders.eventId) ?? `${message.topic}-${message.partition}-${message.offset}`,
    type,
    streamId: header(eventHeaders.stream) ?? message.key ?? '',
    revision: Number(header(eventHeaders.revision) ?? -1),
    position: Number(header(eventHeaders.position) ?? -1),
    data: decoded.data,
    metadata: {
      correlationId: header(eventHeaders.correlationId),
      causationId: header(eventHeaders.causationId),
      occurredAt,
    },
    recordedAt: occurredAt ? new Date(occurredAt) : new Date(message.timestamp),
  };
}

/** Every topic the platform uses, with its partition count; created by each process at start (idempotent). */
export function platformTopics(partitions: number): TopicSpec[] {
  return [
    ...Object.values(eventTopics).map((topic) => ({ topic, partitions })),
    { topic: deadLetterTopic, partitions: 1 },
    { topic: mirrorCheckpointTopic, partitions: 1, compacted: true },
  ];
}
