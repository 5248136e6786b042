import type { Document, ReadCollection, ReadStore } from '@ecommerce/platform';
import { activeVersionKey } from '@ecommerce/schemas';
import type { ActiveVersion } from '@ecommerce/schemas';

/** Which version of a rebuildable read model serves: a rebuild fills the next version, then switches (DESIGN §4.8). */
async function activeVersionOf(readStore: ReadStore, projection: string): Promise<number> {
  return (await readStore.getCheckpoint<ActiveVersion>(activeVersionKey(projection)))?.version ?? 1;
}

/** The serving version of a read model and its collection there: what every query route of a rebuildable model reads. */
export async function activeCollection<T extends Document>(readStore: ReadStore, projection: string, collectionOf: (version: number) => string): Promise<{ version: number; collection: ReadCollection<T> }> {
  const version = await activeVersionOf(readStore, projection);
  return { version, collection: readStore.collection<T>(collectionOf(version)) };
}
