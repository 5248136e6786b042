import { createLruCache } from '../lru-cache';
import type { EventStore } from './port';

/**
 * The part of a decider that folds a stream (the domain's `Decider` has this shape; the
 * platform may not import the domain, so it names only what it needs).
 */
export interface StreamFold<Event, State> {
  /** A fresh state for a stream with no events. */
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
}

/** An event as the store keeps it, without its envelope: what deciders' events are built from and turned into. */
export interface StoredEvent {
  type: string;
  data: Record<string, unknown>;
}

/**
 * A stored event as the decider's event type. The store keeps `{ type, data }` without knowing
 * the domain's union of events; a stream holds only its own decider's events (every append goes
 * through that decider, and `withSchemaCheck` checks each against its type's schema), so this is
 * where that is trusted: the project's one cast from stored events to a decider's.
 */
export const asDeciderEvent = <Event>(stored: { type: string; data: unknown }): Event => ({ type: stored.type, data: stored.data }) as unknown as Event;

/**
 * A decider's event as the store keeps it. A widening, not a leap of faith: every event's data is
 * an object; only TypeScript's rule that interfaces carry no index signature needs the `as`.
 */
export const asStoredEvent = (event: { type: string; data: object }): StoredEvent => ({ type: event.type, data: event.data as Record<string, unknown> });

export interface AggregateStreamOptions {
  /** Inclusive: fold only the events up to this revision (the state as it was then). Default: all. */
  upToRevision?: number;
}

export interface AggregatedStream<Event, State> {
  state: State;
  /** Revision of the last event folded in; -1 when the stream has none. */
  revision: number;
  /** The events folded in, in stream order. */
  events: Event[];
}

/**
 * Reads a stream and folds it into state with a decider's `evolve`, as Emmett's `aggregateStream`
 * does: the one way a command handler, a route or a checkout learns what a stream says now (or
 * said at a revision). A missing stream folds to the initial state at revision -1.
 */
export async function aggregateStream<Event, State>(
  eventStore: EventStore,
  streamId: string,
  fold: StreamFold<Event, State>,
  options: AggregateStreamOptions = {},
): Promise<AggregatedStream<Event, State>> {
  const { upToRevision } = options;
  if (upToRevision !== undefined && upToRevision < 0) return { state: fold.initialState(), revision: -1, events: [] };
  const recorded = await eventStore.readStream(streamId, upToRevision === undefined ? {} : { maxCount: upToRevision + 1 });
  let state = fold.initialState();
  const events: Event[] = [];
  for (const stored of recorded) {
    const event = asDeciderEvent<Event>(stored);
    state = fold.evolve(state, event);
    events.push(event);
  }
  return { state, revision: recorded.at(-1)?.revision ?? -1, events };
}

export interface StreamStateCache<State> {
  /** The stream's state now: what is held, caught up with the events appended since. */
  aggregate(streamId: string): Promise<{ state: State; revision: number }>;
}

/**
 * The latest state of many streams of one decider, kept between reads, for streams read far more
 * often than written (a product, at every order placed). A read asks the store only for the events
 * after the revision held, mostly none, and folds them on: as current as `aggregateStream`, since a
 * stream only grows. The `maxStreams` read most lately are held.
 *
 * The requests of one event-loop turn share one read per stream, made at the turn's end (in its
 * check phase, beside the turn's commits), after all of them asked: each gets a state at least as
 * current as when it asked; a write not yet committed then is not seen, as it was not acknowledged.
 * Under load a turn holds many orders for the same few products, and each of their reads was a
 * store call with its own tail (timed at 2,000 orders/s: a tenth of the main thread).
 */
export function createStreamStateCache<Event, State>(eventStore: EventStore, fold: StreamFold<Event, State>, options: { maxStreams?: number } = {}): StreamStateCache<State> {
  const held = createLruCache<{ state: State; revision: number }>(options.maxStreams ?? 10_000);
  const catchUp = async (streamId: string) => {
    const known = held.get(streamId);
    const recorded = await eventStore.readStream(streamId, known ? { fromRevision: known.revision + 1 } : {});
    let current = known ?? { state: fold.initialState(), revision: -1 };
    if (recorded.length > 0) {
      let { state } = current;
      for (const stored of recorded) state = fold.evolve(state, asDeciderEvent<Event>(stored));
      current = { state, revision: (recorded.at(-1) as { revision: number }).revision };
    }
    if (current.revision >= 0) held.set(streamId, current);
    return current;
  };
  /** The reads asked for in this turn, not begun yet. */
  const due = new Map<string, Promise<{ state: State; revision: number }>>();
  return {
    aggregate(streamId) {
      let read = due.get(streamId);
      if (!read) {
        read = new Promise((resolve, reject) => {
          setImmediate(() => {
            due.delete(streamId);
            catchUp(streamId).then(resolve, reject);
          });
        });
        due.set(streamId, read);
      }
      return read;
    },
  };
}
