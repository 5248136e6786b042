import type { Document, ReadCollection } from '@ecommerce/platform';

/** The collection with its `findOne` counted: tells an applier's batch that read its documents from one that did not. */
export function countingReads<T extends Document>(collection: ReadCollection<T>): { collection: ReadCollection<T>; reads: () => number } {
  let reads = 0;
  const findOne: ReadCollection<T>['findOne'] = (filter) => {
    reads += 1;
    return collection.findOne(filter);
  };
  return { collection: Object.assign(Object.create(collection) as ReadCollection<T>, { findOne }), reads: () => reads };
}
