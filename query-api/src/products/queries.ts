import { ValidationError } from '@ecommerce/platform';
import type { Filter, ReadCollection, Sort } from '@ecommerce/platform';
import { oneEditKeysOf, searchWordsOf } from '@ecommerce/schemas';
import type { ListProductsQuery, ProductDocument, ProductFacets, ProductView } from '@ecommerce/schemas';
import { facetsOf, rankByRelevance } from '../search';

type SortKey = NonNullable<ListProductsQuery['sort']>;

/** The most products a search ranks and counts in memory; past it the answer says `truncated`. */
export const maxRankedMatches = 1000;
const maxSearchWords = 8;

const sorts: Record<Exclude<SortKey, 'relevance'>, { field: string; direction: 1 | -1 }> = {
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

export const searchedWordsOf = (query: Pick<ListProductsQuery, 'q'>): string[] => [...new Set(searchWordsOf(query.q ?? ''))].slice(0, maxSearchWords);

/**
 * One searched word matches a product with a word it begins (prefix search, on every document) or
 * a word one edit away (shared one-edit key; documents projected before `searchKeys` existed have
 * none, so until a rebuild they are found by prefix only).
 */
const wordClause = (word: string): Filter => ({ $or: [{ searchTerms: { $regex: `^${escapeRegex(word)}` } }, { searchKeys: { $in: oneEditKeysOf(word) } }] });

/** The filter of a catalog search: active products, every word (prefix or one typo), category, currency, price range, availability. */
export function productFilter(query: ListProductsQuery): Filter {
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw new ValidationError('minPrice must not exceed maxPrice', [{ field: 'query.minPrice', message: 'must not exceed maxPrice' }]);
  }
  const clauses: Filter[] = [{ status: 'active' }];
  if (query.category) clauses.push({ category: query.category });
  if (query.currency) clauses.push({ 'price.currency': query.currency });
  if (query.minPrice !== undefined) clauses.push({ 'price.amount': { $gte: query.minPrice } });
  if (query.maxPrice !== undefined) clauses.push({ 'price.amount': { $lte: query.maxPrice } });
  if (query.inStock !== undefined) clauses.push(query.inStock ? { 'stock.available': { $gt: 0 } } : { 'stock.available': { $lte: 0 } });
  for (const word of searchedWordsOf(query)) clauses.push(wordClause(word));
  return { $and: clauses };
}

export interface ProductPage {
  items: ProductDocument[];
  nextCursor: string | null;
  facets: ProductFacets | null;
}

/**
 * One page of the catalog. With `q`, the matches (at most `maxRankedMatches`) are read once, ranked
 * here (the stores share no full-text feature: the MongoDB-wire server has no text index), counted
 * for the facets and paged in memory; without it, one keyset page in the store's order.
 */
export async function findProductPage(products: ReadCollection<ProductDocument>, query: ListProductsQuery): Promise<ProductPage> {
  const words = searchedWordsOf(query);
  const sort = query.sort ?? (words.length > 0 ? 'relevance' : 'name');
  if (sort === 'relevance') {
    if (words.length === 0) throw new ValidationError('sort=relevance needs words in q', [{ field: 'query.sort', message: 'relevance needs q' }]);
  } else if (words.length === 0) {
    return { ...(await findSortedPage(products, query, sort)), facets: null };
  }
  const found = await products.find(productFilter(query), { sort: { _id: 1 }, limit: maxRankedMatches + 1 });
  const ranked = rankByRelevance(found.slice(0, maxRankedMatches), words);
  const facets = facetsOf(ranked.map(({ product }) => product), found.length > maxRankedMatches);
  return { ...memoryPage(ranked, sort, query), facets };
}

const compareKeys = (left: unknown, right: unknown): number => {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const [a, b] = [String(left), String(right)];
  return a < b ? -1 : a > b ? 1 : 0;
};

type Ranked = { product: ProductDocument; score: number };

/** The in-memory twin of the store's sort: relevance is (score desc, id asc), a field sort (field, id) both in its direction. */
function rankedOrder(sortKey: SortKey): { direction: number; idDirection: number; keyOf: (entry: Ranked) => unknown } {
  if (sortKey === 'relevance') return { direction: -1, idDirection: 1, keyOf: (entry) => entry.score };
  const { field, direction } = sorts[sortKey];
  return { direction, idDirection: direction, keyOf: (entry) => valueAt(entry.product, field) };
}

/** Keyset paging over the ranked matches: the cursor carries the last key and id, so no item is skipped or repeated while the matches stay the same. */
function memoryPage(ranked: readonly Ranked[], sortKey: SortKey, query: ListProductsQuery): Omit<ProductPage, 'facets'> {
  const order = rankedOrder(sortKey);
  const compare = (key: unknown, id: string, other: unknown, otherId: string) => compareKeys(key, other) * order.direction || compareKeys(id, otherId) * order.idDirection;
  let rest = [...ranked].sort((left, right) => compare(order.keyOf(left), left.product._id, order.keyOf(right), right.product._id));
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, sortKey);
    rest = rest.filter((entry) => compare(order.keyOf(entry), entry.product._id, cursor.value, cursor.id) > 0);
  }
  const page = rest.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rest.length > query.limit && last ? encodeCursor({ sort: sortKey, value: order.keyOf(last), id: last.product._id }) : null;
  return { items: page.map(({ product }) => product), nextCursor };
}

/** One page by keyset pagination on (sort field, _id): stable under concurrent writes, no offsets. */
async function findSortedPage(products: ReadCollection<ProductDocument>, query: ListProductsQuery, sortKey: Exclude<SortKey, 'relevance'>): Promise<Omit<ProductPage, 'facets'>> {
  const { field, direction } = sorts[sortKey];
  const filter = productFilter(query);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, sortKey);
    const beyond = direction === 1 ? '$gt' : '$lt';
    (filter.$and as Filter[]).push({ $or: [{ [field]: { [beyond]: cursor.value } }, { [field]: cursor.value, _id: { [beyond]: cursor.id } }] });
  }
  const sort: Sort = { [field]: direction, _id: direction };
  const found = await products.find(filter, { sort, limit: query.limit + 1 });
  const items = found.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = found.length > query.limit && last ? encodeCursor({ sort: sortKey, value: valueAt(last, field), id: last._id }) : null;
  return { items, nextCursor };
}

export function toProductView(doc: ProductDocument): ProductView {
  return {
    id: doc._id, sku: doc.sku, name: doc.name, description: doc.description, category: doc.category, tags: doc.tags, price: doc.price,
    status: doc.status, listedBy: doc.listedBy, stock: doc.stock, images: doc.images ?? [], revision: doc.revision, createdAt: doc.createdAt, updatedAt: doc.updatedAt,
  };
}
