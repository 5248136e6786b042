/** The event store port, its SQLite (embedded) and EventStoreDB (distributed) adapters. The contract suite is imported by tests directly. */
export type {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from './port';
export { createSqliteEventStore, openSqliteEventStore } from './sqlite';
export { eventsTableSchema } from './sqlite-statements';
export type { SqliteEventStoreOptions } from './sqlite';
export { createEsdbEventStore } from './esdb';
export { isEsdbOutage, withEsdbOutagesAsUnavailable } from './esdb-outages';
export type { EsdbEventStoreOptions } from './esdb';
export { assertEventsEncode, withSchemaCheck } from './schema-checked';
export { aggregateStream, asDeciderEvent, asStoredEvent, createStreamStateCache } from './aggregate-stream';
export type { AggregatedStream, AggregateStreamOptions, StoredEvent, StreamFold, StreamStateCache } from './aggregate-stream';
