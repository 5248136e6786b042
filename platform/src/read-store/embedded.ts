/**
 * The embedded read store: every collection lives in memory (loaded lazily, queried with
 * mingo for MongoDB semantics) and is written through to SQLite, so a restart finds
 * documents, revisions, tombstones, indexes and checkpoints as they were.
 * One process owns the file: a second process writing it would not be seen by this cache.
 *
 * Writes are group-committed (`embedded-group-commit.ts`): a write changes memory at once, and
 * the file writes of all calls of one event-loop turn commit in one transaction at the end of
 * the turn; each call's promise settles only after that commit. So a read in the same turn sees
 * memory, which may be ahead of the file by at most one turn of writes not yet committed (and
 * that a failed commit takes back); a caller that awaited its write knows it is in the file.
 * Checkpoints are queued with the writes; anything that reads or changes the file outside a
 * batch (a checkpoint read, the collection list, an index, a drop, loading a collection,
 * `close`) commits the queue first, so the file sees every change in call order.
 *
 * A rebuild's collections may be deferred (`deferWrites`): their writes change memory and answer
 * at once, and reach the file only when the stage is flushed, each document once, in one
 * transaction. Durability is not wanted there: a crashed rebuild starts again from empty.
 */
import Database from 'better-sqlite3';
import { Query } from 'mingo';
import { AppError } from '../errors';
import { CollectionState, indexNameOf, type Entry } from './collection-state';
import { createGroupCommit, type GroupCommit } from './embedded-group-commit';
import { createEmbeddedTables, type EmbeddedTables } from './embedded-tables';
import { assertSettable, withFieldsSet } from './guarded-update';
import { idsSelectedBy } from './id-lists';
import { jsonCopy } from './json-copy';
import type { Document, Filter, FindOptions, GuardOutcome, GuardedReplace, GuardedUpdate, IndexSpec, ReadCollection, ReadStore, WriteStage } from './port';
import { isNewer, withDecodedRevisions, withEncodedRevisions, withRevision } from './revisions';
import { applyFileSettings } from '../sqlite/file-settings';

export interface EmbeddedReadStoreOptions {
  /** Close the database in `close()`; true when the store opened the file itself. */
  closeDatabase?: boolean;
}

/** Changes one entry in memory now and in the file at the turn's commit (a live document is stringified then: it is never changed in place). */
type Mutate = (state: CollectionState, id: string, next: Entry) => void;

// Stored documents are plain JSON: a copy of this realm's objects, which mingo (and the caller) can take as such.
const toCaller = <T>(doc: Document): T => jsonCopy(withDecodedRevisions(doc)) as T;

/** Where the in-memory collections are kept: a SQLite file, or nowhere (`createMemoryReadStore`). */
type Persistence = Pick<EmbeddedTables, 'writeEntry' | 'writeIndex' | 'read' | 'collections' | 'getCheckpoint' | 'setCheckpoint'> &
  Pick<GroupCommit, 'enqueue' | 'settled' | 'flush'> & {
    drop(collection: string): void;
    /** Runs these writes in one transaction. */
    inTransaction(work: () => void): void;
    health(): { ok: boolean; detail?: string };
    close(): void;
  };

