import type { DomainEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import { oneEditKeysOf, searchWordsOf } from '@ecommerce/schemas';
import type { ProductCreated, ProductDocument, ProductImageAdded, ProductImageView, StockDocument, StockView } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';
import { evolveInventoryFields } from '../inventory/document';

export type { ProductDocument, StockDocument, StockView } from '@ecommerce/schemas';

export const stockViewOf = (stock: Pick<StockDocument, 'available'> | null): StockView => ({ available: stock?.available ?? 0, inStock: (stock?.available ?? 0) > 0 });

type Searchable = Pick<ProductCreated, 'name' | 'description' | 'category' | 'tags'>;

export const searchTermsOf = (product: Searchable): string[] => [...new Set(searchWordsOf([product.name, product.description, product.category, ...product.tags].join(' ')))];

/** The search fields of a product: its words (prefix search) and their one-edit keys (typo-tolerant search). */
export function searchFieldsOf(product: Searchable): { searchTerms: string[]; searchKeys: string[] } {
  const searchTerms = searchTermsOf(product);
  // A loop over a Set, not `[...new Set(flatMap)]`: a rebuild works this out for every product, and the copies in between were half its cost.
  const keys = new Set<string>();
  for (const term of searchTerms) for (const key of oneEditKeysOf(term)) keys.add(key);
  return { searchTerms, searchKeys: [...keys] };
}

export type ProductFields = Omit<ProductDocument, '_id' | '_revisions' | 'stock'>;

/** Where the platform serves an image-store key (the command API's `GET /images/*`, routed by the gateway). */
export const imageUrlOf = (key: string): string => `/images/${key}`;

export function productImageViewOf(added: ProductImageAdded): ProductImageView {
  const byName = new Map(added.variants.map((variant) => [variant.name, variant]));
  const original = byName.get('original') ?? added.variants[0];
  const urlOf = (name: string) => imageUrlOf((byName.get(name) ?? original)?.key ?? '');
  return { id: added.imageId, urls: { thumbnail: urlOf('thumbnail'), medium: urlOf('medium'), original: urlOf('original') }, width: original?.width ?? 0, height: original?.height ?? 0 };
}

/** Whether `next` has other searchable text than `previous`, so its search fields are out of date. */
const searchableChanged = (previous: ProductFields | null, next: ProductFields): boolean =>
  !previous || previous.name !== next.name || previous.description !== next.description || previous.category !== next.category || previous.tags !== next.tags;

/** Product fields after a catalog event (pure): the read-model twin of the domain's evolve. */
export function evolveProductFields(current: ProductFields | null, event: ProjectedEvent): ProductFields | null {
  return foldProductFields(current, [event]).fields;
}

/**
 * Product fields after a stream's events in revision order (pure), skipping those at or below
 * `current`'s revision. The search fields, the costly part, are worked out once at the end, when
 * the text changed: a product created and renamed in one batch gets them once, not twice.
 * `created` is the event that created the product here, `last` the last one that changed it.
 */
export function foldProductFields(current: ProductFields | null, events: readonly ProjectedEvent[]): { fields: ProductFields | null; created?: ProjectedEvent; last?: ProjectedEvent } {
  let fields = current;
  let created: ProjectedEvent | undefined;
  let last: ProjectedEvent | undefined;
  for (const event of events) {
    if (fields && fields.revision >= event.revision) continue;
    const next = evolveCatalogFields(fields, event);
    if (!next) continue;
    if (!fields) created = event;
    fields = next;
    last = event;
  }
  if (fields && last && searchableChanged(current, fields)) fields = { ...fields, ...searchFieldsOf(fields) };
  return { fields, created, last };
}

/** One catalog event's change, the search fields left as they were (a new product's empty). */
function evolveCatalogFields(current: ProductFields | null, event: ProjectedEvent): ProductFields | null {
  const typed = asDeciderEvent<DomainEvent>(event);
  switch (typed.type) {
    case 'ProductCreated': {
      const { data } = typed;
      return {
        sku: data.sku, name: data.name, description: data.description, category: data.category, tags: data.tags, price: data.price,
        status: 'active', listedBy: data.listedBy, revision: event.revision, searchTerms: [], searchKeys: [], images: [], createdAt: event.occurredAt, updatedAt: event.occurredAt,
      };
    }
    case 'ProductDetailsUpdated': {
      if (!current) return null;
      const { data } = typed;
      return {
        ...current, name: data.name ?? current.name, description: data.description ?? current.description, category: data.category ?? current.category, tags: data.tags ?? current.tags,
        revision: event.revision, updatedAt: event.occurredAt,
      };
    }
    case 'ProductPriceChanged':
      return current && { ...current, price: typed.data.price, revision: event.revision, updatedAt: event.occurredAt };
    case 'ProductDiscontinued':
      return current && { ...current, status: 'discontinued', revision: event.revision, updatedAt: event.occurredAt };
    case 'ProductImageAdded': {
      if (!current) return null;
      const image = productImageViewOf(typed.data);
      return { ...current, images: [...(current.images ?? []).filter((known) => known.id !== image.id), image], revision: event.revision, updatedAt: event.occurredAt };
    }
    case 'ProductImageRemoved':
      return current && { ...current, images: (current.images ?? []).filter((image) => image.id !== typed.data.imageId), revision: event.revision, updatedAt: event.occurredAt };
    default:
      return current;
  }
}

/**
 * Stock counts of a SKU after an inventory event (pure): the same arithmetic as the admins'
 * inventory read model, kept beside the product so the catalog can filter on availability.
 */
export function evolveStockCounts(sku: string, current: StockDocument | null, event: { type: string; data: unknown; revision: number }): Omit<StockDocument, '_id' | '_revisions' | 'productId'> & { revision: number } {
  const previous = current && { sku, received: current.received ?? 0, adjusted: current.adjusted ?? 0, onHand: 0, reserved: current.reserved ?? 0, available: current.available ?? 0, sold: current.sold ?? 0, returned: current.returned ?? 0, revision: current.revision ?? -1, updatedAt: '' };
  const next = evolveInventoryFields(previous, { type: event.type, data: { ...(event.data as object), sku }, revision: event.revision, occurredAt: '' });
  return { sku, received: next.received, adjusted: next.adjusted, reserved: next.reserved, sold: next.sold, returned: next.returned ?? 0, available: next.available, revision: event.revision };
}

export type StockCounts = ReturnType<typeof evolveStockCounts>;

/**
 * One SKU's stock counts after a batch of its stream's events (in revision order), skipping
 * those at or below what `current` has seen; null when none is newer. Lets a batch write the
 * stock document once, guarded by the last revision folded.
 */
export function foldStockCounts(sku: string, current: StockDocument | null, events: readonly { type: string; data: unknown; revision: number }[]): StockCounts | null {
  let seen = current;
  let counts: StockCounts | null = null;
  for (const event of events) {
    if (seen?.revision !== undefined && seen.revision >= event.revision) continue;
    counts = evolveStockCounts(sku, seen, event);
    seen = { _id: sku, ...counts };
  }
  return counts;
}
