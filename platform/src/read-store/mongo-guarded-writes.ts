/**
 * Revision-guarded writes on MongoDB (and FerretDB, which has no transactions nor partial
 * indexes). Deleted documents leave a tombstone in a separate collection, so unique indexes of
 * the live collection never see them. Each write reads the current revisions, decides, then
 * writes with a compare-and-set filter on those revisions; if another writer changed the
 * document in between, it reads again and retries. On a server whose filtered updates are not
 * atomic (FerretDB), a write of a live document first claims the state it read (see
 * mongo-write-claims.ts), so that of two writers that read one state only one writes.
 */
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Filter as MongoFilter } from 'mongodb';
import { AppError } from '../errors';
import { withFieldsSet } from './guarded-update';
import { idLists } from './id-lists';
import { duplicateKeyConflictOf, isDuplicateKey } from './mongo-errors';
import type { HeldClaim, WriteClaims } from './mongo-write-claims';
import type { Document, GuardOutcome, GuardedReplace, GuardedUpdate, ReadBefore } from './port';
import { isNewer, revisionKey, revisionPath, withEncodedRevisions, withRevision, type Revisions } from './revisions';

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
/** A caller's reading (`ReadBefore`) older than this is read again rather than written under late claims. */
const freshReadMs = 1000;
/** The caller's reading, if recent enough to write under (a reading that took long, on a loaded server, would make every claim late). */
const freshOf = (hint: ReadBefore | undefined): ReadBefore | undefined => (hint && Date.now() - hint.at < freshReadMs ? hint : undefined);
/** How long a write waits for other writers' claims on its document: past a dead writer's lease. */
const claimWaitMs = 25_000;

/**
 * 'changed': another writer wrote first, read again; busy: another writer holds the state, wait
 * (until `retryAt` if the holder can no longer write, see `Claimed`).
 */
type Step = GuardOutcome | 'changed' | { busy: true; retryAt?: number };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
/** A holder that may be writing now is asked again soon, then less often, up to a second apart (a third writer may hold the next state). */
const backoffMs = (busyCount: number): number => Math.min(1000, 10 * 2 ** Math.min(busyCount, 10)) * (0.5 + Math.random() / 2);
/** Spreads the writers that wait for one lease's end (a whole batch's documents, say) over this long. */
const leaseEndSpreadMs = 100;

/** Claims (or none, where updates are atomic) for each write; resolved once per store. */
export type ClaimsSource = () => Promise<WriteClaims | null>;

const abandonQuietly = (claims: WriteClaims, held: readonly HeldClaim[]): Promise<void> =>
  // a claim that could not be given back lapses after its lease
  held.length === 0 ? Promise.resolve() : claims.abandon(held).catch(() => undefined);

/** Gives back the claims held on these ids, whose write surely did not take effect. */
type GiveBack = (ids: readonly string[]) => Promise<void>;

const givingBack =
  (claims: WriteClaims | null, held: readonly HeldClaim[]): GiveBack =>
  (ids) =>
    claims ? abandonQuietly(claims, held.filter((claim) => ids.includes(claim.id))) : Promise.resolve();

export const tombstoneIdOf = (collection: string, id: string): string => JSON.stringify([collection, id]);

/** Matches the live document only while its revisions are still the ones observed. */
const unchangedSince = (id: string, observed: Observed, streams: string[]): MongoFilter<StoredDocument> => {
  if (!observed.revisions) return { _id: id, _revisions: { $exists: false } };
  const filter: Record<string, unknown> = { _id: id };
  for (const [key, revision] of Object.entries(observed.revisions)) filter[`_revisions.${key}`] = revision;
  for (const stream of streams) filter[`_revisions.${revisionKey(stream)}`] ??= { $exists: false };
  return filter as MongoFilter<StoredDocument>;
};

/** Whether a collection's missing documents may have tombstones to read (`MongoReadStoreOptions.neverDeletes`). */
export type TombstonesSource = () => Promise<boolean>;

