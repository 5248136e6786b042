/**
 * The embedded event store: one SQLite file (better-sqlite3), safe to share
 * between processes through WAL. Appends run in one IMMEDIATE transaction, which
 * takes the write lock up front, so a stream's last revision read inside it
 * cannot change before the insert and positions are committed in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, ConcurrencyError } from '../errors';
import { assertAppendInput, assertReadAllOptions, assertReadStreamOptions, assertTypes } from './append-input';
import { startPollingSubscription } from './polling-subscription';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, Subscription } from './port';
import { noLimit, prepareEventStatements, toRecordedEvent } from './sqlite-statements';
import type { EventStatements } from './sqlite-statements';
import { applyFileSettings } from '../sqlite/file-settings';
import type { FileSettingsOptions } from '../sqlite/file-settings';
import { holdSignals, onAppended, signalAppended } from '../sqlite/signals';
import { createTurnCommit } from '../sqlite/turn-commit';
import type { TurnOutcome } from '../sqlite/turn-commit';

export interface SqliteEventStoreOptions {
  /**
   * How often subscriptions look for appends made by other processes (in-process appends wake
   * them at once). Default 25: one indexed query, and each hop of a multi-process pipeline waits
   * on it (an order crosses the mirror three times).
   */
  pollIntervalMs?: number;
  /** Events read per query by readAll paging and subscriptions. Default 500. */
  subscriptionBatchSize?: number;
}

const noStream = -1;

interface AppendRequest {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
}

function satisfies(expected: ExpectedRevision, last: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return last === noStream;
  if (expected === 'stream_exists') return last !== noStream;
  return expected === last;
}

/**
 * The earlier append these events would repeat, if they already sit in the stream
 * as a run starting at `firstRevision` (a retry after a lost answer): its result.
 */
function findOriginalAppend(
  statements: EventStatements,
  streamId: string,
  events: readonly NewEvent[],
  firstRevision: number,
): AppendResult | undefined {
  const stored = statements.idsFrom.all(streamId, firstRevision, events.length);
  if (stored.length !== events.length) return undefined;
  if (!stored.every((row, index) => row.event_id === events[index]?.id)) return undefined;
  const last = stored[stored.length - 1];
  return last && { nextExpectedRevision: firstRevision + events.length - 1, position: last.position };
}

// Duck-typed, not `instanceof`: better-sqlite3's native side builds SqliteError from the class of
// the first module instance that loaded it, which under jest's per-file registries is another realm.
const sqliteCode = (error: unknown): unknown => (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined);

