/** The SQLite tables behind the embedded read store, and the statements it runs on them. */
import type Database from 'better-sqlite3';
import type { IndexSpec } from './port';
import type { Entry } from './collection-state';
import { moveToRowidTable } from '../sqlite/rowid-table';

/**
 * Documents sit in a rowid table: in a WITHOUT ROWID table the whole row lives in the key's B-tree,
 * so a page holds only three or four documents of ~1 KB, and each write cost twice as much
 * (SQLite's own advice: WITHOUT ROWID for rows under a twentieth of a page). A file written
 * before has its documents moved, once, when opened.
 */
const documentsColumns = 'collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id)';

const schema = `
  CREATE TABLE IF NOT EXISTS read_store_collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS read_store_documents (${documentsColumns});
  CREATE TABLE IF NOT EXISTS read_store_tombstones (
    collection TEXT NOT NULL, id TEXT NOT NULL, revisions TEXT NOT NULL, PRIMARY KEY (collection, id)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS read_store_indexes (
    collection TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (collection, name)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS read_store_checkpoints (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

export interface StoredCollection {
  docs: Array<{ id: string; body: string }>;
  tombstones: Array<{ id: string; revisions: string }>;
  indexes: IndexSpec[];
}

export const createEmbeddedTables = (db: Database.Database) => {
  moveToRowidTable(db, 'read_store_documents', documentsColumns);
  db.exec(schema);
  const statement = (sql: string) => db.prepare(sql);
  const addCollection = statement('INSERT OR IGNORE INTO read_store_collections (name) VALUES (?)');
  const upsertDoc = statement(`INSERT INTO read_store_documents (collection, id, body) VALUES (?, ?, ?)
    ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body`);
  const deleteDoc = statement('DELETE FROM read_store_documents WHERE collection = ? AND id = ?');
  const upsertTombstone = statement(`INSERT INTO read_store_tombstones (collection, id, revisions) VALUES (?, ?, ?)
    ON CONFLICT (collection, id) DO UPDATE SET revisions = excluded.revisions`);
  const deleteTombstone = statement('DELETE FROM read_store_tombstones WHERE collection = ? AND id = ?');
  const upsertIndex = statement(`INSERT INTO read_store_indexes (collection, name, spec) VALUES (?, ?, ?)
    ON CONFLICT (collection, name) DO UPDATE SET spec = excluded.spec`);
  const selectDocs = statement('SELECT id, body FROM read_store_documents WHERE collection = ?');
  const selectTombstones = statement('SELECT id, revisions FROM read_store_tombstones WHERE collection = ?');
  const selectIndexes = statement('SELECT spec FROM read_store_indexes WHERE collection = ?');
  const dropStatements = ['collections WHERE name', 'documents WHERE collection', 'tombstones WHERE collection', 'indexes WHERE collection']
    .map((table) => statement(`DELETE FROM read_store_${table} = ?`));
  const selectCollections = statement('SELECT name FROM read_store_collections ORDER BY name');
  const selectCheckpoint = statement('SELECT value FROM read_store_checkpoints WHERE name = ?');
  const upsertCheckpoint = statement(`INSERT INTO read_store_checkpoints (name, value) VALUES (?, ?)
    ON CONFLICT (name) DO UPDATE SET value = excluded.value`);

  return {
    /**
     * Writes one entry as the in-memory state now holds it (a live body, a tombstone, or nothing).
     * `previous` is what memory held before, and memory and file agree: replacing a live
     * document needs no collection registration and has no tombstone to clear, nor does a document
     * of a collection `registered` by an earlier write of the same transaction.
     */
    writeEntry(collection: string, id: string, entry: Entry, previous: Entry, registered = false): void {
      const wasLive = previous !== undefined && 'live' in previous;
      if (entry && 'live' in entry) {
        if (!wasLive && !registered) addCollection.run(collection);
        upsertDoc.run(collection, id, JSON.stringify(entry.live));
        // Only a tombstone the file holds needs deleting (a new document has none: a rebuild writes thousands).
        if (previous !== undefined && !wasLive) deleteTombstone.run(collection, id);
      } else if (entry) {
        upsertTombstone.run(collection, id, JSON.stringify(entry.tombstone));
        if (wasLive) deleteDoc.run(collection, id);
      } else {
        deleteDoc.run(collection, id);
        deleteTombstone.run(collection, id);
      }
    },
    writeIndex(collection: string, spec: IndexSpec & { name: string }): void {
      addCollection.run(collection);
      upsertIndex.run(collection, spec.name, JSON.stringify(spec));
    },
    read(collection: string): StoredCollection {
      return {
        docs: selectDocs.all(collection) as StoredCollection['docs'],
        tombstones: selectTombstones.all(collection) as StoredCollection['tombstones'],
        indexes: (selectIndexes.all(collection) as Array<{ spec: string }>).map((row) => JSON.parse(row.spec) as IndexSpec),
      };
    },
    drop(collection: string): void {
      for (const drop of dropStatements) drop.run(collection);
    },
    collections: (): string[] => (selectCollections.all() as Array<{ name: string }>).map((row) => row.name),
    getCheckpoint(name: string): unknown {
      const row = selectCheckpoint.get(name) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as unknown) : null;
    },
    /** `json` is the value already serialised: the store takes it when called and writes it at commit. */
    setCheckpoint(name: string, json: string): void {
      upsertCheckpoint.run(name, json);
    },
  };
};

export type EmbeddedTables = ReturnType<typeof createEmbeddedTables>;
