import type { Database } from 'better-sqlite3';
import { moveToRowidTable } from '../../sqlite/rowid-table';

/**
 * A rowid table: a message with its headers is larger than a twentieth of a page, and in a
 * WITHOUT ROWID table (what files written before hold, moved when opened) each append cost
 * about twice as much; the primary key's index keeps reads by offset.
 */
const messagesColumns = `
     topic TEXT NOT NULL,
     partition INTEGER NOT NULL,
     offset INTEGER NOT NULL,
     key TEXT,
     value BLOB,
     headers TEXT NOT NULL DEFAULT '{}',
     timestamp INTEGER NOT NULL,
     PRIMARY KEY (topic, partition, offset)`;

/**
 * Tables of the embedded log. `partitions.end_offset` is the next offset to write: kept
 * apart from `messages` so that end offsets survive compaction and are read cheaply by pollers.
 */
const statements = [
  `CREATE TABLE IF NOT EXISTS log_topics (
     name TEXT PRIMARY KEY,
     partitions INTEGER NOT NULL,
     compacted INTEGER NOT NULL DEFAULT 0)`,
  `CREATE TABLE IF NOT EXISTS log_partitions (
     topic TEXT NOT NULL,
     partition INTEGER NOT NULL,
     end_offset INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (topic, partition))`,
  `CREATE TABLE IF NOT EXISTS log_messages (${messagesColumns})`,
  `CREATE TABLE IF NOT EXISTS log_group_offsets (
     group_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     partition INTEGER NOT NULL,
     next_offset INTEGER NOT NULL,
     PRIMARY KEY (group_id, topic, partition))`,
  `CREATE TABLE IF NOT EXISTS log_group_members (
     group_id TEXT NOT NULL,
     member_id TEXT NOT NULL,
     topics TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     PRIMARY KEY (group_id, member_id))`,
  `CREATE TABLE IF NOT EXISTS log_partition_leases (
     group_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     partition INTEGER NOT NULL,
     member_id TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     PRIMARY KEY (group_id, topic, partition))`,
  `CREATE TABLE IF NOT EXISTS log_transactional_producers (
     transactional_id TEXT PRIMARY KEY,
     epoch INTEGER NOT NULL)`,
];

export function applyLogSchema(db: Database): void {
  moveToRowidTable(db, 'log_messages', messagesColumns);
  db.transaction(() => {
    for (const sql of statements) db.prepare(sql).run();
  }).immediate();
}
