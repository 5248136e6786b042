import type { Document, ReadCollection, ReadStore } from '@ecommerce/platform';
import { activeVersionKey } from '@ecommerce/schemas';
import type { ActiveVersion } from '@ecommerce/schemas';

export interface ActiveVersions {
  version(projection: string): Promise<number>;
  collection<T extends Document>(projection: string, collectionOf: (version: number) => string): Promise<ReadCollection<T>>;
}

/**
 * Which version of a read model serves, remembered for a moment: the pollers read every few
 * hundred milliseconds, and a blue/green switch (rare) may be seen up to `ttlMs` late — the
 * rebuilt documents carry the same stream revisions, so streams go on where they were.
 */
export function createActiveVersions(readStore: ReadStore, ttlMs = 1000): ActiveVersions {
  const known = new Map<string, { version: number; until: number }>();
  const version = async (projection: string) => {
    const cached = known.get(projection);
    if (cached && cached.until > Date.now()) return cached.version;
    const active = (await readStore.getCheckpoint<ActiveVersion>(activeVersionKey(projection)))?.version ?? 1;
    known.set(projection, { version: active, until: Date.now() + ttlMs });
    return active;
  };
  return {
    version,
    collection: async <T extends Document>(projection: string, collectionOf: (version: number) => string) => readStore.collection<T>(collectionOf(await version(projection))),
  };
}
