import type { Money } from './events';

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
  received: number;
  adjusted: number;
  adjustedUp: number;
  adjustedDown: number;
  reserved: number;
  sold: number;
  available: number;
  revision: number;
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
