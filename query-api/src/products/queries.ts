import { ValidationError } from '@ecommerce/platform';
import type { Filter, ReadCollection, Sort } from '@ecommerce/platform';
import type { ListProductsQuery, ProductDocument, ProductView } from '@ecommerce/schemas';

type SortKey = ListProductsQuery['sort'];

const sorts: Record<SortKey, { field: string; direction: 1 | -1 }> = {
  name: { field: 'name', direction: 1 },
  '-name': { field: 'name', direction: -1 },
  price: { field: 'price.amount', direction: 1 },
  '-price': { field: 'price.amount', direction: -1 },
  newest: { field: 'createdAt', direction: -1 },
};

interface Cursor {
  sort: SortKey;
  value: unknown;
  id: string;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const valueAt = (doc: ProductDocument, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc);

export const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string, sort: SortKey): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (cursor.sort === sort && typeof cursor.id === 'string' && ['string', 'number'].includes(typeof cursor.value)) return cursor;
  } catch {
    // reported below
  }
  throw new ValidationError('cursor is malformed or belongs to another sort order', [{ field: 'query.cursor', message: 'malformed cursor' }]);
}

/** The filter of a catalog search: active products, words as prefixes, category, price range, availability. */
export function productFilter(query: ListProductsQuery): Filter {
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw new ValidationError('minPrice must not exceed maxPrice', [{ field: 'query.minPrice', message: 'must not exceed maxPrice' }]);
  }
  const clauses: Filter[] = [{ status: 'active' }];
  if (query.category) clauses.push({ category: query.category });
  if (query.minPrice !== undefined) clauses.push({ 'price.amount': { $gte: query.minPrice } });
  if (query.maxPrice !== undefined) clauses.push({ 'price.amount': { $lte: query.maxPrice } });
  if (query.inStock !== undefined) clauses.push(query.inStock ? { 'stock.available': { $gt: 0 } } : { 'stock.available': { $lte: 0 } });
  const words = (query.q ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  for (const word of words) clauses.push({ searchTerms: { $regex: `^${escapeRegex(word)}` } });
  return { $and: clauses };
}

/** One page by keyset pagination on (sort field, _id): stable under concurrent writes, no offsets. */
export async function findProductPage(products: ReadCollection<ProductDocument>, query: ListProductsQuery): Promise<{ items: ProductDocument[]; nextCursor: string | null }> {
  const { field, direction } = sorts[query.sort];
  const filter = productFilter(query);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query.sort);
    const beyond = direction === 1 ? '$gt' : '$lt';
    (filter.$and as Filter[]).push({ $or: [{ [field]: { [beyond]: cursor.value } }, { [field]: cursor.value, _id: { [beyond]: cursor.id } }] });
  }
  const sort: Sort = { [field]: direction, _id: direction };
  const found = await products.find(filter, { sort, limit: query.limit + 1 });
  const items = found.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = found.length > query.limit && last ? encodeCursor({ sort: query.sort, value: valueAt(last, field), id: last._id }) : null;
  return { items, nextCursor };
}

export function toProductView(doc: ProductDocument): ProductView {
  return {
    id: doc._id, sku: doc.sku, name: doc.name, description: doc.description, category: doc.category, tags: doc.tags, price: doc.price,
    status: doc.status, listedBy: doc.listedBy, stock: doc.stock, images: doc.images ?? [], revision: doc.revision, createdAt: doc.createdAt, updatedAt: doc.updatedAt,
  };
}
