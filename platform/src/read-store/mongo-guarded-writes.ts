/**
 * Revision-guarded writes on MongoDB (and FerretDB, which has no transactions nor partial
 * indexes). Deleted documents leave a tombstone in a separate collection, so unique indexes of
 * the live collection never see them. Each write reads the current revisions, decides, then
 * writes with a compare-and-set filter on those revisions; if another writer changed the
 * document in between, it reads again and retries.
 */
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Filter as MongoFilter } from 'mongodb';
import { AppError } from '../errors';
import { withFieldsSet } from './guarded-update';
import { duplicateKeyConflictOf, isDuplicateKey } from './mongo-errors';
import type { Document, GuardOutcome, GuardedReplace, GuardedUpdate } from './port';
import { isNewer, revisionKey, revisionPath, withRevision, type Revisions } from './revisions';

export type StoredDocument = Document;
export interface Tombstone {
  _id: string;
  collection: string;
  id: string;
  _revisions: Revisions;
}

interface Observed {
  live: boolean;
  tombstone: boolean;
  revisions: Revisions | undefined;
}

const maxAttempts = 5;

export const tombstoneIdOf = (collection: string, id: string): string => JSON.stringify([collection, id]);

/** Matches the live document only while its revisions are still the ones observed. */
const unchangedSince = (id: string, observed: Observed, streams: string[]): MongoFilter<StoredDocument> => {
  if (!observed.revisions) return { _id: id, _revisions: { $exists: false } };
  const filter: Record<string, unknown> = { _id: id };
  for (const [key, revision] of Object.entries(observed.revisions)) filter[`_revisions.${key}`] = revision;
  for (const stream of streams) filter[`_revisions.${revisionKey(stream)}`] ??= { $exists: false };
  return filter as MongoFilter<StoredDocument>;
};

