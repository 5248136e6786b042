import { decodeConsistencyToken } from '@ecommerce/platform';
import type { ReadStore } from '@ecommerce/platform';
import { waitForPosition, waitForRevision } from '../consistency';

export interface ConsistentRead<T> {
  readStore: ReadStore;
  projection: string;
  version: number;
  /** The stream that writes the document read: a token of that stream waits for its revision. */
  stream: string;
  read: () => Promise<T | null>;
  tokenHeader: string | undefined;
  timeoutMs: number;
}

/**
 * One document, read after the write a consistency token names. A token of another stream
 * (a checkout's order token read against the cart) waits instead until the projection has
 * passed the token's position.
 */
export async function readConsistently<T extends { _revisions?: Record<string, number> }>(options: ConsistentRead<T>): Promise<{ doc: T | null; consistent: boolean }> {
  if (options.tokenHeader === undefined) return { doc: await options.read(), consistent: true };
  const token = decodeConsistencyToken(options.tokenHeader);
  if (token.stream === options.stream) return waitForRevision(options.read, token, options.timeoutMs);
  const consistent = await waitForPosition(options.readStore, options.projection, options.version, token.position, options.timeoutMs);
  return { doc: await options.read(), consistent };
}
