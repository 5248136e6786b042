import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { range, text, textOf } from '../contract-helpers';
import { applyLogSchema } from './schema';
import { createLogStore } from './store';
import type { LogStore } from './store';

const TOPIC = 'orders';

/** The messages' values as text, what a reader compares. */
const values = (store: LogStore, from: number, before: number, max = 100) => store.readBelow(TOPIC, 0, from, before, max).map(textOf);

describe('embedded log store: what the consumer groups of a connection read', () => {
  let dir: string;
  const connections: SqliteDatabase[] = [];
  const open = () => {
    const db = new Database(path.join(dir, 'log.db'));
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    applyLogSchema(db);
    connections.push(db);
    return { db, store: createLogStore(db) };
  };
  /** Appended by another connection (another thread or process), committed. */
  const appendElsewhere = (labels: readonly string[]) => {
    const writer = open();
    writer.db.transaction(() => writer.store.append(labels.map((label) => ({ topic: TOPIC, partition: 0, key: null, value: text(label) })))).immediate();
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-log-store-'));
    const first = open();
    first.db.transaction(() => first.store.ensureTopics([{ topic: TOPIC, partitions: 1 }])).immediate();
  });
  afterEach(() => {
    for (const db of connections.splice(0)) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hands a range read once to the next group that reads it, as the file holds it', () => {
    const { store } = open();
    appendElsewhere(range(5).map((index) => `m${index}`));
    const first = store.readBelow(TOPIC, 0, 0, 5, 100);
    const second = store.readBelow(TOPIC, 0, 1, 5, 2);
    expect(second.map(textOf)).toEqual(['m1', 'm2']);
    expect(second[0]).toBe(first[1]);
    expect(values(open().store, 0, 5)).toEqual(values(store, 0, 5));
  });

  it('hands out frozen messages, however they are read, since the groups of a connection share them', () => {
    const { store } = open();
    appendElsewhere(['a']);
    for (const [message] of [store.readBelow(TOPIC, 0, 0, 1, 10), store.readBelow(TOPIC, 0, 0, 1, 10), store.read(TOPIC, 0, 0, 10)]) {
      expect(Object.isFrozen(message)).toBe(true);
      expect(Object.isFrozen(message?.headers)).toBe(true);
    }
  });

  it('reads without a limit when asked for a negative count, as SQLite does', () => {
    const { store } = open();
    appendElsewhere(['a', 'b', 'c']);
    expect(values(store, 0, 3, -1)).toEqual(['a', 'b', 'c']);
    expect(values(store, 1, 3, -1)).toEqual(['b', 'c']);
  });

  it('reads from the file only what lies past what it holds', () => {
    const { store } = open();
    appendElsewhere(['a', 'b']);
    const early = store.readBelow(TOPIC, 0, 0, 2, 100);
    appendElsewhere(['c', 'd', 'e']);
    const late = store.readBelow(TOPIC, 0, 0, 5, 100);
    expect(late.map(textOf)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(late[1]).toBe(early[1]);
    expect(late.map((message) => message.offset)).toEqual(range(5));
    expect(values(store, 3, 5, 1)).toEqual(['d']);
  });

  it('moves the messages of a file written with the earlier WITHOUT ROWID table, once, and goes on appending after them', () => {
    const earlier = path.join(dir, 'earlier.db');
    const old = new Database(earlier);
    old.exec(`
      CREATE TABLE log_topics (name TEXT PRIMARY KEY, partitions INTEGER NOT NULL, compacted INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE log_partitions (topic TEXT NOT NULL, partition INTEGER NOT NULL, end_offset INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (topic, partition));
      CREATE TABLE log_messages (topic TEXT NOT NULL, partition INTEGER NOT NULL, offset INTEGER NOT NULL, key TEXT, value BLOB,
        headers TEXT NOT NULL DEFAULT '{}', timestamp INTEGER NOT NULL, PRIMARY KEY (topic, partition, offset)) WITHOUT ROWID;
      INSERT INTO log_topics VALUES ('${TOPIC}', 1, 0);
      INSERT INTO log_partitions VALUES ('${TOPIC}', 0, 2);
      INSERT INTO log_messages VALUES ('${TOPIC}', 0, 0, 'k', x'6f6c6430', '{"h":"0"}', 1), ('${TOPIC}', 0, 1, NULL, x'6f6c6431', '{}', 2);
    `);
    old.close();
    const db = new Database(earlier);
    connections.push(db);
    applyLogSchema(db);
    const tableSql = () => (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'log_messages'").get() as { sql: string }).sql;
    expect(tableSql()).not.toMatch(/WITHOUT ROWID/i);
    applyLogSchema(db);
    const store = createLogStore(db);
    db.transaction(() => store.append([{ topic: TOPIC, partition: 0, key: null, value: text('new2') }])).immediate();
    const messages = store.read(TOPIC, 0, 0, 10);
    expect(messages.map(textOf)).toEqual(['old0', 'old1', 'new2']);
    expect(messages.map((message) => message.offset)).toEqual([0, 1, 2]);
    expect(messages[0]).toMatchObject({ key: 'k', headers: { h: '0' }, timestamp: 1 });
  });

  it('keeps nothing it read inside a transaction that was then rolled back', () => {
    const { db, store } = open();
    appendElsewhere(['kept']);
    expect(values(store, 0, 1)).toEqual(['kept']);
    const rolledBack = db.transaction(() => {
      store.append([{ topic: TOPIC, partition: 0, key: null, value: text('never committed') }]);
      expect(values(store, 1, 2)).toEqual(['never committed']);
      throw new Error('roll back');
    });
    expect(() => rolledBack.immediate()).toThrow('roll back');
    appendElsewhere(['committed instead']);
    expect(values(store, 0, 2)).toEqual(['kept', 'committed instead']);
  });

  it('holds what it commits to a partition its groups read, as the file holds it, and nothing of a partition they do not', () => {
    const { db, store } = open();
    db.transaction(() => store.ensureTopics([{ topic: 'other', partitions: 1 }])).immediate();
    appendElsewhere(['read first']);
    expect(values(store, 0, 1)).toEqual(['read first']);
    const value = text('committed');
    const records = [
      { topic: TOPIC, partition: 0, key: 'k', value, headers: { trace: 't1' } },
      { topic: TOPIC, partition: 0, key: null, value: null },
    ];
    const metadata = db.transaction(() => store.append(records, 1234)).immediate();
    store.holdWritten(records, metadata, 1234);
    // The producer's buffer is the producer's: what is held is a copy.
    value.write('C');
    const inFile = open().store.read(TOPIC, 0, 1, 10);
    // A probe only a test makes (the log never deletes): what is read next cannot come from the file.
    open().db.prepare('DELETE FROM log_messages WHERE offset >= 1').run();

    const held = store.readBelow(TOPIC, 0, 1, 3, 10);
    expect(held).toEqual(inFile);
    expect(held.map(textOf)).toEqual(['committed', null]);
    expect(held[0]).toMatchObject({ key: 'k', headers: { trace: 't1' }, timestamp: 1234, offset: 1 });
    expect(held.every((message) => Object.isFrozen(message) && Object.isFrozen(message.headers))).toBe(true);

    // A record said to sit where the file has none: held only if the partition were read.
    store.holdWritten([{ topic: 'other', partition: 0, key: null, value: text('never read') }], [{ topic: 'other', partition: 0, offset: 0 }], 1234);
    expect(store.readBelow('other', 0, 0, 1, 10)).toEqual([]);
  });
});