/** `db` is handed over: `close()` closes it. The events table is created if missing. */
export function createSqliteEventStore(db: Database.Database, options: SqliteEventStoreOptions = {}): EventStore {
  const statements = prepareEventStatements(db);
  const settings = { pollIntervalMs: options.pollIntervalMs ?? 25, batchSize: options.subscriptionBatchSize ?? 500 };
  // A subscription on this file wakes at an append made by any store on it in this process, on any thread.
  const releaseSignals = holdSignals(db);
  const subscriptions = new Set<Subscription>();

  const appendRows = ({ streamId, events, expected }: AppendRequest): AppendResult => {
    const last = statements.lastRevision.get(streamId) ?? noStream;
    if (!satisfies(expected, last)) {
      const firstRevision = expected === 'no_stream' ? 0 : typeof expected === 'number' ? expected + 1 : undefined;
      const original = firstRevision === undefined ? undefined : findOriginalAppend(statements, streamId, events, firstRevision);
      if (original) return original;
      throw new ConcurrencyError(streamId, expected, last === noStream ? 'no_stream' : last);
    }
    const recordedAt = Date.now();
    let revision = last;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const metadata = JSON.stringify(event.metadata ?? {});
      const result = statements.insert.run(streamId, revision, event.id, event.type, JSON.stringify(event.data), metadata, recordedAt);
      position = Number(result.lastInsertRowid);
    }
    return { nextExpectedRevision: revision, position };
  };

  // The expectation held but an event id is taken: a retry under 'any' or
  // 'stream_exists' (the original run is in the stream), or a genuine clash.
  function explainDuplicate(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, cause: unknown): AppendResult | AppError {
    const mayBeRetry = expected === 'any' || expected === 'stream_exists';
    const first = mayBeRetry && events[0] ? statements.findEvent.get(events[0].id) : undefined;
    if (first && first.stream_id === streamId) {
      const original = findOriginalAppend(statements, streamId, events, first.revision);
      if (original) return original;
    }
    const taken = events.find((event) => statements.findEvent.get(event.id));
    return new AppError('conflict', `event id ${taken?.id ?? '(repeated within the append)'} is already in the store`, {
      details: { streamId, eventId: taken?.id },
      cause,
    });
  }

  /**
   * Group commit: the appends asked for while the event loop turns (an actor host's keys, the
   * command API's requests) are written in one IMMEDIATE transaction at the next turn, rather than
   * one each; a commit was the largest single cost of the embedded pipeline. Each still checks
   * its own expected revision and settles on its own outcome.
   */
  const inTurnTransaction = createTurnCommit(db);

  const settleAppend = (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, outcome: TurnOutcome<AppendResult>): AppendResult => {
    if (outcome.ok) return outcome.result;
    const { error } = outcome;
    if (sqliteCode(error) === 'SQLITE_BUSY') {
      // Another process held the write lock past busy_timeout: worth retrying.
      throw new AppError('unavailable', 'the event store file is busy', { retriable: true, cause: error });
    }
    if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
    const explained = explainDuplicate(streamId, events, expected, error);
    if (explained instanceof AppError) throw explained;
    return explained;
  };

  return {
    async append(streamId, events, appendOptions = {}) {
      const expected = appendOptions.expectedRevision ?? 'any';
      assertAppendInput(streamId, events, expected);
      const outcome = await inTurnTransaction(() => appendRows({ streamId, events, expected }));
      if (outcome.ok) signalAppended(db);
      return settleAppend(streamId, events, expected, outcome);
    },

    async readStream(streamId, readOptions = {}) {
      assertReadStreamOptions(readOptions);
      const limit = readOptions.maxCount ?? noLimit;
      const rows =
        readOptions.direction === 'backwards'
          ? statements.readBackwards.all(streamId, readOptions.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
          : statements.readForwards.all(streamId, readOptions.fromRevision ?? 0, limit);
      return rows.map(toRecordedEvent);
    },

    async readAll(readOptions = {}) {
      assertReadAllOptions(readOptions);
      const { after = 0, maxCount = noLimit, types } = readOptions;
      const rows = types ? statements.readAfterOfTypes.all(after, JSON.stringify(types), maxCount) : statements.readAfter.all(after, maxCount);
      return rows.map(toRecordedEvent);
    },

    subscribeToAll(subscribeOptions) {
      assertTypes(subscribeOptions.types);
      const source = {
        readAfter: (position: number, limit: number, types?: readonly string[]) =>
          (types ? statements.readAfterOfTypes.all(position, JSON.stringify(types), limit) : statements.readAfter.all(position, limit)).map(toRecordedEvent),
        headPosition: () => statements.headPosition.get() ?? 0,
        onAppended: (listener: () => void) => onAppended(db, listener),
      };
      const subscription = startPollingSubscription(source, subscribeOptions, settings);
      subscriptions.add(subscription);
      return {
        async stop() {
          subscriptions.delete(subscription);
          await subscription.stop();
        },
      };
    },

    async headPosition() {
      return statements.headPosition.get() ?? 0;
    },

    async health() {
      try {
        statements.ping.get();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },

    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      subscriptions.clear();
      releaseSignals();
      if (db.open) db.close();
    },
  };
}

/**
 * Opens (creating if needed) the event store file for embedded mode: WAL so
 * readers never block the writer and other processes can share the file,
 * synchronous=NORMAL (durable across process crashes; WAL keeps it consistent
 * across power loss), and a busy timeout so a second writer waits instead of failing.
 */
export function openSqliteEventStore(filePath: string, options: SqliteEventStoreOptions & FileSettingsOptions = {}): EventStore {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  try {
    applyFileSettings(db, options);
    return createSqliteEventStore(db, options);
  } catch (error) {
    db.close();
    throw error;
  }
}
