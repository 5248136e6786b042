/**
 * `$all` subscription on EventStoreDB. Catch-up is done by paged reads, so
 * onCaughtUp is exact on every server version (the server's own caught-up
 * signal only exists from 23.10); then a live subscription continues from the
 * last record read. Events are handed over one at a time: the async iterator
 * pauses the gRPC stream while onEvent runs.
 */
import { START, eventTypeFilter, excludeSystemEvents } from '@eventstore/db-client';
import type { AllStreamSubscription, EventStoreDBClient } from '@eventstore/db-client';
import { AppError } from '../errors';
import { recordsAfter } from './esdb-all-reader';
import { commitPositionOf, isSystemEvent, toEsdbPosition, toRecordedEvent } from './esdb-mapping';
import type { SubscribeToAllOptions, Subscription } from './port';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function startEsdbSubscription(client: EventStoreDBClient, options: SubscribeToAllOptions, pageSize: number): Subscription {
  let stopped = false;
  let live: AllStreamSubscription | undefined;
  const types = options.types && new Set(options.types);
  // System events start with `$`, which no type of ours does: the types' filter leaves them out too.
  const isDelivered = (record: Parameters<typeof isSystemEvent>[0]) => !isSystemEvent(record) && (!types || types.has(record.type));

  const run = async () => {
    await Promise.resolve();
    // Advanced over system events too, so a resumed read never re-scans them.
    let checkpoint = BigInt(options.after ?? 0);
    for await (const record of recordsAfter(client, checkpoint, pageSize)) {
      if (stopped) return;
      if (isDelivered(record)) await options.onEvent(toRecordedEvent(record));
      checkpoint = commitPositionOf(record);
    }
    if (stopped) return;
    options.onCaughtUp?.();

    live = client.subscribeToAll({
      fromPosition: checkpoint === 0n ? START : toEsdbPosition(Number(checkpoint)),
      filter: options.types ? eventTypeFilter({ regex: `^(?:${options.types.map(escapeRegex).join('|')})$` }) : excludeSystemEvents(),
    });
    if (stopped) {
      // stop() ran while the live subscription was being opened: it had nothing to close yet.
      await live.unsubscribe().catch(() => undefined);
      return;
    }
    for await (const resolved of live) {
      if (stopped) return;
      const record = resolved.event;
      if (!record) continue;
      const position = commitPositionOf(record);
      if (position <= checkpoint) continue;
      if (isDelivered(record)) await options.onEvent(toRecordedEvent(record));
      checkpoint = position;
    }
    if (!stopped) throw new AppError('unavailable', 'the EventStoreDB $all subscription ended', { retriable: true });
  };

  const finished = run().catch((error: unknown) => {
    if (stopped) return;
    stopped = true;
    void live?.unsubscribe().catch(() => undefined);
    const failure = error instanceof Error ? error : new Error(String(error));
    if (options.onError) options.onError(failure);
    // Nobody listens: fail loudly, as an EventEmitter does with an unhandled 'error'.
    else setImmediate(() => {
      throw failure;
    });
  });

  return {
    async stop() {
      stopped = true;
      await live?.unsubscribe().catch(() => undefined);
      await finished;
    },
  };
}
