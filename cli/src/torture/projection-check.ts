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

/** What differs in one document: the fields, and the revisions each version saw per stream (the rebuild's are the streams' last). */
export interface DocumentDiff {
  id: string;
  fields: string[];
  liveRevisions: unknown;
  rebuiltRevisions: unknown;
  live: unknown;
  rebuilt: unknown;
}

/** The top-level fields whose values differ, store fields aside. */
export function differentFields(live: Document, rebuilt: Document): string[] {
  const left = withoutStoreFields(live) as Record<string, unknown>;
  const right = withoutStoreFields(rebuilt) as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((field) => !isDeepStrictEqual(left[field], right[field])).sort();
}

const documentDiff = (live: Document, rebuilt: Document): DocumentDiff => ({
  id: live._id,
  fields: differentFields(live, rebuilt),
  liveRevisions: live._revisions,
  rebuiltRevisions: rebuilt._revisions,
  live: withoutStoreFields(live),
  rebuilt: withoutStoreFields(rebuilt),
});

export interface ProjectionComparison {
  projection: string;
  collection: string;
  live: number;
  rebuilt: number;
  diff: CollectionDiff;
  /** For the first few different documents: what differs, for the report. */
  examples?: DocumentDiff[];
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
      const examples = diff.different.slice(0, 3).map((id) => documentDiff(liveDocs.find((doc) => doc._id === id) as Document, rebuiltDocs.find((doc) => doc._id === id) as Document));
      comparisons.push({ projection: projection.name, collection: role, live: liveDocs.length, rebuilt: rebuiltDocs.length, diff, ...(examples.length > 0 ? { examples } : {}) });
    }
  }
  return comparisons;
}
