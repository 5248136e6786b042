import { openSqliteEventStore, randomId } from '@ecommerce/platform';
import type { AppendResult, EventStore } from '@ecommerce/platform';
import { withTempDir } from './temp-dir';

/** A fresh SQLite event store for one test, closed and removed afterwards. */
export const withTestEventStore = (work: (eventStore: EventStore) => Promise<void>): Promise<void> =>
  withTempDir('bench-test', async (dir) => {
    const eventStore = openSqliteEventStore(`${dir}/events.db`, { pollIntervalMs: 5 });
    try {
      await work(eventStore);
    } finally {
      await eventStore.close();
    }
  });

/** Appends one event of `type` to the stream. */
export const appendOne = (eventStore: EventStore, streamId: string, type: string, data: Record<string, unknown> = {}): Promise<AppendResult> =>
  eventStore.append(streamId, [{ id: randomId(), type, data }]);
