import type { ReadStore } from '@ecommerce/platform';
import { checkpointKey } from '@ecommerce/schemas';
import type { ProjectionCheckpoint } from '@ecommerce/schemas';
import type { ConsistencyToken } from '@ecommerce/platform';

const pollMs = 15;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Read-your-writes for one entity: poll until its document carries the token's stream revision. */
export async function waitForRevision<T extends { _revisions?: Record<string, number> }>(
  read: () => Promise<T | null>,
  token: ConsistencyToken,
  timeoutMs: number,
): Promise<{ doc: T | null; consistent: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await read();
    if ((doc?._revisions?.[token.stream] ?? -1) >= token.revision) return { doc, consistent: true };
    if (Date.now() >= deadline) return { doc, consistent: false };
    await sleep(pollMs);
  }
}

/**
 * Read-your-writes for a list: every partition the projection reads has passed the
 * token's position. A partition passes when it applied an event at or past the position,
 * or when it was seen at its end after the moment some partition had applied the position:
 * the mirror publishes in `$all` order, so by then everything before the position was in
 * the log, and a partition at its end has applied all of it.
 */
export async function waitForPosition(readStore: ReadStore, projection: string, version: number, position: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let reachedAt: number | undefined;
  for (;;) {
    const checkpoint = await readStore.getCheckpoint<ProjectionCheckpoint>(checkpointKey(projection, version));
    const partitions = Object.values(checkpoint?.partitions ?? {});
    if (reachedAt === undefined && partitions.some((entry) => entry.position >= position)) reachedAt = Date.now();
    if (reachedAt !== undefined && partitions.every((entry) => entry.position >= position || (entry.offset >= entry.endOffset && entry.checkedAt > (reachedAt as number)))) return true;
    if (Date.now() >= deadline) return false;
    await sleep(pollMs);
  }
}
