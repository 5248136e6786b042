import { consistencyHeader } from '@ecommerce/platform';
import type { Document, ReadCollection, ReadStore } from '@ecommerce/platform';
import { activeVersionKey } from '@ecommerce/schemas';
import type { ActiveVersion } from '@ecommerce/schemas';

export interface VersionRead {
  /** Read the pointer now, not as remembered: a read-your-writes wait must wait on the version that serves. */
  fresh?: boolean;
}

export interface ActiveVersions {
  version(projection: string, read?: VersionRead): Promise<number>;
  collection<T extends Document>(projection: string, collectionOf: (version: number) => string, read?: VersionRead): Promise<ReadCollection<T>>;
}

/**
 * Which version of a rebuildable read model serves (a rebuild fills the next version, then
 * switches: DESIGN §4.8), remembered for `ttlMs`: every query would otherwise read the pointer
 * first, a round trip more per request on MongoDB. A switch (rare) is seen up to `ttlMs` late by
 * a read without a consistency token; the version it left keeps its documents, as they were at
 * the switch, until the projections host drops it (10 s later by default).
 */
export function createActiveVersions(readStore: ReadStore, ttlMs = 1000, now: () => number = Date.now): ActiveVersions {
  /** The latest read of each pointer begun: its answer (or the read under way), and until when it serves. */
  const known = new Map<string, { version: Promise<number>; until: number }>();
  const version = async (projection: string, read: VersionRead = {}) => {
    const cached = known.get(projection);
    if (!read.fresh && cached && cached.until > now()) return cached.version;
    const startedAt = now();
    const reading = readStore.getCheckpoint<ActiveVersion>(activeVersionKey(projection)).then((active) => active?.version ?? 1);
    // Remembered as it begins: requests that come meanwhile share it, and a slower read that began
    // earlier (before a switch) never replaces it once it answers.
    known.set(projection, { version: reading, until: startedAt + ttlMs });
    reading.catch(() => {
      if (known.get(projection)?.version === reading) known.delete(projection);
    });
    return reading;
  };
  return {
    version,
    collection: async <T extends Document>(projection: string, collectionOf: (version: number) => string, read?: VersionRead) =>
      readStore.collection<T>(collectionOf(await version(projection, read))),
  };
}

/** One remembered pointer per read store: the query routes of a process share it. */
const sharedVersions = new WeakMap<ReadStore, ActiveVersions>();

export function activeVersionsOf(readStore: ReadStore): ActiveVersions {
  let versions = sharedVersions.get(readStore);
  if (!versions) sharedVersions.set(readStore, (versions = createActiveVersions(readStore)));
  return versions;
}

/** The serving version of a read model and its collection there: what every query route of a rebuildable model reads. */
export async function activeCollection<T extends Document>(readStore: ReadStore, projection: string, collectionOf: (version: number) => string, read?: VersionRead): Promise<{ version: number; collection: ReadCollection<T> }> {
  const version = await activeVersionsOf(readStore).version(projection, read);
  return { version, collection: readStore.collection<T>(collectionOf(version)) };
}

/** A request with a consistency token reads the pointer now; the others as remembered. */
export const versionReadOf = (req: { header(name: string): string | undefined }): VersionRead => ({ fresh: req.header(consistencyHeader) !== undefined });
