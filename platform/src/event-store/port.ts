/**
 * The event store port: streams of events with optimistic concurrency and a
 * global, totally ordered `$all` log. Revisions start at 0 for a stream's first
 * event (as in EventStoreDB); positions are monotonic across the store.
 * Numbers, not bigints: JSON-friendly in tokens, checkpoints and headers; adapters
 * refuse values past Number.MAX_SAFE_INTEGER.
 */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  /** ISO-8601 instant the fact happened, given by the handler's clock. */
  occurredAt?: string;
  /** Who caused it (user id), when known. */
  actor?: string;
  [key: string]: unknown;
}

export interface NewEvent<Type extends string = string, Data = Record<string, unknown>> {
  /** A UUID; deterministic where the cause is a message (DESIGN §4.4). */
  id: string;
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = Record<string, unknown>> {
  id: string;
  type: Type;
  streamId: string;
  revision: number;
  /** Global position in `$all`. */
  position: number;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
}

/** `no_stream`: the stream must not exist; `stream_exists`: it must; a number: its last revision must equal it. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Default: start (forwards) or end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: read events strictly after this position. Default: from the start. */
  after?: number;
  /** Counts the events returned (of `types`, when given). */
  maxCount?: number;
  /**
   * Only events of these types, the others passed over without being decoded (a rebuild reads
   * `$all` for the few types its projection applies). Every type when absent.
   */
  types?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: deliver events strictly after it. Default: from the start. */
  after?: number;
  /**
   * Only events of these types are delivered, the others passed over without being decoded (the
   * timer service follows one type of the many an order appends). Every type when absent.
   */
  types?: readonly string[];
  /** Called for each event in `$all` order; the next is not delivered until it resolves. */
  onEvent: (event: RecordedEvent) => Promise<void> | void;
  /** Called once when the subscription has delivered everything that existed at subscribe time. */
  onCaughtUp?: () => void;
  /** Called if the subscription stops on an error (not on `stop()`). */
  onError?: (error: Error) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventStore {
  /**
   * Append atomically. Throws ConcurrencyError (both revisions) when the
   * expectation fails — except that re-appending events whose ids are already the
   * stream's events at that expected revision is a no-op returning the original result.
   */
  append(streamId: string, events: readonly NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** Throws nothing for a missing stream: returns an empty list. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch up from the checkpoint, then follow live appends. */
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  /** Position of the last event in `$all` (0 when empty). */
  headPosition(): Promise<number>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}