export function createGuardedWrites(name: string, main: Collection<StoredDocument>, tombstones: Collection<Tombstone>) {
  const observe = async (ids: string[]): Promise<Map<string, Observed>> => {
    const [live, dead] = await Promise.all([
      main.find({ _id: { $in: ids } }, { projection: { _revisions: 1 } }).toArray(),
      tombstones.find({ _id: { $in: ids.map((id) => tombstoneIdOf(name, id)) } }).toArray(),
    ]);
    const liveById = new Map(live.map((doc) => [doc._id, doc]));
    const deadById = new Map(dead.map((tombstone) => [tombstone.id, tombstone]));
    return new Map(
      ids.map((id) => {
        const doc = liveById.get(id);
        const tombstone = deadById.get(id);
        return [id, { live: doc !== undefined, tombstone: tombstone !== undefined, revisions: doc ? doc._revisions : tombstone?._revisions }];
      }),
    );
  };

  const exists = async (id: string): Promise<boolean> => (await main.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;

  const tombstoneOf = (id: string, revisions: Revisions): Tombstone => ({ _id: tombstoneIdOf(name, id), collection: name, id, _revisions: revisions });

  /** One attempt at a write already judged newer: 'changed' when someone else wrote first. */
  const attempt = async (write: GuardedReplace, observed: Observed): Promise<'applied' | 'changed'> => {
    const revisions = withRevision(observed.revisions, write.guard);
    const unchanged = unchangedSince(write.id, observed, [write.guard.stream]);
    if (write.doc === null) {
      // Tombstone first: a crash before the delete leaves a live document that a redelivery deletes.
      const tombstone = tombstoneOf(write.id, revisions);
      await tombstones.replaceOne({ _id: tombstone._id }, tombstone, { upsert: true });
      if (observed.live && (await main.deleteOne(unchanged)).deletedCount === 0) return 'changed';
      return 'applied';
    }
    const doc = { ...write.doc, _id: write.id, _revisions: revisions } as StoredDocument;
    try {
      if (observed.live) {
        if ((await main.replaceOne(unchanged, doc)).matchedCount === 0) return 'changed';
      } else {
        await main.insertOne(doc);
      }
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (!observed.live && (await exists(write.id))) return 'changed';
      throw await duplicateKeyConflictOf(main as never, name, error, doc);
    }
    if (observed.tombstone) await tombstones.deleteOne({ _id: tombstoneIdOf(name, write.id) });
    return 'applied';
  };

  const replaceIfNewer = async (write: GuardedReplace): Promise<GuardOutcome> => {
    for (let attemptNumber = 0; attemptNumber < maxAttempts; attemptNumber += 1) {
      const observed = (await observe([write.id])).get(write.id) as Observed;
      if (!isNewer(observed.revisions, write.guard)) return 'stale';
      if ((await attempt(write, observed)) === 'applied') return 'applied';
    }
    throw new AppError('conflict', `document ${write.id} of ${name} kept changing during a guarded write`, { retriable: true });
  };

  /**
   * Decides every write against revisions read in one round trip (several writes to one id
   * apply in input order), then writes each id's final state in one unordered bulk write.
   * Ids whose bulk operation failed or found the document changed are redone one by one.
   */
  const replaceManyIfNewer = async (writes: readonly GuardedReplace[]): Promise<GuardOutcome[]> => {
    if (writes.length === 0) return [];
    const ids = [...new Set(writes.map((write) => write.id))];
    const observed = await observe(ids);
    const outcomes: GuardOutcome[] = [];
    const finals = new Map<string, { revisions: Revisions; doc: GuardedReplace['doc']; streams: string[] }>();
    for (const write of writes) {
      const current = finals.get(write.id)?.revisions ?? (observed.get(write.id) as Observed).revisions;
      if (!isNewer(current, write.guard)) {
        outcomes.push('stale');
        continue;
      }
      outcomes.push('applied');
      const streams = [...(finals.get(write.id)?.streams ?? []), write.guard.stream];
      finals.set(write.id, { revisions: withRevision(current, write.guard), doc: write.doc, streams });
    }
    if (finals.size === 0) return outcomes;

    const deletions = [...finals].filter(([, final]) => final.doc === null);
    if (deletions.length > 0) {
      await tombstones.bulkWrite(
        deletions.map(([id, final]) => ({ replaceOne: { filter: { _id: tombstoneIdOf(name, id) }, replacement: tombstoneOf(id, final.revisions), upsert: true } })),
        { ordered: false },
      );
    }
    const operations: AnyBulkWriteOperation<StoredDocument>[] = [];
    const operationIds: string[] = [];
    for (const [id, final] of finals) {
      const seen = observed.get(id) as Observed;
      const unchanged = unchangedSince(id, seen, final.streams);
      const doc = final.doc === null ? null : ({ ...final.doc, _id: id, _revisions: final.revisions } as StoredDocument);
      if (doc && seen.live) operations.push({ replaceOne: { filter: unchanged, replacement: doc } });
      else if (doc) operations.push({ insertOne: { document: doc } });
      else if (seen.live) operations.push({ deleteOne: { filter: unchanged } });
      else continue;
      operationIds.push(id);
    }
    const expected = new Map([...finals].map(([id, final]) => [id, final.revisions]));
    const redo = await writeBulk(operations, operationIds, expected);
    const resurrected = [...finals].filter(([id, final]) => final.doc !== null && !redo.has(id) && (observed.get(id) as Observed).tombstone);
    if (resurrected.length > 0) await tombstones.deleteMany({ _id: { $in: resurrected.map(([id]) => tombstoneIdOf(name, id)) } });

    for (const id of redo) {
      for (const [index, write] of writes.entries()) if (write.id === id) outcomes[index] = await replaceIfNewer(write);
    }
    return outcomes;
  };

  /** Runs the bulk write; returns the ids whose operation did not take effect. */
  const writeBulk = async (
    operations: AnyBulkWriteOperation<StoredDocument>[],
    operationIds: string[],
    expected: Map<string, Revisions>,
  ): Promise<Set<string>> => {
    if (operations.length === 0) return new Set();
    let result: { insertedCount: number; matchedCount: number; deletedCount: number };
    const failed = new Set<string>();
    try {
      result = await main.bulkWrite(operations, { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      for (const writeError of [error.writeErrors].flat()) {
        if (!isDuplicateKey(writeError)) throw error;
        failed.add(operationIds[writeError.index] as string);
      }
      result = error.result;
    }
    if (result.insertedCount + result.matchedCount + result.deletedCount === operations.length - failed.size) return failed;
    // Some compare-and-set filter matched nothing: the stored revisions tell which.
    const casIds = operationIds.filter((id, index) => !failed.has(id) && !('insertOne' in (operations[index] as object)));
    const now = await observe(casIds);
    for (const id of casIds) if (!revisionsEqual(now.get(id)?.revisions, expected.get(id))) failed.add(id);
    return failed;
  };

  /**
   * One guarded `$set` round trip when the document exists; a missing one is created (if
   * asked) only after its tombstone, if any, shows the write is newer.
   */
  const updateIfNewer = async (write: GuardedUpdate): Promise<GuardOutcome> => {
    const path = revisionPath(write.guard.stream);
    const guardPasses = { _id: write.id, $or: [{ [path]: { $lt: write.guard.revision } }, { [path]: { $exists: false } }] };
    const set = { $set: { ...write.set, [path]: write.guard.revision } };
    for (let attemptNumber = 0; attemptNumber < maxAttempts; attemptNumber += 1) {
      const { matchedCount } = await main.updateOne(guardPasses as MongoFilter<StoredDocument>, set).catch(async (error: unknown) => {
        throw isDuplicateKey(error) ? await duplicateKeyConflictOf(main as never, name, error, { _id: write.id, ...write.set }) : error;
      });
      if (matchedCount > 0) return 'applied';
      const observed = (await observe([write.id])).get(write.id) as Observed;
      if (!isNewer(observed.revisions, write.guard)) return 'stale';
      if (observed.live) continue; // changed between the update and the read
      if (!write.upsert) return 'stale';
      const created = withFieldsSet(write.id, undefined, write.set);
      try {
        await main.insertOne({ ...created, _revisions: withRevision(observed.revisions, write.guard) });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Created by someone else meanwhile (try again), or refused by a unique index.
        if (!(await exists(write.id))) throw await duplicateKeyConflictOf(main as never, name, error, { ...created });
        continue;
      }
      if (observed.tombstone) await tombstones.deleteOne({ _id: tombstoneIdOf(name, write.id) });
      return 'applied';
    }
    throw new AppError('conflict', `document ${write.id} of ${name} kept changing during a guarded update`, { retriable: true });
  };

  return { replaceIfNewer, replaceManyIfNewer, updateIfNewer };
}

const revisionsEqual = (left: Revisions | undefined, right: Revisions | undefined): boolean =>
  JSON.stringify(Object.entries(left ?? {}).sort()) === JSON.stringify(Object.entries(right ?? {}).sort());
