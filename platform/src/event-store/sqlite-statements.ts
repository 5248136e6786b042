/**
 * The SQLite event table and every statement the adapter runs, prepared once per
 * store: preparing is the costly part of a better-sqlite3 call, and append is a hot path.
 */
import type Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from './port';

// `position` is the rowid: AUTOINCREMENT so a position is never handed out twice,
// even after the last row is deleted. UNIQUE(stream_id, revision) doubles as the
// index that finds a stream's last revision and reads a stream in order.
// recorded_at holds epoch milliseconds (cheaper to write than ISO text).
export const eventsTableSchema = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  UNIQUE (stream_id, revision)
);`;

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: number;
}

/** SQLite reads `LIMIT -1` as "no limit". */
export const noLimit = -1;

const columns = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';

export function prepareEventStatements(db: Database.Database) {
  db.exec(eventsTableSchema);
  return {
    lastRevision: db.prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck(),
    insert: db.prepare<[string, number, string, string, string, string, number]>(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    findEvent: db.prepare<[string], Pick<EventRow, 'stream_id' | 'revision'>>(
      'SELECT stream_id, revision FROM events WHERE event_id = ?',
    ),
    idsFrom: db.prepare<[string, number, number], Pick<EventRow, 'event_id' | 'position'>>(
      'SELECT event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    // Events are read as arrays of `columns`: keyed row objects cost more than the values in them (`$all` is read by the page).
    readForwards: db.prepare<[string, number, number], EventRowValues>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ).raw(true),
    readBackwards: db.prepare<[string, number, number], EventRowValues>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ).raw(true),
    readAfter: db.prepare<[number, number], EventRowValues>(
      `SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ).raw(true),
    // The types as a JSON array: one statement for any list of them.
    readAfterOfTypes: db.prepare<[number, string, number], EventRowValues>(
      `SELECT ${columns} FROM events WHERE position > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position LIMIT ?`,
    ).raw(true),
    headPosition: db.prepare<[], number | null>('SELECT MAX(position) FROM events').pluck(),
    ping: db.prepare<[], number>('SELECT 1').pluck(),
  };
}

export type EventStatements = ReturnType<typeof prepareEventStatements>;

/** An event row as `columns` lists it. */
export type EventRowValues = [position: number, streamId: string, revision: number, eventId: string, type: string, data: string, metadata: string, recordedAt: number];

export function toRecordedEvent([position, streamId, revision, eventId, type, data, metadata, recordedAt]: EventRowValues): RecordedEvent {
  return {
    id: eventId,
    type,
    streamId,
    revision,
    position,
    data: JSON.parse(data) as Record<string, unknown>,
    metadata: JSON.parse(metadata) as EventMetadata,
    recordedAt: new Date(recordedAt),
  };
}
