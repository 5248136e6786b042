/**
 * The MongoDB read store, for MongoDB and MongoDB-wire servers such as FerretDB: it keeps to
 * plain CRUD, bulk writes and the $or/$lt/$exists/$in/$ne/$gt operators. Tombstones,
 * checkpoints and write claims live in their own collections, hidden from `listCollections`.
 */
import type { Db, Filter as MongoFilter, MongoClient, Sort as MongoSort } from 'mongodb';
import { AppError } from '../errors';
import { indexNameOf } from './collection-state';
import { assertSettable } from './guarded-update';
import { duplicateKeyConflict, duplicateKeyConflictOf, isDuplicateKey, isIndexConflict, isNamespaceNotFound } from './mongo-errors';
import { createGuardedWrites, tombstoneIdOf, type ClaimsSource, type StoredDocument, type Tombstone, type TombstonesSource } from './mongo-guarded-writes';
import { withMongoOutagesAsUnavailable } from './mongo-outages';
import { createWriteClaims, needsWriteClaims, type WriteClaim, type WriteClaims } from './mongo-write-claims';
import type { Document, Filter, GuardedReplace, ReadCollection, ReadStore } from './port';
import { withDecodedRevisions, withEncodedRevisions } from './revisions';

export interface MongoReadStoreOptions {
  /** Closed by `close()` when given; otherwise the caller owns the client. */
  client?: MongoClient;
  checkpointsCollection?: string;
  tombstonesCollection?: string;
  claimsCollection?: string;
  /**
   * Claim a document's state before writing it (see mongo-write-claims.ts). By default only on
   * FerretDB, asked once through `buildInfo`: MongoDB's own updates are atomic per document.
   */
  writeClaims?: boolean;
  /**
   * How long a claim blocks a state whose writer died holding it (default 15 s; a test's is
   * shorter). At most 20 s: a write waits 25 s for claims before it fails.
   */
  claimLeaseMs?: number;
  /**
   * No writer of this database deletes a document through a guarded write (no projection of ours
   * does), so a new document has no tombstone to look for: one read fewer per new document. Such a
   * deletion is refused. A collection that has tombstones all the same (left by a writer without
   * this setting) has them read as before: each collection is asked once, on its first write.
   */
  neverDeletes?: boolean;
}

/** Under the 25 s a write waits for other writers' claims (mongo-guarded-writes.ts), with room for a read and a claim after the lease. */
const maxClaimLeaseMs = 20_000;

interface Checkpoint {
  _id: string;
  /** JSON text, so any value round-trips exactly as in the embedded store. */
  value: string;
}

