import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyFileSettings, eventsTableSchema, openSqliteEventStore, timeOrderedId } from '@ecommerce/platform';
import type { ExpectedRevision, Logger, NewEvent } from '@ecommerce/platform';
import { elapsedSince, perSecond } from './rate';
import type { SectionResult } from './report';
import { withTempDir } from './temp-dir';

const streamCount = 100;
const rawBatchSize = 100;
const portBatchSize = 100;
const section = 'event store';

// The adapter's own table, so raw inserts pay for the same indexes: the AUTOINCREMENT rowid,
// UNIQUE(event_id), UNIQUE(stream_id, revision).
const rawSchema = eventsTableSchema;

const streamOf = (index: number): string => `bench-${index % streamCount}`;

function createEvents(count: number): NewEvent[] {
  const occurredAt = new Date().toISOString();
  return Array.from({ length: count }, (_, sequence) => ({
    id: randomUUID(),
    type: 'BenchEventAppended',
    data: { sequence, note: 'one small event' },
    metadata: { occurredAt, correlationId: randomUUID() },
  }));
}

/** Same file settings as openSqliteEventStore. */
function openRawDatabase(file: string): Database.Database {
  const db = new Database(file);
  applyFileSettings(db);
  db.exec(rawSchema);
  return db;
}

/** Revisions per stream, as a caller tracking its own streams would; -1 = no stream yet. */
function createRevisionTracker() {
  const last = new Map<string, number>();
  return {
    expected(streamId: string): ExpectedRevision {
      const revision = last.get(streamId) ?? -1;
      return revision === -1 ? 'no_stream' : revision;
    },
    next(streamId: string): number {
      const revision = (last.get(streamId) ?? -1) + 1;
      last.set(streamId, revision);
      return revision;
    },
    advance(streamId: string, by: number): void {
      last.set(streamId, (last.get(streamId) ?? -1) + by);
    },
  };
}

async function portSingleAppends(file: string, events: readonly NewEvent[]): Promise<number> {
  const store = openSqliteEventStore(file);
  try {
    const revisions = createRevisionTracker();
    const started = performance.now();
    for (const [index, event] of events.entries()) {
      const streamId = streamOf(index);
      await store.append(streamId, [event], { expectedRevision: revisions.expected(streamId) });
      revisions.advance(streamId, 1);
    }
    return elapsedSince(started);
  } finally {
    await store.close();
  }
}

async function portBatchAppends(file: string, events: readonly NewEvent[]): Promise<number> {
  const store = openSqliteEventStore(file);
  try {
    const revisions = createRevisionTracker();
    const started = performance.now();
    for (let offset = 0, batch = 0; offset < events.length; offset += portBatchSize, batch += 1) {
      const streamId = streamOf(batch);
      const slice = events.slice(offset, offset + portBatchSize);
      await store.append(streamId, slice, { expectedRevision: revisions.expected(streamId) });
      revisions.advance(streamId, slice.length);
    }
    return elapsedSince(started);
  } finally {
    await store.close();
  }
}

/** Raw better-sqlite3: the same rows, `rowsPerTransaction` per BEGIN IMMEDIATE … COMMIT. */
function rawInserts(file: string, events: readonly NewEvent[], rowsPerTransaction: number): number {
  const db = openRawDatabase(file);
  try {
    const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const revisions = createRevisionTracker();
    const insertRows = db.transaction((rows: readonly NewEvent[], firstIndex: number) => {
      const recordedAt = Date.now();
      for (const [offset, event] of rows.entries()) {
        const streamId = streamOf(firstIndex + offset);
        insert.run(streamId, revisions.next(streamId), event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata ?? {}), recordedAt);
      }
    });
    const started = performance.now();
    for (let offset = 0; offset < events.length; offset += rowsPerTransaction) {
      insertRows.immediate(events.slice(offset, offset + rowsPerTransaction), offset);
    }
    return elapsedSince(started);
  } finally {
    db.close();
  }
}

/** Events per order stream and orders per transaction in the id comparison: an order's own events, a turn's worth of orders. */
const eventsPerOrder = 5;
const ordersPerTransaction = 50;
const rowsPerIdTransaction = ordersPerTransaction * eventsPerOrder;

/**
 * Raw inserts of order-like streams (a new stream every `eventsPerOrder` events), with random ids
 * (UUIDv4 event ids and stream ids) or time-ordered ones (UUIDv7, what the command API makes):
 * a random key puts each row's index entries on a random page, which the commit writes to the WAL.
 */
