/**
 * One writer per document state, for MongoDB-wire servers whose filtered updates are not atomic.
 *
 * FerretDB 1.x (on SQLite and on PostgreSQL alike) runs `updateOne(filter, …)` as a query, then
 * an `UPDATE … WHERE _id = ?` outside the query's transaction: two compare-and-set updates
 * that both read revision r both match, both report a match, and the later one overwrites the
 * earlier (measured: 80 of 398 concurrent compare-and-set updates of one document lost). What it
 * does do atomically is insert under a unique `_id`. So before writing a live document, a writer
 * inserts a claim whose `_id` names the document and the revisions it read: of the writers that
 * read one state, one gets it and writes; the others wait and read again. Revisions only grow,
 * so a state never comes back: a claim is kept (not released), and nobody can claim a state
 * that was already written over. Claims are swept once far older than any write they guard.
 *
 * A writer killed between its claim and its write leaves its state claimed: after `leaseMs` the
 * next writer takes the state's next generation, and (since a writer that did write leaves its
 * claim too) reads the document again before writing. A holder sends its write within
 * `writeWithinMs` of reading the document or not at all, so a taken-over state can only race a
 * write that is still inside the server `leaseMs - writeWithinMs` after it was sent.
 *
 * Past `writeWithinMs` a holder sends nothing more, though a write it sent may still land until
 * the lease's end (a takeover reads the document again for that). A writer refused by such a
 * claim reads once more, then waits for the lease's end (`Claimed.retryAt`) instead of asking
 * again and again: after the server went away mid-write, a whole batch's documents are in that
 * case at once.
 */
import type { Collection, Db } from 'mongodb';
import { idLists } from './id-lists';
import { isDuplicateKey } from './mongo-errors';
import type { Revisions } from './revisions';

export interface WriteClaim {
  _id: string;
  /** When it was taken, by the writer's clock (ms since epoch). */
  at: number;
}

/** A claim held on one document's state. */
export interface HeldClaim {
  id: string;
  key: string;
  /** When the writer read the state it claimed. */
  readAt: number;
  /** Taken over from a writer that did not write in time, or did write: read the document again. */
  takenOver: boolean;
}

export interface Claimed {
  /** The ids whose state this writer now holds; the others are being written by someone else. */
  held: HeldClaim[];
  /**
   * When a refused state is worth claiming again, if every refusing claim is past the time its
   * holder could still write (read the document first: the holder may have written). Undefined
   * when a holder may be writing now: ask again soon.
   */
  retryAt?: number;
}

export interface WriteClaims {
  /** Claims the states of `states`' ids, read at `readAt`. */
  claim(collection: string, states: ReadonlyMap<string, Revisions | undefined>, readAt: number): Promise<Claimed>;
  /** Too late to write under: the write could reach the server after the lease ran out. */
  isLate(claim: HeldClaim): boolean;
  /** Gives claims back whose write was never sent: their states are still the documents' own. */
  abandon(claims: readonly HeldClaim[]): Promise<void>;
}

/** What a state stays blocked after its writer died: long, so that no live holder's write is overtaken. */
export const defaultClaimLeaseMs = 15_000;
export const defaultWriteWithinMs = 5000;
/** Claims older than that are swept: no writer still holds a reading that old (`writeWithinMs`). */
const sweepAfterMs = 120_000;

/** Revisions as a key that does not depend on the order the server returned the fields in. */
const stateKeyOf = (revisions: Revisions | undefined): string =>
  JSON.stringify(Object.entries(revisions ?? {}).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)));

const claimKeyOf = (collection: string, id: string, state: string, generation: number): string => JSON.stringify([collection, id, state, generation]);

export function createWriteClaims(claims: Collection<WriteClaim>, options: { leaseMs?: number; writeWithinMs?: number; now?: () => number } = {}): WriteClaims {
  const leaseMs = options.leaseMs ?? defaultClaimLeaseMs;
  const writeWithinMs = Math.min(options.writeWithinMs ?? defaultWriteWithinMs, leaseMs / 2);
  const now = options.now ?? Date.now;
  let sweptAt = now();

  const sweep = () => {
    if (now() - sweptAt < sweepAfterMs / 4) return;
    sweptAt = now();
    // best effort: a sweep that fails is done by the next one
    void claims.deleteMany({ at: { $lt: sweptAt - sweepAfterMs } }).catch(() => undefined);
  };

  /**
   * The generation after the last one taken, while those are older than the lease; or, when one
   * is inside its lease, the time it was taken. Generation 0 is known to be taken: the batch's
   * insert was refused it.
   */
  const takeOver = async (collection: string, id: string, state: string, readAt: number): Promise<HeldClaim | { takenAt: number }> => {
    let generation = 0;
    let refused = true;
    for (;;) {
      const key = claimKeyOf(collection, id, state, generation);
      if (!refused) {
        try {
          await claims.insertOne({ _id: key, at: now() });
          return { id, key, readAt, takenOver: generation > 0 };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      const taken = await claims.findOne({ _id: key });
      // swept meanwhile: try the same generation again
      refused = false;
      if (!taken) continue;
      if (now() - taken.at < leaseMs) return { takenAt: taken.at };
      generation += 1;
    }
  };

  /** Past every refusing claim's last moment to write, the latest of their leases' ends; else undefined. */
  const retryAtOf = (takenAts: readonly number[]): number | undefined =>
    takenAts.length > 0 && takenAts.every((at) => now() - at > writeWithinMs) ? Math.max(...takenAts) + leaseMs : undefined;

  return {
    async claim(collection, states, readAt) {
      const wanted = [...states].map(([id, revisions]) => ({ id, state: stateKeyOf(revisions) }));
      if (wanted.length === 0) return { held: [] };
      sweep();
      const at = now();
      const docs: WriteClaim[] = wanted.map(({ id, state }) => ({ _id: claimKeyOf(collection, id, state, 0), at }));
      const refused = new Set<number>();
      try {
        await claims.insertMany(docs, { ordered: false });
      } catch (error) {
        const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
        const failures = [writeErrors ?? []].flat() as { index: number; code?: number }[];
        if (failures.length === 0 || !failures.every(isDuplicateKey)) throw error;
        for (const failure of failures) refused.add(failure.index);
      }
      const held: HeldClaim[] = [];
      const takenAts: number[] = [];
      for (const [index, { id, state }] of wanted.entries()) {
        if (!refused.has(index)) held.push({ id, key: claimKeyOf(collection, id, state, 0), readAt, takenOver: false });
        else {
          const claim = await takeOver(collection, id, state, readAt);
          if ('key' in claim) held.push(claim);
          else takenAts.push(claim.takenAt);
        }
      }
      return { held, retryAt: retryAtOf(takenAts) };
    },
    isLate: (claim) => now() - claim.readAt > writeWithinMs,
    async abandon(held) {
      await Promise.all(idLists(held.map((claim) => claim.key)).map((keys) => claims.deleteMany({ _id: { $in: keys } })));
    },
  };
}

/** FerretDB says so in `buildInfo`; MongoDB's own updates are atomic per document and need no claims. */
export async function needsWriteClaims(db: Db): Promise<boolean> {
  const info = await db.admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string';
}
