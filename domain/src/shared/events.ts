import type { EventPayloads, EventType } from '@ecommerce/schemas';

/**
 * A domain event as deciders see it: the Avro-backed payload under `data`, with no
 * store metadata (ids, revisions and times belong to the event store and the handler).
 * Distributes over a union of types, so `DomainEvent<'A' | 'B'>` is a discriminated union.
 */
export type DomainEvent<Type extends EventType = EventType> = {
  [T in Type]: { type: T; data: EventPayloads[T] };
}[Type];

/** A command: an imperative name and the data it needs, time and ids included. */
export interface DomainCommand<Type extends string, Data> {
  type: Type;
  data: Data;
}