function filePersistence(db: Database.Database, options: EmbeddedReadStoreOptions): Persistence {
  const tables = createEmbeddedTables(db);
  const commits = createGroupCommit(db);
  return {
    ...tables,
    enqueue: commits.enqueue,
    settled: commits.settled,
    flush: commits.flush,
    drop: (collection) => db.transaction(() => tables.drop(collection))(),
    inTransaction: (work) => db.transaction(work)(),
    health: () => {
      try {
        db.prepare('SELECT 1').get();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => {
      if (db.open) commits.flush();
      if (options.closeDatabase && db.open) db.close();
    },
  };
}

/** Nothing kept: the collections a memory store lists are those with a live document or an index, as the file's. */
function memoryPersistence(): Persistence {
  const collections = new Set<string>();
  const checkpoints = new Map<string, string>();
  return {
    writeEntry: (collection, _id, entry) => {
      if (entry && 'live' in entry) collections.add(collection);
    },
    writeIndex: (collection) => void collections.add(collection),
    read: () => ({ docs: [], tombstones: [], indexes: [] }),
    collections: () => [...collections].sort(),
    getCheckpoint: (name) => {
      const json = checkpoints.get(name);
      return json === undefined ? null : (JSON.parse(json) as unknown);
    },
    setCheckpoint: (name, json) => void checkpoints.set(name, json),
    enqueue: async (write) => write.writeFile(),
    settled: async () => undefined,
    flush: () => undefined,
    drop: (collection) => void collections.delete(collection),
    inTransaction: (work) => work(),
    health: () => ({ ok: true }),
    close: () => undefined,
  };
}

export function createEmbeddedReadStore(db: Database.Database, options: EmbeddedReadStoreOptions = {}): ReadStore {
  return createCachedReadStore(filePersistence(db, options));
}

/**
 * The embedded store's collections with no file behind them: gone with the process. A rebuild
 * stages a read model's next version in one (`stageWrites`) and writes each document once.
 */
export function createMemoryReadStore(): ReadStore {
  return createCachedReadStore(memoryPersistence());
}

function createCachedReadStore(persistence: Persistence): ReadStore {
  const states = new Map<string, CollectionState>();
  /** The collections under `deferWrites`: per id changed since their last flush, the entry the file holds. */
  const deferred = new Map<string, Map<string, Entry>>();

  const stateOf = (name: string): CollectionState => {
    const cached = states.get(name);
    if (cached) return cached;
    // A collection dropped in this turn still has its rows in the file until the queue persistence.
    persistence.flush();
    const state = loadState(persistence, name);
    states.set(name, state);
    return state;
  };

  /**
   * Applies one call's writes to memory now and queues its file writes for the turn's commit.
   * A call that throws (a unique index) takes its own memory changes back and queues nothing;
   * a commit that fails takes back every call of its batch. A call that changed nothing still
   * waits for what is queued: its answer came from memory the file may not hold yet.
   */
  const transact = <R>(work: (mutate: Mutate) => R): Promise<R> => {
    const undo: Array<() => void> = [];
    const fileWrites: Array<() => void> = [];
    let heldBack = false;
    const mutate: Mutate = (state, id, next) => {
      const previous = state.entry(id);
      state.set(id, next);
      undo.push(() => state.set(id, previous, false));
      const held = deferred.get(state.name);
      if (!held) {
        fileWrites.push(() => persistence.writeEntry(state.name, id, next, previous));
        return;
      }
      heldBack = true;
      if (held.has(id)) return;
      held.set(id, previous);
      undo.push(() => held.delete(id));
    };
    let result: R;
    try {
      result = work(mutate);
    } catch (error) {
      for (const step of undo.reverse()) step();
      throw error;
    }
    if (fileWrites.length === 0) return heldBack ? Promise.resolve(result) : persistence.settled().then(() => result);
    const writeFile = fileWrites.length === 1 ? (fileWrites[0] as () => void) : () => fileWrites.forEach((write) => write());
    return persistence.enqueue({ writeFile, undo }).then(() => result);
  };

  /** Writes the deferred collections' changed documents as memory holds them now, in one transaction. */
  const writeDeferred = (names: Iterable<string>): void => {
    // What is queued was called before them: the file sees the calls in order.
    persistence.flush();
    const changed = [...names].flatMap((name) => {
      const held = deferred.get(name);
      const state = states.get(name);
      return held && held.size > 0 && state ? [{ state, held }] : [];
    });
    if (changed.length === 0) return;
    persistence.inTransaction(() => {
      for (const { state, held } of changed) {
        // A rebuild writes thousands of new documents here: the collection is registered by the first.
        let registered = false;
        for (const [id, inFile] of held) {
          const entry = state.entry(id);
          persistence.writeEntry(state.name, id, entry, inFile, registered);
          registered ||= entry !== undefined && 'live' in entry;
        }
      }
    });
    for (const { held } of changed) held.clear();
  };

  const deferWrites = (collections: readonly string[]): WriteStage => {
    persistence.flush();
    const names = [...new Set(collections)];
    // A second stage over a collection shares the first's changes: neither loses the other's.
    for (const name of names) if (!deferred.has(name)) deferred.set(name, new Map());
    return {
      flush: async () => writeDeferred(names),
      stagedDocuments: () => names.reduce((total, name) => total + (deferred.get(name)?.size ?? 0), 0),
      close: async () => {
        writeDeferred(names);
        for (const name of names) deferred.delete(name);
      },
    };
  };

  const collection = <T extends Document>(name: string): ReadCollection<T> => {
    const candidatesFor = (state: CollectionState, filter: Filter): Document[] => {
      const ids = idsSelectedBy(filter) ?? state.candidatesByUniqueIndex(filter);
      if (!ids) return Array.from(state.docs.values());
      return ids.map((id) => state.docs.get(id)).filter((doc): doc is Document => doc !== undefined);
    };

    const matching = (filter: Filter, options: FindOptions = {}): Document[] => {
      const state = stateOf(name);
      // A filter on `_id` alone selects its documents exactly: no query to build (the projections' reads by id).
      const ids = Object.keys(filter).length === 1 && !options.sort ? idsSelectedBy(filter) : undefined;
      if (ids) {
        const docs = ids.map((id) => state.docs.get(id)).filter((doc): doc is Document => doc !== undefined);
        const start = options.skip ?? 0;
        return docs.slice(start, options.limit ? start + options.limit : undefined);
      }
      let cursor = new Query(filter).find<Document>(candidatesFor(state, filter));
      if (options.sort && Object.keys(options.sort).length > 0) cursor = cursor.sort(options.sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      return cursor.all();
    };

    const applyGuarded = (mutate: Mutate, write: GuardedReplace<T>): GuardOutcome => {
      const state = stateOf(name);
      const stored = state.revisionsOf(write.id);
      if (!isNewer(stored, write.guard)) return 'stale';
      const revisions = withRevision(stored, write.guard);
      if (write.doc === null) {
        mutate(state, write.id, { tombstone: revisions });
      } else {
        // Copied as it would survive the SQLite round trip, so memory and file agree.
        mutate(state, write.id, { live: jsonCopy({ ...write.doc, _id: write.id, _revisions: revisions } as Document) });
      }
      return 'applied';
    };

    // Nothing to update and no upsert counts as not applied, as MongoDB's updateOne matching nothing.
    const applyGuardedUpdate = (mutate: Mutate, write: GuardedUpdate): GuardOutcome => {
      const state = stateOf(name);
      const stored = state.revisionsOf(write.id);
      if (!isNewer(stored, write.guard)) return 'stale';
      const live = state.docs.get(write.id);
      if (!live && !write.upsert) return 'stale';
      // Already plain JSON (stored documents are, and the update's fields were copied through JSON),
      // so it is kept as is: stringified once, for the file, at the commit (never changed in place meanwhile).
      const updated: Document = { ...withFieldsSet(write.id, live, write.set), _id: write.id, _revisions: withRevision(stored, write.guard) };
      mutate(state, write.id, { live: updated });
      return 'applied';
    };

    /** `handedOver`: the caller's objects are kept as they are (`InsertOptions`), else copies. */
    const writeMany = async (docs: readonly T[], mustBeNew: boolean, handedOver = false): Promise<void> => {
      const copies = docs.map((doc) => (handedOver ? withEncodedRevisions(doc as Document) : jsonCopy(withEncodedRevisions(doc as Document))));
      await transact((mutate) => {
        const state = stateOf(name);
        for (const copy of copies) {
          if (mustBeNew && state.docs.has(copy._id)) {
            throw new AppError('conflict', `duplicate key ${JSON.stringify(copy._id)} in collection ${name}, unique index _id_`, { details: { collection: name, index: '_id_', key: copy._id } });
          }
          mutate(state, copy._id, { live: copy });
        }
      });
    };

    return {
      name,
      findOne: async (filter) => {
        const [doc] = matching(filter, { limit: 1 });
        return doc ? toCaller<T>(doc) : null;
      },
      find: async (filter, options) => matching(filter, options).map((doc) => toCaller<T>(doc)),
      count: async (filter = {}) => {
        const state = stateOf(name);
        if (Object.keys(filter).length === 0) return state.docs.size;
        const query = new Query(filter);
        return candidatesFor(state, filter).filter((doc) => query.test(doc)).length;
      },
      replaceIfNewer: async (write) => transact((mutate) => applyGuarded(mutate, write)),
      replaceManyIfNewer: async (writes) => transact((mutate) => writes.map((write) => applyGuarded(mutate, write))),
      updateIfNewer: async (write) => {
        assertSettable(write);
        return transact((mutate) => applyGuardedUpdate(mutate, write));
      },
      updateManyIfNewer: async (writes) => {
        for (const write of writes) assertSettable(write);
        return transact((mutate) => writes.map((write) => applyGuardedUpdate(mutate, write)));
      },
      upsert: async (doc) => {
        const copy = jsonCopy(withEncodedRevisions(doc as Document));
        await transact((mutate) => mutate(stateOf(name), copy._id, { live: copy }));
      },
      upsertMany: async (docs) => writeMany(docs, false),
      insertMany: async (docs, options) => writeMany(docs, true, options?.handedOver),
      deleteOne: async (id) => {
        const state = stateOf(name);
        const existed = state.docs.has(id);
        await transact((mutate) => {
          if (state.entry(id)) mutate(state, id, undefined);
        });
        return existed;
      },
      // Rare (a projection's setup, a rebuild): written at once, after what is queued.
      createIndex: async (spec: IndexSpec) => {
        persistence.flush();
        const state = stateOf(name);
        const named = { ...spec, name: indexNameOf(spec) };
        state.addIndex(named);
        persistence.writeIndex(name, named);
      },
      drop: async () => {
        persistence.flush();
        persistence.drop(name);
        states.delete(name);
        deferred.get(name)?.clear();
      },
    };
  };

  return {
    deferWrites,
    collection,
    listCollections: async () => {
      writeDeferred(deferred.keys());
      return persistence.collections();
    },
    getCheckpoint: async <T>(name: string) => {
      persistence.flush();
      return persistence.getCheckpoint(name) as T | null;
    },
    getCheckpoints: async (names) => {
      persistence.flush();
      return new Map(names.flatMap((name) => {
        const value = persistence.getCheckpoint(name);
        return value === null ? [] : [[name, value] as const];
      }));
    },
    setCheckpoint: async (name, value) => {
      // Serialised now: the caller may change its object before the turn's commit.
      const json = JSON.stringify(value ?? null);
      await persistence.enqueue({ writeFile: () => persistence.setCheckpoint(name, json), undo: [] });
    },
    setCheckpoints: async (entries) => {
      const serialised = entries.map(({ name, value }) => [name, JSON.stringify(value ?? null)] as const);
      await persistence.enqueue({ writeFile: () => serialised.forEach(([name, json]) => persistence.setCheckpoint(name, json)), undo: [] });
    },
    health: async () => persistence.health(),
    close: async () => {
      writeDeferred(deferred.keys());
      persistence.close();
      states.clear();
    },
  };
}

function loadState(tables: Pick<EmbeddedTables, 'read'>, name: string): CollectionState {
  const stored = tables.read(name);
  const state = new CollectionState(name);
  // Indexes first so loading documents fills their key maps; the file held them valid already.
  for (const spec of stored.indexes) state.addIndex(spec);
  for (const row of stored.docs) state.set(row.id, { live: JSON.parse(row.body) as Document }, false);
  for (const row of stored.tombstones) state.set(row.id, { tombstone: JSON.parse(row.revisions) as Record<string, number> }, false);
  return state;
}

/** Opens (or creates) a SQLite file in WAL mode and builds the store on it. */
export function openEmbeddedReadStore(filePath: string): ReadStore {
  const db = new Database(filePath);
  applyFileSettings(db);
  return createEmbeddedReadStore(db, { closeDatabase: true });
}
