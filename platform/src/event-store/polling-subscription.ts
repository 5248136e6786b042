/**
 * A `$all` subscription over a store that can be read by position: batched reads,
 * strictly one event at a time in position order. It sleeps between empty reads
 * until either an in-process append wakes it or the poll interval passes — the
 * poll is what notices appends made by another process sharing the same file.
 */
import type { RecordedEvent, SubscribeToAllOptions, Subscription } from './port';

export interface PollingSource {
  /** Events after `position` in position order, only those of `types` when given. */
  readAfter(position: number, limit: number, types?: readonly string[]): RecordedEvent[];
  headPosition(): number;
  /** Registers a wake-up call for in-process appends; returns its removal. */
  onAppended(listener: () => void): () => void;
}

export interface PollingSettings {
  pollIntervalMs: number;
  batchSize: number;
}

export function startPollingSubscription(
  source: PollingSource,
  options: SubscribeToAllOptions,
  settings: PollingSettings,
): Subscription {
  let stopped = false;
  let appendedSinceRead = false;
  let wake: (() => void) | undefined;
  const removeListener = source.onAppended(() => {
    appendedSinceRead = true;
    wake?.();
  });

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, settings.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const run = async () => {
    // Start on a later tick: the caller gets its Subscription before the first onEvent.
    await Promise.resolve();
    let checkpoint = options.after ?? 0;
    const headAtSubscribe = source.headPosition();
    let caughtUp = false;
    while (!stopped) {
      appendedSinceRead = false;
      // Every event up to a head seen before the read is in the read: a filtered one that came
      // short has passed over the others up to that head, and the next read starts there.
      const headBefore = options.types ? source.headPosition() : 0;
      const batch = source.readAfter(checkpoint, settings.batchSize, options.types);
      for (const event of batch) {
        if (stopped) return;
        await options.onEvent(event);
        checkpoint = event.position;
      }
      const readToEnd = batch.length < settings.batchSize;
      if (readToEnd && headBefore > checkpoint) checkpoint = headBefore;
      if (!caughtUp && (checkpoint >= headAtSubscribe || readToEnd)) {
        caughtUp = true;
        options.onCaughtUp?.();
      }
      if (!readToEnd || stopped) continue;
      if (!appendedSinceRead) await sleep();
    }
  };

  const finished = run().catch((error: unknown) => {
    if (stopped) return;
    stopped = true;
    const failure = error instanceof Error ? error : new Error(String(error));
    if (options.onError) options.onError(failure);
    // Nobody listens: fail loudly, as an EventEmitter does with an unhandled 'error'.
    else setImmediate(() => {
      throw failure;
    });
  }).finally(removeListener);

  return {
    async stop() {
      stopped = true;
      wake?.();
      await finished;
    },
  };
}
