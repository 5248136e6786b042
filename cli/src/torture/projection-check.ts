import { isDeepStrictEqual } from 'node:util';
import { allProjections, readActiveVersion, rebuildProjection, withoutStoreFields } from '@ecommerce/projections';
import type { Document, EventStore, Logger, ReadStore } from '@ecommerce/platform';

export interface CollectionDiff {
  /** Documents the live version has and the rebuild has not. */
  onlyLive: string[];
  /** Documents the rebuild has and the live version has not. */
  onlyRebuilt: string[];
  /** Documents both have, with different fields. */
  different: string[];
}

export const isSameCollection = (diff: CollectionDiff): boolean => diff.onlyLive.length + diff.onlyRebuilt.length + diff.different.length === 0;

/** Two versions of a collection compared document by document, the store's bookkeeping (`_revisions`) ignored. */
export function diffDocuments(live: readonly Document[], rebuilt: readonly Document[]): CollectionDiff {
  const rebuiltById = new Map(rebuilt.map((doc) => [doc._id, doc]));
  const liveIds = new Set(live.map((doc) => doc._id));
  const different: string[] = [];
  const onlyLive: string[] = [];
  for (const doc of live) {
    const twin = rebuiltById.get(doc._id);
    if (!twin) onlyLive.push(doc._id);
    else if (!isDeepStrictEqual(withoutStoreFields(doc), withoutStoreFields(twin))) different.push(doc._id);
  }
  return { onlyLive, onlyRebuilt: rebuilt.filter((doc) => !liveIds.has(doc._id)).map((doc) => doc._id), different };
}

export interface ProjectionComparison {
  projection: string;
  collection: string;
  live: number;
  rebuilt: number;
  diff: CollectionDiff;
  /** For a different document: the live and the rebuilt one, for the report. */
  example?: { live: unknown; rebuilt: unknown };
}

/**
 * Every projection equal to a fresh rebuild: the live version's documents are read, the
 * projection is rebuilt from the event store into the next version (blue/green, as the rebuild
 * command does), and each collection is compared. Run once nothing consumes any more.
 */
export async function compareWithRebuilds(eventStore: EventStore, readStore: ReadStore, logger: Logger): Promise<ProjectionComparison[]> {
  const comparisons: ProjectionComparison[] = [];
  for (const projection of allProjections) {
    const { version } = await readActiveVersion(readStore, projection.name);
    const liveCollections = projection.collections(version);
    const live = new Map<string, Document[]>();
    for (const [role, name] of Object.entries(liveCollections)) live.set(role, await readStore.collection(name).find({}));
    const rebuilt = await rebuildProjection({ projection, eventStore, readStore, logger });
    for (const [role, name] of Object.entries(projection.collections(rebuilt.version))) {
      const liveDocs = live.get(role) ?? [];
      const rebuiltDocs = await readStore.collection(name).find({});
      const diff = diffDocuments(liveDocs, rebuiltDocs);
      const firstDifferent = diff.different[0];
      const example = firstDifferent === undefined ? undefined : {
        live: withoutStoreFields(liveDocs.find((doc) => doc._id === firstDifferent) as Document),
        rebuilt: withoutStoreFields(rebuiltDocs.find((doc) => doc._id === firstDifferent) as Document),
      };
      comparisons.push({ projection: projection.name, collection: role, live: liveDocs.length, rebuilt: rebuiltDocs.length, diff, ...(example ? { example } : {}) });
    }
  }
  return comparisons;
}