export function createMongoReadStore(db: Db, options: MongoReadStoreOptions = {}): ReadStore {
  const checkpointsName = options.checkpointsCollection ?? '_checkpoints';
  const tombstonesName = options.tombstonesCollection ?? '_tombstones';
  const checkpoints = db.collection<Checkpoint>(checkpointsName);
  const tombstones = db.collection<Tombstone>(tombstonesName);
  const claimsName = options.claimsCollection ?? '_claims';
  const reserved = new Set([checkpointsName, tombstonesName, claimsName]);
  if (options.claimLeaseMs !== undefined && !(options.claimLeaseMs >= 1000 && options.claimLeaseMs <= maxClaimLeaseMs)) {
    throw new AppError('validation', `claimLeaseMs must be between 1000 and ${maxClaimLeaseMs} ms, got ${options.claimLeaseMs}`);
  }
  const writeClaims = createWriteClaims(db.collection<WriteClaim>(claimsName), { leaseMs: options.claimLeaseMs });
  let claimsDecided: Promise<WriteClaims | null> | undefined;
  const claimsOf: ClaimsSource = () => {
    claimsDecided ??= (options.writeClaims === undefined ? needsWriteClaims(db) : Promise.resolve(options.writeClaims)).then((needed) => (needed ? writeClaims : null));
    // asked again after a failure (the server was down)
    return claimsDecided.catch((error: unknown) => {
      claimsDecided = undefined;
      throw error;
    });
  };

  const tombstonesKnown = new Map<string, Promise<boolean>>();
  /** Under `neverDeletes`, whether `name` has any tombstone, asked once (again after a failure). */
  const tombstonesOf = (name: string): TombstonesSource => () => {
    const known = tombstonesKnown.get(name) ?? tombstones.findOne({ collection: name }, { projection: { _id: 1 } }).then((found) => found !== null);
    tombstonesKnown.set(name, known);
    return known.catch((error: unknown) => {
      tombstonesKnown.delete(name);
      throw error;
    });
  };
  const refuseDeletion = (name: string, writes: readonly { doc: unknown }[]): void => {
    if (options.neverDeletes && writes.some((write) => write.doc === null)) {
      throw new AppError('internal', `a guarded deletion in ${name} is refused: this read store is set to never delete (neverDeletes)`);
    }
  };

  const collection = <T extends Document>(name: string): ReadCollection<T> => {
    if (reserved.has(name)) throw new AppError('validation', `collection name ${name} is reserved`);
    const main = db.collection<StoredDocument>(name);
    const guarded = createGuardedWrites(name, main, tombstones, claimsOf, options.neverDeletes ? tombstonesOf(name) : undefined);
    const toCaller = (doc: StoredDocument): T => withDecodedRevisions(doc) as T;
    const query = (filter: Filter) => filter as MongoFilter<StoredDocument>;

    /**
     * A many-document write refused by an index, as our conflict. The bulk error lists the refused
     * writes by their place in the batch, but FerretDB 1.24 gives the wrong place: the index is
     * named by the first document that collides with another one.
     */
    const rethrowBulkConflict = async (error: unknown, docs: readonly Document[]): Promise<never> => {
      if (!isDuplicateKey(error)) throw error;
      for (const doc of docs) {
        const conflict = await duplicateKeyConflictOf(main as never, name, error, doc);
        if ((conflict.details as { index?: string } | undefined)?.index !== 'unknown') throw conflict;
      }
      throw await duplicateKeyConflictOf(main as never, name, error);
    };

    return {
      name,
      findOne: async (filter) => {
        const doc = await main.findOne(query(filter));
        return doc ? toCaller(doc) : null;
      },
      find: async (filter, { sort, skip, limit } = {}) => {
        let cursor = main.find(query(filter));
        if (sort && Object.keys(sort).length > 0) cursor = cursor.sort(sort as MongoSort);
        if (skip) cursor = cursor.skip(skip);
        if (limit) cursor = cursor.limit(limit);
        return (await cursor.toArray()).map(toCaller);
      },
      count: async (filter = {}) => main.countDocuments(query(filter)),
      replaceIfNewer: async (write) => {
        refuseDeletion(name, [write]);
        return guarded.replaceIfNewer(write as GuardedReplace);
      },
      replaceManyIfNewer: async (writes, readBefore) => {
        refuseDeletion(name, writes);
        return guarded.replaceManyIfNewer(writes as readonly GuardedReplace[], readBefore);
      },
      updateIfNewer: async (write, readBefore) => {
        assertSettable(write);
        return guarded.updateIfNewer(write, readBefore);
      },
      updateManyIfNewer: async (writes, readBefore) => {
        for (const write of writes) assertSettable(write);
        return guarded.updateManyIfNewer(writes, readBefore);
      },
      upsert: async (doc) => {
        try {
          await main.replaceOne({ _id: doc._id }, withEncodedRevisions(doc as StoredDocument), { upsert: true });
        } catch (error) {
          throw isDuplicateKey(error) ? await duplicateKeyConflictOf(main as never, name, error, doc) : error;
        }
      },
      upsertMany: async (docs) => {
        if (docs.length === 0) return;
        const replacements = docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: withEncodedRevisions(doc as StoredDocument), upsert: true } }));
        await main.bulkWrite(replacements, { ordered: false }).catch((error: unknown) => rethrowBulkConflict(error, docs));
      },
      insertMany: async (docs) => {
        if (docs.length === 0) return;
        // Half the time of replaceOne upserts on FerretDB: no lookup of each id first.
        await main.insertMany(docs.map((doc) => withEncodedRevisions(doc as StoredDocument)) as never, { ordered: false }).catch((error: unknown) => rethrowBulkConflict(error, docs));
      },
      deleteOne: async (id) => {
        const { deletedCount } = await main.deleteOne({ _id: id });
        await tombstones.deleteOne({ _id: tombstoneIdOf(name, id) });
        return deletedCount > 0;
      },
      createIndex: async (spec) => {
        const indexName = indexNameOf(spec);
        try {
          await main.createIndex(spec.keys, { name: indexName, ...(spec.unique ? { unique: true } : {}) });
        } catch (error) {
          if (isDuplicateKey(error)) throw duplicateKeyConflict(name, { errmsg: `duplicate key index: ${indexName}` });
          if (isIndexConflict(error)) {
            throw new AppError('conflict', `index ${indexName} of ${name} already exists with other options`, {
              details: { collection: name, index: indexName },
              cause: error,
            });
          }
          throw error;
        }
      },
      drop: async () => {
        try {
          await main.drop();
        } catch (error) {
          if (!isNamespaceNotFound(error)) throw error;
        }
        await tombstones.deleteMany({ collection: name });
      },
    };
  };

  // Outages (no server, network cut) leave as StoreUnavailableError: 503 + Retry-After at the query API, retriable for projections.
  return withMongoOutagesAsUnavailable({
    collection,
    listCollections: async () => {
      const collections = await db.listCollections({}, { nameOnly: true }).toArray();
      return collections
        .map((info) => info.name)
        .filter((name) => !reserved.has(name) && !name.startsWith('system.'))
        .sort();
    },
    getCheckpoint: async <T>(name: string) => {
      const checkpoint = await checkpoints.findOne({ _id: name });
      return checkpoint ? (JSON.parse(checkpoint.value) as T) : null;
    },
    getCheckpoints: async (names) => {
      if (names.length === 0) return new Map();
      // one round trip for all the names, on the _id index
      const found = await checkpoints.find({ _id: { $in: [...names] } }).toArray();
      return new Map(found.map((checkpoint) => [checkpoint._id, JSON.parse(checkpoint.value) as unknown]));
    },
    setCheckpoint: async (name, value) => {
      await checkpoints.replaceOne({ _id: name }, { value: JSON.stringify(value ?? null) }, { upsert: true });
    },
    setCheckpoints: async (entries) => {
      if (entries.length === 0) return;
      await checkpoints.bulkWrite(
        entries.map(({ name, value }) => ({ replaceOne: { filter: { _id: name }, replacement: { value: JSON.stringify(value ?? null) }, upsert: true } })),
        { ordered: false },
      );
    },
    health: async () => {
      try {
        await db.command({ ping: 1 });
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    close: async () => {
      await options.client?.close();
    },
  });
}
