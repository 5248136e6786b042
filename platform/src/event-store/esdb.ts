/**
 * The distributed event store: EventStoreDB / KurrentDB through
 * @eventstore/db-client v6. The caller builds the client
 * (`EventStoreDBClient.connectionString(url)`); `close()` disposes it.
 *
 * Idempotency comes from the server: an append whose event ids are already the
 * stream's events right after the expected revision succeeds without writing
 * (guaranteed for no_stream and exact revisions, best effort for any). Such a
 * repeat is answered without a position, so we read the position of the
 * stream's event at the returned revision, making the result equal the first one.
 */
import { BACKWARDS, END, START, StreamNotFoundError } from '@eventstore/db-client';
import type { AppendResult as EsdbAppendResult, EventStoreDBClient } from '@eventstore/db-client';
import { assertAppendInput, assertReadAllOptions, assertReadStreamOptions, assertTypes, toSafeNumber } from './append-input';
import { recordsAfter, recordsFromEnd } from './esdb-all-reader';
import { commitPositionOf, isSystemEvent, toEsdbEventData, toEsdbExpectedRevision, toRecordedEvent, translateEsdbError } from './esdb-mapping';
import { startEsdbSubscription } from './esdb-subscription';
import type { AppendResult, EventStore, ReadStreamOptions, RecordedEvent, Subscription } from './port';

export interface EsdbEventStoreOptions {
  /** Records per `$all` page in readAll, headPosition and subscription catch-up. Default 500. */
  readPageSize?: number;
}

export function createEsdbEventStore(client: EventStoreDBClient, options: EsdbEventStoreOptions = {}): EventStore {
  const pageSize = Math.max(2, options.readPageSize ?? 500);
  const subscriptions = new Set<Subscription>();

  async function readStream(streamId: string, readOptions: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertReadStreamOptions(readOptions);
    if (readOptions.maxCount === 0) return [];
    const backwards = readOptions.direction === 'backwards';
    const from = readOptions.fromRevision;
    const events: RecordedEvent[] = [];
    try {
      const read = client.readStream(streamId, {
        direction: backwards ? BACKWARDS : undefined,
        fromRevision: from === undefined ? (backwards ? END : START) : BigInt(from),
        maxCount: readOptions.maxCount,
      });
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateEsdbError(error, streamId);
    }
    return events;
  }

  async function positionOfRevision(streamId: string, revision: number): Promise<number> {
    const [event] = await readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? -1;
  }

  return {
    async append(streamId, events, appendOptions = {}): Promise<AppendResult> {
      const expected = appendOptions.expectedRevision ?? 'any';
      assertAppendInput(streamId, events, expected);
      let result: EsdbAppendResult;
      try {
        result = await client.appendToStream(streamId, events.map(toEsdbEventData), { expectedRevision: toEsdbExpectedRevision(expected) });
      } catch (error) {
        throw translateEsdbError(error, streamId, expected);
      }
      const nextExpectedRevision = toSafeNumber(result.nextExpectedRevision, 'revision');
      const position = result.position
        ? toSafeNumber(result.position.commit, 'commit position')
        : await positionOfRevision(streamId, nextExpectedRevision);
      return { nextExpectedRevision, position };
    },

    readStream,

    async readAll(readOptions = {}) {
      assertReadAllOptions(readOptions);
      const maxCount = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
      const events: RecordedEvent[] = [];
      if (maxCount === 0) return events;
      // This client's readAll filters nothing on the server: the other types are skipped here, undecoded.
      const types = readOptions.types && new Set(readOptions.types);
      try {
        for await (const record of recordsAfter(client, BigInt(readOptions.after ?? 0), pageSize)) {
          if (isSystemEvent(record) || (types && !types.has(record.type))) continue;
          events.push(toRecordedEvent(record));
          if (events.length >= maxCount) break;
        }
      } catch (error) {
        throw translateEsdbError(error, '$all');
      }
      return events;
    },

    subscribeToAll(subscribeOptions) {
      assertTypes(subscribeOptions.types);
      const subscription = startEsdbSubscription(client, subscribeOptions, pageSize);
      subscriptions.add(subscription);
      return {
        async stop() {
          subscriptions.delete(subscription);
          await subscription.stop();
        },
      };
    },

    // The last event a subscriber can see: system events are never delivered, so they do not count.
    async headPosition() {
      try {
        for await (const record of recordsFromEnd(client, pageSize)) {
          if (!isSystemEvent(record)) return Number(commitPositionOf(record));
        }
      } catch (error) {
        throw translateEsdbError(error, '$all');
      }
      return 0;
    },

    async health() {
      try {
        for await (const _resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
          // Reading one record proves the connection, the leader and read access.
        }
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },

    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      subscriptions.clear();
      await client.dispose();
    },
  };
}
