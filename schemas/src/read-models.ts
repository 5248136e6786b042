import type { Money, OrderLine } from './events';

/**
 * The read models as the query side sees them: collection names, documents and the
 * progress records that read-your-writes waits on. Projections write them, the query API
 * reads them; neither imports the other, both import this.
 */
export interface ActiveVersion {
  version: number;
  activatedAt: string;
  /** For a rebuilt version: the `$all` position the rebuild replayed through. */
  rebuiltThrough?: number;
}

/** Per partition, what the live projector has applied and whether it was at the end when last checked. */
export interface PartitionProgress {
  /** Next offset to apply. */
  offset: number;
  /** Highest `$all` position applied. */
  position: number;
  /** End offset of the partition seen at `checkedAt`. */
  endOffset: number;
  /** Time (ms since epoch) taken before `endOffset` was read. */
  checkedAt: number;
}

export interface ProjectionCheckpoint {
  partitions: Record<string, PartitionProgress>;
}

export const activeVersionKey = (projection: string) => `projection:${projection}:active`;
export const checkpointKey = (projection: string, version: number) => `projection:${projection}:v${version}`;

export const productCollections = (version: number) => ({ products: `products_v${version}`, stock: `product_stock_v${version}` });

export interface StockView {
  available: number;
  inStock: boolean;
}

export type ProductDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  sku: string;
  name: string;
  description: string;
  category: string;
  tags: string[];
  price: Money;
  status: 'active' | 'discontinued';
  listedBy: string | null;
  stock: StockView;
  /** Revision of the product stream (the ETag). */
  revision: number;
  /** Lower-case words of name, description, category and tags, for prefix search. */
  searchTerms: string[];
  createdAt: string;
  updatedAt: string;
};

export type StockDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  sku: string;
  /** The product that holds this SKU, once its ProductCreated has been applied. */
  productId?: string;
  received: number;
  adjusted: number;
  reserved: number;
  sold: number;
  available: number;
  /** Revision of the inventory stream; absent until a stock event has been applied. */
  revision?: number;
};

export const userCollections = (version: number) => ({ users: `users_v${version}` });

/** A user as admins and the user see it: profile, role and status, nothing secret (hashes and sessions never leave the event store). */
export type UserDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  /** Normalized (lower-case) email; unique. */
  email: string;
  name: string;
  role: 'customer' | 'admin';
  status: 'active' | 'disabled';
  /** Revision of the user stream (the ETag). */
  revision: number;
  createdAt: string;
  updatedAt: string;
};

export const orderCollections = (version: number) => ({ orders: `orders_v${version}` });

/** One step of an order's status history: the event that moved it and when. */
export interface OrderTimelineEntry {
  status: string;
  event: string;
  at: string;
}

/** An order as its customer (and admins) see it; one writer, the order stream. */
export type OrderDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  customerId: string;
  status: string;
  lines: OrderLine[];
  total: Money;
  timeline: OrderTimelineEntry[];
  paymentDeadline: string | null;
  placedAt: string;
  updatedAt: string;
  /** Revision of the order stream. */
  revision: number;
};

export const cartCollections = (version: number) => ({ carts: `carts_v${version}` });

/** A customer's cart, `_id` the customer id; one writer, the cart stream. No prices: they are taken at checkout. */
export type CartDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  items: Array<{ productId: string; quantity: number }>;
  lastOrderId: string | null;
  revision: number;
  updatedAt: string;
};

export const inventoryCollections = (version: number) => ({ inventory: `inventory_v${version}` });

/** Stock of one SKU for admins, `_id` the SKU: onHand = received + adjusted − sold; available = onHand − reserved. */
export type InventoryDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  sku: string;
  received: number;
  adjusted: number;
  onHand: number;
  reserved: number;
  available: number;
  sold: number;
  revision: number;
  updatedAt: string;
};
