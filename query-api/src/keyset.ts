import { ValidationError } from '@ecommerce/platform';
import type { Document, Filter, ReadCollection } from '@ecommerce/platform';

/**
 * Keyset pagination, newest first, on (a string field such as `placedAt`, `_id`): stable while new
 * documents arrive, no offsets. The cursor is the last item's field value and id, base64url JSON
 * `{ <field>: value, id }`.
 */
export const encodeKeysetCursor = (field: string, value: string, id: string): string => Buffer.from(JSON.stringify({ [field]: value, id })).toString('base64url');

export function decodeKeysetCursor(field: string, text: string): { value: string; id: string } {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>;
    const value = cursor[field];
    if (typeof value === 'string' && typeof cursor.id === 'string') return { value, id: cursor.id };
  } catch {
    // reported below
  }
  throw new ValidationError('cursor is malformed', [{ field: 'query.cursor', message: 'malformed cursor' }]);
}

export interface NewestFirstPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** One page of the documents matching every clause, newest first by `field`, ties broken by `_id`. */
export async function findNewestFirst<T extends Document>(
  collection: ReadCollection<T>,
  field: string,
  clauses: Filter[],
  page: { limit: number; cursor?: string | undefined },
): Promise<NewestFirstPage<T>> {
  const all = [...clauses];
  if (page.cursor) {
    const { value, id } = decodeKeysetCursor(field, page.cursor);
    all.push({ $or: [{ [field]: { $lt: value } }, { [field]: value, _id: { $lt: id } }] });
  }
  // an empty $and is refused by MongoDB
  const filter: Filter = all.length > 0 ? { $and: all } : {};
  const found = await collection.find(filter, { sort: { [field]: -1, _id: -1 }, limit: page.limit + 1 });
  const items = found.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor = found.length > page.limit && last ? encodeKeysetCursor(field, String(last[field]), last._id) : null;
  return { items, nextCursor };
}