function rawInsertsWithIds(file: string, rows: number, ids: 'random' | 'time-ordered'): number {
  const db = openRawDatabase(file);
  const newId = ids === 'random' ? randomUUID : timeOrderedId;
  try {
    const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const data = JSON.stringify({ note: 'one small event', lines: [{ sku: 'SKU-1', quantity: 1 }] });
    const metadata = JSON.stringify({ occurredAt: new Date().toISOString(), correlationId: randomUUID() });
    const insertOrders = db.transaction((orders: number) => {
      const recordedAt = Date.now();
      for (let order = 0; order < orders; order += 1) {
        const streamId = `order-${newId()}`;
        for (let revision = 0; revision < eventsPerOrder; revision += 1) insert.run(streamId, revision, newId(), 'BenchEventAppended', data, metadata, recordedAt);
      }
    });
    const started = performance.now();
    for (let written = 0; written < rows; written += rowsPerIdTransaction) insertOrders.immediate(ordersPerTransaction);
    return elapsedSince(started);
  } finally {
    db.close();
  }
}

/** §1: appends through the port vs raw inserts of the same rows, each into its own fresh file. */
export async function benchEventStore(options: { appends: number; logger: Logger }): Promise<SectionResult> {
  const { appends, logger } = options;
  const events = createEvents(appends);
  return withTempDir('event-store', async (dir) => {
    // Every path once on a throwaway file first, so the first measured variant doesn't also pay for JIT warm-up.
    const warmUp = createEvents(Math.min(500, appends));
    await portSingleAppends(path.join(dir, 'warm-port.db'), warmUp);
    rawInserts(path.join(dir, 'warm-raw.db'), warmUp, 1);
    rawInserts(path.join(dir, 'warm-raw-batched.db'), warmUp, rawBatchSize);
    await portBatchAppends(path.join(dir, 'warm-port-batched.db'), warmUp);

    logger.info({ appends, streams: streamCount }, 'event store: single-event appends through the port');
    const portMs = await portSingleAppends(path.join(dir, 'port.db'), events);
    logger.info('event store: raw inserts, one transaction each');
    const rawMs = rawInserts(path.join(dir, 'raw.db'), events, 1);
    logger.info({ rowsPerTransaction: rawBatchSize }, 'event store: raw inserts, batched');
    const rawBatchedMs = rawInserts(path.join(dir, 'raw-batched.db'), events, rawBatchSize);
    logger.info({ eventsPerAppend: portBatchSize }, 'event store: batch appends through the port');
    const portBatchMs = await portBatchAppends(path.join(dir, 'port-batched.db'), events);

    // Ten times the appends (whole transactions, so the rows counted are the rows written): the index
    // effect shows once an index is larger than what one commit touches.
    const idRows = Math.ceil((appends * 10) / rowsPerIdTransaction) * rowsPerIdTransaction;
    logger.info({ rows: idRows, eventsPerOrder, ordersPerTransaction }, 'event store: raw inserts of order streams, random ids');
    const randomIdsMs = rawInsertsWithIds(path.join(dir, 'random-ids.db'), idRows, 'random');
    logger.info({ rows: idRows }, 'event store: raw inserts of order streams, time-ordered ids');
    const timeOrderedIdsMs = rawInsertsWithIds(path.join(dir, 'time-ordered-ids.db'), idRows, 'time-ordered');

    const port = perSecond(appends, portMs);
    const raw = perSecond(appends, rawMs);
    const note = `${appends} events, ${streamCount} streams`;
    return {
      figures: [
        { section, metric: 'port append, 1 event/append', value: port, unit: 'appends/s', note: `${note}, exact expected revision` },
        { section, metric: 'raw insert, 1 row/transaction', value: raw, unit: 'inserts/s', note: 'same table and pragmas' },
        { section, metric: 'port / raw ratio', value: Math.round((port / raw) * 100) / 100, unit: 'x' },
        { section, metric: `raw insert, ${rawBatchSize} rows/transaction`, value: perSecond(appends, rawBatchedMs), unit: 'rows/s', note: 'context; rows round-robin over the streams' },
        { section, metric: `port append, ${portBatchSize} events/append`, value: perSecond(appends, portBatchMs), unit: 'events/s', note: `${note}, one stream per append` },
        { section, metric: 'raw insert of order streams, random ids', value: perSecond(idRows, randomIdsMs), unit: 'rows/s', note: `${idRows} rows, ${eventsPerOrder} a stream, ${rowsPerIdTransaction} a transaction; UUIDv4 event and stream ids` },
        { section, metric: 'raw insert of order streams, time-ordered ids', value: perSecond(idRows, timeOrderedIdsMs), unit: 'rows/s', note: 'the same with UUIDv7 (timeOrderedId, what the command API makes)' },
        { section, metric: 'time-ordered / random ids', value: Math.round((randomIdsMs / timeOrderedIdsMs) * 100) / 100, unit: 'x' },
      ],
      details: { appends, streams: streamCount, idRows, elapsedMs: { portSingle: portMs, rawSingle: rawMs, rawBatched: rawBatchedMs, portBatched: portBatchMs, randomIds: randomIdsMs, timeOrderedIds: timeOrderedIdsMs } },
    };
  });
}
