import type { EventStore, RecordedEvent } from '@ecommerce/platform';

/** The first event of a set of types on a stream, and when the store recorded it (ms since the epoch). */
export interface Recorded {
  type: string;
  at: number;
}

export interface StreamWatch {
  /** The first of `types` recorded on `streamId` since the watch began, as soon as it is; rejects after `timeoutMs`. */
  recorded(streamId: string, types: readonly string[], timeoutMs: number): Promise<Recorded>;
  /** Drops what was kept of a stream nobody will wait on again. */
  forget(streamId: string): void;
  stop(): Promise<void>;
}

interface Waiter {
  types: readonly string[];
  resolve: (recorded: Recorded) => void;
  reject: (error: Error) => void;
}

/**
 * One `$all` subscription that keeps the first time of each event type on the streams named by
 * `prefixes`, from the store's head on: a lifecycle waits for its next state without a request
 * per poll, and its latencies are the store's own recorded times.
 */
export async function watchStreams(eventStore: EventStore, prefixes: readonly string[]): Promise<StreamWatch> {
  const seen = new Map<string, Map<string, number>>();
  const waiters = new Map<string, Waiter[]>();
  let failure: Error | undefined;

  const firstOf = (streamId: string, types: readonly string[]): Recorded | undefined => {
    const times = seen.get(streamId);
    for (const type of types) {
      const at = times?.get(type);
      if (at !== undefined) return { type, at };
    }
    return undefined;
  };

  const onEvent = (event: RecordedEvent) => {
    if (!prefixes.some((prefix) => event.streamId.startsWith(prefix))) return;
    const times = seen.get(event.streamId) ?? new Map<string, number>();
    seen.set(event.streamId, times);
    if (!times.has(event.type)) times.set(event.type, event.recordedAt.getTime());
    const waiting = waiters.get(event.streamId);
    if (!waiting) return;
    const still = waiting.filter((waiter) => {
      const found = firstOf(event.streamId, waiter.types);
      if (found) waiter.resolve(found);
      return !found;
    });
    if (still.length > 0) waiters.set(event.streamId, still);
    else waiters.delete(event.streamId);
  };

  const onError = (error: Error) => {
    failure = new Error(`the watch of the event store failed: ${error.message}`);
    for (const waiter of [...waiters.values()].flat()) waiter.reject(failure);
    waiters.clear();
  };
  const subscription = eventStore.subscribeToAll({ after: await eventStore.headPosition(), onEvent, onError });

  return {
    recorded(streamId, types, timeoutMs) {
      if (failure) return Promise.reject(failure);
      const found = firstOf(streamId, types);
      if (found) return Promise.resolve(found);
      return new Promise<Recorded>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.set(streamId, (waiters.get(streamId) ?? []).filter((waiter) => waiter !== entry));
          reject(new Error(`no ${types.join(' or ')} on ${streamId} after ${timeoutMs} ms`));
        }, timeoutMs);
        const entry: Waiter = {
          types,
          resolve: (recorded) => { clearTimeout(timer); resolve(recorded); },
          reject: (error) => { clearTimeout(timer); reject(error); },
        };
        waiters.set(streamId, [...(waiters.get(streamId) ?? []), entry]);
      });
    },
    forget: (streamId) => void seen.delete(streamId),
    stop: () => subscription.stop(),
  };
}
