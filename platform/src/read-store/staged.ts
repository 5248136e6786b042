/**
 * A read store whose writes to some collections are staged in memory and written to the target
 * store later, each document once, many at a time. A rebuild folds a read model's next version
 * this way: one event at a time a document is written several times (a product, then its stock
 * copied across), and on a MongoDB-wire server each write is a round trip.
 *
 * The staged collections must be empty in the target when staging starts, or hold only what an
 * earlier flush of this stage wrote there (a rebuild drops its new version's collections first):
 * a document the stage has not seen is then known to be absent, and only one an earlier flush
 * wrote is read back from the target. What the stage cannot answer from memory (a query other
 * than by `_id` or an `_id` list, a count, the collection list) is asked of the target after a
 * flush. A flush inserts the documents new to the target and upserts those an earlier flush wrote.
 * A delete, whose tombstone the stage could not carry over, flushes and sends that collection
 * straight to the target from then on.
 */
import { createMemoryReadStore } from './embedded';
import { idLists, idsSelectedBy } from './id-lists';
import type { Document, Filter, GuardOutcome, IndexSpec, ReadCollection, ReadStore, WriteStage } from './port';

/** Its flush writes what is staged to the target (`insertMany` / `upsertMany`, revisions included) and empties the stage. */
export interface StagedReadStore extends ReadStore, WriteStage {}

export interface StageOptions {
  /** The staged collections; every other one is the target's. */
  collections: readonly string[];
  /** Documents per `upsertMany` when flushing. */
  chunkSize?: number;
}

interface StagedCollection {
  indexes: IndexSpec[];
  /** Written in the stage since the last flush. */
  dirty: Set<string>;
  /** In the stage, or known absent from the target, since the last flush. */
  present: Set<string>;
  hydrating: Map<string, Promise<void>>;
  /** Written to the target by an earlier flush. */
  flushed: Set<string>;
  /** After a delete: the target's alone. */
  direct: boolean;
}

const emptyCollection = (): StagedCollection => ({ indexes: [], dirty: new Set(), present: new Set(), hydrating: new Map(), flushed: new Set(), direct: false });

/** The ids a filter on `_id` alone selects (one, or a list): what the stage answers from memory. */
const idsOnly = (filter: Filter): string[] | undefined => (Object.keys(filter).length === 1 ? idsSelectedBy(filter) : undefined);

