import { idsSelectedBy } from '@ecommerce/platform';
import type { Document, ReadCollection } from '@ecommerce/platform';

/**
 * The collection with its reads counted: tells an applier's batch that read its documents from
 * one that did not. `reads` counts the documents looked up (a `findOne`, or each id of a `find` by
 * an `_id` list), `queries` the round trips that asked for them.
 */
export function countingReads<T extends Document>(collection: ReadCollection<T>): { collection: ReadCollection<T>; reads: () => number; queries: () => number } {
  let reads = 0;
  let queries = 0;
  const findOne: ReadCollection<T>['findOne'] = (filter) => {
    reads += 1;
    queries += 1;
    return collection.findOne(filter);
  };
  const find: ReadCollection<T>['find'] = (filter, options) => {
    reads += idsSelectedBy(filter)?.length ?? 1;
    queries += 1;
    return collection.find(filter, options);
  };
  return { collection: Object.assign(Object.create(collection) as ReadCollection<T>, { findOne, find }), reads: () => reads, queries: () => queries };
}
