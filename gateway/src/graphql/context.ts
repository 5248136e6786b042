import type { Loaders } from './loaders';
import type { Upstream } from './upstream';

/** What each resolver of one GraphQL request has: its way to the APIs, and its batching loaders. */
export interface GraphqlContext {
  upstream: Upstream;
  loaders: Loaders;
}