export function stageWrites(target: ReadStore, options: StageOptions): StagedReadStore {
  const stage = createMemoryReadStore();
  const chunkSize = options.chunkSize ?? 1000;
  const staged = new Map<string, StagedCollection>(options.collections.map((name) => [name, emptyCollection()]));

  // Calls run side by side; a flush waits for those under way, and those that come meanwhile wait for it.
  let active = 0;
  const idle: Array<() => void> = [];
  let flushing: Promise<void> | undefined;
  const gated = async <R>(work: () => Promise<R>): Promise<R> => {
    while (flushing) await flushing;
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      if (active === 0) for (const resume of idle.splice(0)) resume();
    }
  };

  const writeBack = async (name: string, collection: StagedCollection): Promise<void> => {
    // Nothing in the stage (a collection sent to the store, or a flush before a query): nothing to write or empty.
    if (collection.dirty.size === 0 && collection.present.size === 0) return;
    // What no earlier flush wrote is new to the store: inserted, not upserted.
    const dirty = [...collection.dirty];
    for (const [ids, write] of [
      [dirty.filter((id) => !collection.flushed.has(id)), (docs: Document[]) => target.collection(name).insertMany(docs)],
      [dirty.filter((id) => collection.flushed.has(id)), (docs: Document[]) => target.collection(name).upsertMany(docs)],
    ] as const) {
      for (let start = 0; start < ids.length; start += chunkSize) {
        const chunk = ids.slice(start, start + chunkSize);
        // Counted as in the store before the write: a failed bulk write may have written some, and a retry upserts them.
        for (const id of chunk) collection.flushed.add(id);
        await write(await stage.collection(name).find({ _id: { $in: chunk } }));
      }
    }
    await stage.collection(name).drop();
    for (const spec of collection.indexes) await stage.collection(name).createIndex(spec);
    collection.dirty.clear();
    collection.present.clear();
  };

  const flush = async (): Promise<void> => {
    while (flushing) await flushing;
    flushing = (async () => {
      if (active > 0) await new Promise<void>((resume) => idle.push(resume));
      for (const [name, collection] of staged) await writeBack(name, collection);
    })();
    try {
      await flushing;
    } finally {
      flushing = undefined;
    }
  };

  const collection = <T extends Document>(name: string): ReadCollection<T> => {
    const state = staged.get(name);
    const direct = target.collection<T>(name);
    if (!state) return direct;
    const memory = stage.collection<T>(name);

    /**
     * Brings the documents an earlier flush wrote back into the stage before they are read or
     * written: those not yet under way read back in `_id` lists, not one round trip each.
     */
    const hydrate = async (ids: readonly string[]): Promise<void> => {
      const toLoad: string[] = [];
      const waits: Array<Promise<void>> = [];
      for (const id of new Set(ids)) {
        if (state.present.has(id)) continue;
        if (!state.flushed.has(id)) {
          state.present.add(id);
          continue;
        }
        // Two calls on one document read it back once, and neither writes before it is in.
        const loading = state.hydrating.get(id);
        if (loading) waits.push(loading);
        else toLoad.push(id);
      }
      for (const list of idLists(toLoad)) {
        const loading = direct
          .find({ _id: { $in: list } })
          .then(async (docs) => {
            if (docs.length > 0) await memory.upsertMany(docs);
            for (const id of list) state.present.add(id);
          })
          .finally(() => {
            for (const id of list) state.hydrating.delete(id);
          });
        for (const id of list) state.hydrating.set(id, loading);
        waits.push(loading);
      }
      await Promise.all(waits);
    };
    /** A write in the stage: its documents brought in first, those it changed written back later. */
    const staging = async <R extends GuardOutcome | GuardOutcome[] | void>(ids: readonly string[], write: () => Promise<R>): Promise<R> =>
      gated(async () => {
        await hydrate(ids);
        const outcome = await write();
        ids.forEach((id, index) => {
          const applied = Array.isArray(outcome) ? outcome[index] === 'applied' : outcome === undefined || outcome === 'applied';
          if (applied) state.dirty.add(id);
        });
        return outcome;
      });
    /** What the stage cannot do: the target's, after a flush. */
    const fromTarget = async <R>(call: () => Promise<R>): Promise<R> => {
      await flush();
      return call();
    };
    const deleting = async <R>(call: () => Promise<R>): Promise<R> => {
      state.direct = true;
      return fromTarget(call);
    };
    /**
     * A write of a collection sent to the target: after the flush under way, if any (the delete's),
     * which may still be writing the stage's older copies of the same documents.
     */
    const directly = async <R>(call: () => Promise<R>): Promise<R> => {
      while (flushing) await flushing;
      return call();
    };

    return {
      name,
      findOne: async (filter) => {
        const ids = idsOnly(filter);
        if (state.direct || ids === undefined) return fromTarget(() => direct.findOne(filter));
        return gated(async () => {
          await hydrate(ids);
          return memory.findOne(filter);
        });
      },
      find: async (filter, findOptions) => {
        const ids = idsOnly(filter);
        if (state.direct || ids === undefined) return fromTarget(() => direct.find(filter, findOptions));
        return gated(async () => {
          await hydrate(ids);
          return memory.find(filter, findOptions);
        });
      },
      count: (filter) => fromTarget(() => direct.count(filter)),
      replaceIfNewer: (write) => {
        if (state.direct || write.doc === null) return deleting(() => direct.replaceIfNewer(write));
        return staging([write.id], () => memory.replaceIfNewer(write));
      },
      replaceManyIfNewer: (writes) => {
        if (state.direct || writes.some((write) => write.doc === null)) return deleting(() => direct.replaceManyIfNewer(writes));
        return staging(writes.map((write) => write.id), () => memory.replaceManyIfNewer(writes));
      },
      updateIfNewer: (write, readBefore) => (state.direct ? directly(() => direct.updateIfNewer(write, readBefore)) : staging([write.id], () => memory.updateIfNewer(write))),
      updateManyIfNewer: (writes) => (state.direct ? directly(() => direct.updateManyIfNewer(writes)) : staging(writes.map((write) => write.id), () => memory.updateManyIfNewer(writes))),
      upsert: (doc) => (state.direct ? directly(() => direct.upsert(doc)) : staging([doc._id], () => memory.upsert(doc))),
      upsertMany: (docs) => (state.direct ? directly(() => direct.upsertMany(docs)) : staging(docs.map((doc) => doc._id), () => memory.upsertMany(docs))),
      insertMany: (docs, insertOptions) => (state.direct ? directly(() => direct.insertMany(docs, insertOptions)) : staging(docs.map((doc) => doc._id), () => memory.insertMany(docs, insertOptions))),
      deleteOne: (id) => deleting(() => direct.deleteOne(id)),
      createIndex: async (spec) => {
        await direct.createIndex(spec);
        await memory.createIndex(spec);
        state.indexes.push(spec);
      },
      drop: async () => {
        await flush();
        await direct.drop();
        await memory.drop();
        Object.assign(state, emptyCollection());
      },
    };
  };

  return {
    collection,
    listCollections: () => flush().then(() => target.listCollections()),
    getCheckpoint: (name) => target.getCheckpoint(name),
    getCheckpoints: (names) => target.getCheckpoints(names),
    setCheckpoint: (name, value) => target.setCheckpoint(name, value),
    setCheckpoints: (entries) => target.setCheckpoints(entries),
    health: () => target.health(),
    /** Writes what is staged; the target stays open (it is the caller's). */
    close: async () => {
      await flush();
      await stage.close();
    },
    flush,
    stagedDocuments: () => [...staged.values()].reduce((total, state) => total + state.dirty.size, 0),
  };
}