export function createGuardedWrites(
  name: string,
  main: Collection<StoredDocument>,
  tombstones: Collection<Tombstone>,
  claimsOf: ClaimsSource = () => Promise.resolve(null),
  mayHaveTombstones: TombstonesSource = () => Promise.resolve(true),
) {
  /**
   * Runs one write step until it settles; 'changed' a few times at most, busy for as long as a
   * claim may be held. A state whose holder can no longer write is read once more (it may have
   * written just after this writer's read), then left alone until its lease ends: polled, a
   * batch's worth of such states would keep a server that just came back busy for the lease.
   */
  const settle = async (id: string, what: string, step: () => Promise<Step>): Promise<GuardOutcome> => {
    const deadline = Date.now() + claimWaitMs;
    let changes = 0;
    let busyCount = 0;
    let toldRetryAt = false;
    for (;;) {
      const outcome = await step();
      if (typeof outcome === 'string' && outcome !== 'changed') return outcome;
      if (outcome === 'changed') changes += 1;
      if (changes >= maxAttempts || Date.now() > deadline) {
        const why = outcome === 'changed' ? 'kept changing' : 'stayed claimed by another writer';
        throw new AppError('conflict', `document ${id} of ${name} ${why} during a ${what}`, { retriable: true });
      }
      if (typeof outcome === 'string') {
        toldRetryAt = false;
        continue;
      }
      busyCount += 1;
      // Told once: read again at once. Told twice running: the read in between found the state still unwritten.
      const told = outcome.retryAt !== undefined;
      const waitMs = !told ? backoffMs(busyCount) : toldRetryAt ? (outcome.retryAt as number) + Math.random() * leaseEndSpreadMs - Date.now() : backoffMs(0);
      toldRetryAt = told;
      await sleep(Math.min(waitMs, deadline - Date.now()));
    }
  };

  /**
   * In `$in` lists (`idLists`): MongoDB finds an `_id` list on its index, and so does FerretDB as
   * `scripts/infra/ferretdb.sh` builds it (FerretDB 1.24 as released scans the collection).
   */
  const findByIds = async <T extends { _id: string }>(collection: Collection<T>, ids: string[], projection?: Record<string, 1>): Promise<T[]> => {
    const options = projection ? { projection } : {};
    if (ids.length === 1) {
      const doc = await collection.findOne({ _id: ids[0] } as MongoFilter<T>, options);
      return doc ? [doc as T] : [];
    }
    const found = await Promise.all(idLists(ids).map((list) => collection.find({ _id: { $in: list } } as MongoFilter<T>, options).toArray()));
    return found.flat() as T[];
  };

  /**
   * The documents' revisions, and the tombstones of those not live (a live document's revisions
   * are its own; a tombstone left beside it by a crash is overwritten by the next deletion).
   */
  const observe = async (ids: string[], readBefore?: ReadBefore): Promise<Map<string, Observed>> => {
    const unread = readBefore ? ids.filter((id) => !readBefore.docs.has(id)) : ids;
    // handed to the caller with their revisions decoded: stored ones are encoded
    const readLive = readBefore ? ids.flatMap((id) => readBefore.docs.get(id) ?? []).map((doc) => withEncodedRevisions({ _id: doc._id, _revisions: doc._revisions })) : [];
    const live = [...readLive, ...(unread.length > 0 ? await findByIds(main, unread, { _revisions: 1 }) : [])];
    const liveById = new Map(live.map((doc) => [doc._id, doc]));
    const missing = ids.filter((id) => !liveById.has(id));
    const dead = missing.length > 0 && (await mayHaveTombstones()) ? await findByIds(tombstones, missing.map((id) => tombstoneIdOf(name, id))) : [];
    const deadById = new Map(dead.map((tombstone) => [tombstone.id, tombstone]));
    return new Map(
      ids.map((id) => {
        const doc = liveById.get(id);
        const tombstone = deadById.get(id);
        return [id, { live: doc !== undefined, tombstone: tombstone !== undefined, revisions: doc ? doc._revisions : tombstone?._revisions }];
      }),
    );
  };

  /**
   * The claims under which to write: not late, and, for a state taken over from another writer
   * (which may have written after all), still the document's. The others are given back.
   */
  const writable = async (claims: WriteClaims, held: readonly HeldClaim[], observed: ReadonlyMap<string, Observed>): Promise<HeldClaim[]> => {
    const takenOver = held.filter((claim) => claim.takenOver);
    const now = takenOver.length > 0 ? await observe(takenOver.map((claim) => claim.id)) : new Map<string, Observed>();
    const unchanged = (claim: HeldClaim) => !claim.takenOver || (revisionsEqual(now.get(claim.id)?.revisions, observed.get(claim.id)?.revisions) && now.get(claim.id)?.live === observed.get(claim.id)?.live);
    const ok = held.filter((claim) => unchanged(claim) && !claims.isLate(claim));
    await abandonQuietly(claims, held.filter((claim) => !ok.includes(claim)));
    return ok;
  };

  const exists = async (id: string): Promise<boolean> => (await main.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;

  const tombstoneOf = (id: string, revisions: Revisions): Tombstone => ({ _id: tombstoneIdOf(name, id), collection: name, id, _revisions: revisions });

  /** One attempt at a write already judged newer, holding the observed state's claim when there are claims. */
  const attempt = async (write: GuardedReplace, observed: Observed, readAt: number): Promise<Step> => {
    const claims = observed.live ? await claimsOf() : null;
    if (!claims) return attemptUnclaimed(write, observed);
    const { held, retryAt } = await claims.claim(name, new Map([[write.id, observed.revisions]]), readAt);
    if (held.length === 0) return { busy: true, retryAt };
    if ((await writable(claims, held, new Map([[write.id, observed]]))).length === 0) return 'changed';
    return attemptUnclaimed(write, observed, { _id: write.id });
  };

  /** `unchanged`: the compare-and-set filter, or under a claim (nobody else writes) the `_id` alone. */
  const attemptUnclaimed = async (write: GuardedReplace, observed: Observed, unchanged = unchangedSince(write.id, observed, [write.guard.stream])): Promise<'applied' | 'changed'> => {
    const revisions = withRevision(observed.revisions, write.guard);
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

  const replaceIfNewer = (write: GuardedReplace): Promise<GuardOutcome> =>
    settle(write.id, 'guarded write', async () => {
      const readAt = Date.now();
      const observed = (await observe([write.id])).get(write.id) as Observed;
      if (!isNewer(observed.revisions, write.guard)) return 'stale';
      return attempt(write, observed, readAt);
    });

  /**
   * Decides every write against revisions read in one round trip (several writes to one id
   * apply in input order), then writes each id's final state in one unordered bulk write.
   * Ids whose bulk operation failed or found the document changed are redone one by one.
   */
  const replaceManyIfNewer = async (writes: readonly GuardedReplace[], readBefore?: ReadBefore): Promise<GuardOutcome[]> => {
    if (writes.length === 0) return [];
    const ids = [...new Set(writes.map((write) => write.id))];
    const fresh = freshOf(readBefore);
    const readAt = fresh?.at ?? Date.now();
    const observed = await observe(ids, fresh);
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

    // Live documents are written only under a claim on the state read; the others are redone one by one.
    const claims = await claimsOf();
    const live = new Map([...finals.keys()].filter((id) => (observed.get(id) as Observed).live).map((id) => [id, (observed.get(id) as Observed).revisions]));
    const held = claims && live.size > 0 ? await writable(claims, (await claims.claim(name, live, readAt)).held, observed) : [];
    const unclaimed = new Set(claims ? [...live.keys()].filter((id) => !held.some((claim) => claim.id === id)) : []);
    for (const id of unclaimed) finals.delete(id);
    const redo = await writeFinals(finals, observed, claims !== null, givingBack(claims, held));
    for (const id of unclaimed) redo.add(id);
    // each document's writes in order, the documents at once (a redelivered batch may redo them all)
    await Promise.all([...redo].map(async (id) => {
      for (const [index, write] of writes.entries()) if (write.id === id) outcomes[index] = await replaceIfNewer(write);
    }));
    return outcomes;
  };

  /** Writes each id's final state in one bulk write; returns the ids to redo one by one. */
  const writeFinals = async (finals: Map<string, { revisions: Revisions; doc: GuardedReplace['doc']; streams: string[] }>, observed: Map<string, Observed>, claimed: boolean, giveBack: GiveBack): Promise<Set<string>> => {
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
      const unchanged = claimed ? { _id: id } : unchangedSince(id, seen, final.streams);
      const doc = final.doc === null ? null : ({ ...final.doc, _id: id, _revisions: final.revisions } as StoredDocument);
      if (doc && seen.live) operations.push({ replaceOne: { filter: unchanged, replacement: doc } });
      else if (doc) operations.push({ insertOne: { document: doc } });
      else if (seen.live) operations.push({ deleteOne: { filter: unchanged } });
      else continue;
      operationIds.push(id);
    }
    const expected = new Map([...finals].map(([id, final]) => [id, final.revisions]));
    const redo = await writeBulk(operations, operationIds, expected, giveBack);
    const resurrected = [...finals].filter(([id, final]) => final.doc !== null && !redo.has(id) && (observed.get(id) as Observed).tombstone);
    if (resurrected.length > 0) await tombstones.deleteMany({ _id: { $in: resurrected.map(([id]) => tombstoneIdOf(name, id)) } });
    return redo;
  };

  /**
   * Runs the bulk write; returns the ids whose operation did not take effect, to redo one by one.
   * The claims of those whose write surely did not take effect (refused by the server, or the
   * document still older than the write) are given back first: the redo claims that state again.
   */
  const writeBulk = async (
    operations: AnyBulkWriteOperation<StoredDocument>[],
    operationIds: string[],
    expected: Map<string, Revisions>,
    giveBack: GiveBack,
  ): Promise<Set<string>> => {
    if (operations.length === 0) return new Set();
    let result: { insertedCount: number; matchedCount: number; deletedCount: number };
    const failed = new Set<string>();
    try {
      result = await main.bulkWrite(operations, { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const writeErrors = [error.writeErrors].flat();
      // The driver's own failures (the server gone, a connection closed mid-write) come as a bulk
      // error without write errors: which operations took effect is unknown, so the write failed.
      // FerretDB refuses an update that breaks a unique index that way too, but says why: the
      // stored revisions then tell which operations took effect.
      if (writeErrors.length === 0 && !isDuplicateKey(error)) throw error;
      for (const writeError of writeErrors) {
        if (!isDuplicateKey(writeError)) throw error;
        failed.add(operationIds[writeError.index] as string);
      }
      result = writeErrors.length > 0 ? error.result : { insertedCount: 0, matchedCount: 0, deletedCount: 0 };
    }
    if (result.insertedCount + result.matchedCount + result.deletedCount === operations.length - failed.size) {
      await giveBack([...failed]);
      return failed;
    }
    // Some operation did not take effect (a compare-and-set filter that matched nothing, say): the stored revisions tell which.
    const doneIds = operationIds.filter((id) => !failed.has(id));
    const now = await observe(doneIds);
    const notWritten = new Set(failed);
    for (const id of doneIds) {
      if (revisionsEqual(now.get(id)?.revisions, expected.get(id))) continue;
      failed.add(id);
      if (!reaches(now.get(id)?.revisions, expected.get(id))) notWritten.add(id);
    }
    await giveBack([...notWritten]);
    return failed;
  };

  /**
   * One guarded `$set` round trip when the document exists (on FerretDB: read, claim, `$set`);
   * a missing one is created (if asked) only after its tombstone, if any, shows the
   * write is newer. A fresh `readBefore` stands for the first read; a retry reads again.
   */
  const updateIfNewer = async (write: GuardedUpdate, readBefore?: ReadBefore): Promise<GuardOutcome> => {
    const path = revisionPath(write.guard.stream);
    const set = { $set: { ...write.set, [path]: write.guard.revision } };
    const update = async (filter: Record<string, unknown>): Promise<boolean> => {
      const { matchedCount } = await main.updateOne(filter as MongoFilter<StoredDocument>, set).catch(async (error: unknown) => {
        throw isDuplicateKey(error) ? await duplicateKeyConflictOf(main as never, name, error, { _id: write.id, ...write.set }) : error;
      });
      return matchedCount > 0;
    };
    const claims = await claimsOf();
    let before = freshOf(readBefore);
    return settle(write.id, 'guarded update', async () => {
      if (!claims && (await update({ _id: write.id, $or: [{ [path]: { $lt: write.guard.revision } }, { [path]: { $exists: false } }] }))) return 'applied';
      const readAt = before?.at ?? Date.now();
      const observed = (await observe([write.id], before)).get(write.id) as Observed;
      before = undefined;
      if (!isNewer(observed.revisions, write.guard)) return 'stale';
      if (observed.live) {
        if (!claims) return 'changed'; // changed between the update and the read
        const { held, retryAt } = await claims.claim(name, new Map([[write.id, observed.revisions]]), readAt);
        if (held.length === 0) return { busy: true, retryAt };
        if ((await writable(claims, held, new Map([[write.id, observed]]))).length === 0) return 'changed';
        return (await update({ _id: write.id })) ? 'applied' : 'changed';
      }
      if (!write.upsert) return 'stale';
      const created = withFieldsSet(write.id, undefined, write.set);
      try {
        await main.insertOne({ ...created, _revisions: withRevision(observed.revisions, write.guard) });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Created by someone else meanwhile (try again), or refused by a unique index.
        if (!(await exists(write.id))) throw await duplicateKeyConflictOf(main as never, name, error, { ...created });
        return 'changed';
      }
      if (observed.tombstone) await tombstones.deleteOne({ _id: tombstoneIdOf(name, write.id) });
      return 'applied';
    });
  };

  /**
   * Many guarded `$set`s: the revisions read for all ids at once, each write decided, the live
   * documents' states claimed (on FerretDB) in one insert, and every write sent in one unordered
   * bulk write. An id written more than once, or whose operation did not take effect (another
   * writer came first, a unique index refused it), goes through `updateIfNewer` one by one.
   */
  const updateManyIfNewer = async (writes: readonly GuardedUpdate[], readBefore?: ReadBefore): Promise<GuardOutcome[]> => {
    const outcomes: GuardOutcome[] = new Array<GuardOutcome>(writes.length);
    const indexesById = new Map<string, number[]>();
    for (const [index, write] of writes.entries()) indexesById.set(write.id, [...(indexesById.get(write.id) ?? []), index]);
    const oneByOne = async (indexes: readonly number[]) => {
      for (const index of indexes) outcomes[index] = await updateIfNewer(writes[index] as GuardedUpdate);
    };
    const several = [...indexesById.values()].filter((indexes) => indexes.length > 1);
    const single = [...indexesById.values()].filter((indexes) => indexes.length === 1).map(([index]) => index as number);
    await Promise.all([...several.map(oneByOne), single.length > 0 ? updateOnce(writes, single, outcomes, oneByOne, readBefore) : undefined]);
    return outcomes;
  };

  /** The bulk path of `updateManyIfNewer`, for ids written once; fills in `outcomes`. */
  const updateOnce = async (writes: readonly GuardedUpdate[], indexes: readonly number[], outcomes: GuardOutcome[], oneByOne: (indexes: readonly number[]) => Promise<void>, readBefore?: ReadBefore): Promise<void> => {
    const fresh = freshOf(readBefore);
    const readAt = fresh?.at ?? Date.now();
    const observed = await observe(indexes.map((index) => (writes[index] as GuardedUpdate).id), fresh);
    const due: number[] = [];
    for (const index of indexes) {
      const write = writes[index] as GuardedUpdate;
      const seen = observed.get(write.id) as Observed;
      if (!isNewer(seen.revisions, write.guard) || (!seen.live && !write.upsert)) outcomes[index] = 'stale';
      else due.push(index);
    }
    const claims = await claimsOf();
    const live = due.map((index) => (writes[index] as GuardedUpdate).id).filter((id) => (observed.get(id) as Observed).live);
    const held = claims && live.length > 0 ? await writable(claims, (await claims.claim(name, new Map(live.map((id) => [id, (observed.get(id) as Observed).revisions])), readAt)).held, observed) : [];
    const heldIds = new Set(held.map((claim) => claim.id));
    const operations: AnyBulkWriteOperation<StoredDocument>[] = [];
    const operationIds: string[] = [];
    const expected = new Map<string, Revisions>();
    const redo: number[] = [];
    const indexOf = new Map<string, number>();
    for (const index of due) {
      const write = writes[index] as GuardedUpdate;
      const seen = observed.get(write.id) as Observed;
      const revisions = withRevision(seen.revisions, write.guard);
      if (seen.live && claims && !heldIds.has(write.id)) {
        redo.push(index);
        continue;
      }
      if (seen.live) {
        const filter = claims ? { _id: write.id } : unchangedSince(write.id, seen, [write.guard.stream]);
        operations.push({ updateOne: { filter, update: { $set: { ...write.set, [revisionPath(write.guard.stream)]: write.guard.revision } } } });
      } else {
        operations.push({ insertOne: { document: { ...withFieldsSet(write.id, undefined, write.set), _id: write.id, _revisions: revisions } as StoredDocument } });
      }
      operationIds.push(write.id);
      expected.set(write.id, revisions);
      indexOf.set(write.id, index);
    }
    const failed = await writeBulk(operations, operationIds, expected, givingBack(claims, held));
    const resurrected = operationIds.filter((id) => !failed.has(id) && (observed.get(id) as Observed).tombstone);
    if (resurrected.length > 0) await tombstones.deleteMany({ _id: { $in: resurrected.map((id) => tombstoneIdOf(name, id)) } });
    for (const id of operationIds) {
      const index = indexOf.get(id) as number;
      if (failed.has(id)) redo.push(index);
      else outcomes[index] = 'applied';
    }
    await Promise.all(redo.map((index) => oneByOne([index])));
  };

  return { replaceIfNewer, replaceManyIfNewer, updateIfNewer, updateManyIfNewer };
}

/** Every stream of `wanted` at or past its revision there: a write of those revisions took effect, or a newer one since. */
const reaches = (stored: Revisions | undefined, wanted: Revisions | undefined): boolean =>
  Object.entries(wanted ?? {}).every(([key, revision]) => (stored?.[key] ?? -1) >= revision);

const revisionsEqual = (left: Revisions | undefined, right: Revisions | undefined): boolean =>
  JSON.stringify(Object.entries(left ?? {}).sort()) === JSON.stringify(Object.entries(right ?? {}).sort());
