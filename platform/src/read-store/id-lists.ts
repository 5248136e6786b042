import type { Filter } from './port';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);

/** The ids a condition on `_id` selects exactly (a string, `$eq` or `$in` of strings), or undefined for any other. */
export const idsSelectedBy = (filter: Filter): string[] | undefined => {
  const condition = filter._id;
  if (typeof condition === 'string') return [condition];
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length !== 1) return undefined;
  if (typeof condition.$eq === 'string') return [condition.$eq];
  if (Array.isArray(condition.$in) && condition.$in.every((id) => typeof id === 'string')) return [...new Set(condition.$in as string[])];
  return undefined;
};

/**
 * Ids a lookup lists at most: MongoDB takes far more, FerretDB (as `scripts/infra/ferretdb.sh`
 * builds it) finds a list of up to 1,000 on the `_id` index and scans the collection for a longer one.
 */
export const idsPerLookup = 500;

/** Ids in lists of at most `idsPerLookup`, to be looked up side by side. */
export function idLists(ids: readonly string[]): string[][] {
  const lists: string[][] = [];
  for (let start = 0; start < ids.length; start += idsPerLookup) lists.push(ids.slice(start, start + idsPerLookup));
  return lists;
}
