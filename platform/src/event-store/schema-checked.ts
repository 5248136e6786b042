import { avroSchemaOf, isEventType } from '@ecommerce/schemas';
import { ValidationError } from '../errors';
import { avroValidationIssues } from '../serde/avro-validation';
import type { EventStore, NewEvent } from './port';

/**
 * The Avro schema is the contract at the door (DESIGN §4.7): an event the mirror could not encode
 * is refused before it is appended, with a ValidationError naming each field (a 400 on the command
 * path; a non-retriable failure, so a dead letter, in a processor). Without this, one such event in
 * the store would stop everything downstream of the mirror. Types without a schema stay in the store
 * and are not checked.
 */
export function assertEventsEncode(streamId: string, events: readonly NewEvent[]): void {
  for (const event of events) {
    if (!isEventType(event.type)) continue;
    const { type } = avroSchemaOf(event.type);
    if (type.isValid(event.data, { noUndeclaredFields: true })) continue;
    const issues = avroValidationIssues(type, event.data);
    const fields = issues.map((issue) => issue.field || '(event)').join(', ');
    throw new ValidationError(`${event.type} for ${streamId} would not match its Avro schema (${fields})`, issues);
  }
}

/** The same store, with every append checked against the events' Avro schemas first. */
export function withSchemaCheck(store: EventStore): EventStore {
  return {
    async append(streamId, events, options) {
      assertEventsEncode(streamId, events);
      return store.append(streamId, events, options);
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    health: () => store.health(),
    close: () => store.close(),
  };
}
