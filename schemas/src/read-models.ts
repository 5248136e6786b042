import type { Money, NotificationKind, OrderLine, OrderReturnLine, PostalAddress, ProductCreated, ReturnedLine, ShipmentLine } from './events';

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

/** Whether a product is still sold: the catalog's state and its read model say it alike. */
export type ProductStatus = 'active' | 'discontinued';

/** A product image as the catalog shows it: where each variant is served (`/images/<key>`); a missing variant falls back to the original. */
export interface ProductImageView {
  id: string;
  urls: { thumbnail: string; medium: string; original: string };
  /** The original's size in pixels. */
  width: number;
  height: number;
}

/** The product's own fields are `ProductCreated`'s (its id is the document's `_id`). */
export type ProductDocument = Omit<ProductCreated, 'productId'> & {
  _id: string;
  _revisions?: Record<string, number>;
  status: ProductStatus;
  stock: StockView;
  /** Revision of the product stream (the ETag). */
  revision: number;
  /** Lower-case words of name, description, category and tags, for prefix search. */
  searchTerms: string[];
  /**
   * Each search word and its one-deletion forms (`oneEditKeysOf`), for typo-tolerant search;
   * absent on documents projected before it existed, which the search then finds by prefix only.
   */
  searchKeys?: string[];
  /** In upload order; absent on documents projected before images existed. */
  images?: ProductImageView[];
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
  /** Units back from returns (absent on documents projected before returns existed). */
  returned?: number;
  available: number;
  /** Revision of the inventory stream; absent until a stock event has been applied. */
  revision?: number;
};

export const userCollections = (version: number) => ({ users: `users_v${version}`, orders: `user_orders_v${version}` });

/**
 * An order as its customer's tally counts it, `_id` the order id: what OrderPlaced said. One
 * document per order, its stream the one writer: a customer's tally grows by a document, so an
 * order costs the same for a customer with thousands (one document per customer, rewritten whole
 * on each order, made the orders bench quadratic), and no two streams ever write one document.
 */
export type UserOrderDocument = { _id: string; _revisions?: Record<string, number>; customerId: string; total: Money; placedAt: string; revision: number };

/** A user as admins and the user see it: profile, role and status, nothing secret (hashes and sessions never leave the event store). */
export type UserDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  /** Normalized (lower-case) email; unique. */
  email: string;
  name: string;
  role: 'customer' | 'admin';
  status: 'active' | 'disabled';
  /** Saved shipping addresses, oldest first (absent on documents projected before addresses existed). */
  addresses?: SavedAddressEntry[];
  /** Absent on documents projected before preferences existed: the defaults apply. */
  notificationPreferences?: NotificationPreferencesEntry;
  /** Revision of the user stream (the ETag). */
  revision: number;
  createdAt: string;
  updatedAt: string;
};

export interface SavedAddressEntry {
  addressId: string;
  address: PostalAddress;
}

/** The in-app inbox is always on; email and SMS as the user chose. */
export interface NotificationPreferencesEntry {
  email: boolean;
  sms: boolean;
  phoneNumber: string | null;
}

export const orderCollections = (version: number) => ({ orders: `orders_v${version}` });

/** One step of an order's history: the lifecycle event, the status it left the order in, and when. */
export interface OrderTimelineEntry {
  status: string;
  event: string;
  at: string;
}

/** A refund as the order knows it: asked for by the order (cancel, return, late payment) or reported refunded. */
export interface OrderRefundEntry {
  refundId: string;
  paymentId: string;
  amount: Money;
  /** Why the order asked; null for a refund the order only learnt about when it succeeded (an admin's). */
  reason: string | null;
  status: 'pending' | 'succeeded';
  at: string;
}

/**
 * An order as its customer (and admins) see it. Three kinds of stream write it, each its own
 * fields, each guarded by its own stream's revision (so redelivery and any interleaving of the
 * streams change nothing): the order stream (everything but `payments` and `shipment`), each
 * payment stream of the order (`payments.<paymentId>`), and the order's shipment stream
 * (`shipment`). A payment or shipment event may arrive before OrderPlaced: the document then
 * exists without the order's fields, and readers treat it as absent until `status` is there.
 */
export type OrderDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  customerId: string;
  status: string;
  lines: OrderLine[];
  total: Money;
  /** Absent on documents projected before addresses existed; null on orders placed without one. */
  shippingAddress?: PostalAddress | null;
  timeline: OrderTimelineEntry[];
  paymentDeadline: string | null;
  /** From OrderPaid: the payment that paid the order. */
  paid?: { paymentId: string; amount: Money; at: string } | null;
  /** From OrderShipped. */
  shipped?: { shipmentId: string; carrier: string; trackingNumber: string; shippedAt: string } | null;
  /** From OrderDelivered: when the return window closes and when the order accepts itself. */
  delivery?: { deliveredAt: string; returnWindowEndsAt: string; acceptanceDeadline: string } | null;
  completion?: { acceptedBy: string; completedAt: string } | null;
  returnRequest?: { lines: OrderReturnLine[]; reason: string; requestedAt: string } | null;
  returned?: { lines: ReturnedLine[]; refundAmount: Money; returnedAt: string } | null;
  /** Refunds the order asked for or was told of, in order. */
  refunds?: OrderRefundEntry[];
  placedAt: string;
  updatedAt: string;
  /** Revision of the order stream. */
  revision: number;
  /** Written by the payment streams, by payment id. */
  payments?: Record<string, PaymentFieldsEntry>;
  /** Written by the order's shipment stream. */
  shipment?: ShipmentFieldsEntry;
};

export const paymentCollections = (version: number) => ({ payments: `payments_v${version}` });

export interface PaymentRefundEntry {
  refundId: string;
  amount: Money;
  status: 'pending' | 'succeeded' | 'failed';
  reason: string | null;
  /** The provider's code when it failed. */
  failureCode: string | null;
  requestedAt: string;
  /** When it succeeded or failed. */
  settledAt: string | null;
}

/** A payment's fields; the same shape sits in its order's document under `payments.<paymentId>`. */
export type PaymentFieldsEntry = {
  paymentId: string;
  orderId: string;
  customerId: string;
  /** requested, requires_action, authorized, captured, declined. */
  status: string;
  amount: Money;
  provider: string;
  providerPaymentId: string | null;
  /** Minor units taken: 0 until captured. */
  captured: number;
  /** Where the customer must go while an action is required. */
  redirectUrl: string | null;
  declineCode: string | null;
  declineMessage: string | null;
  refunds: PaymentRefundEntry[];
  requestedAt: string;
  capturedAt: string | null;
  updatedAt: string;
  /** Revision of the payment stream. */
  revision: number;
};

/** One payment attempt, `_id` the payment id; one writer, the payment stream. */
export type PaymentDocument = { _id: string; _revisions?: Record<string, number> } & PaymentFieldsEntry;

export const shipmentCollections = (version: number) => ({ shipments: `shipments_v${version}` });

/** A shipment's fields; the same shape sits in its order's document under `shipment`. */
export type ShipmentFieldsEntry = {
  shipmentId: string;
  orderId: string;
  customerId: string;
  /** open, dispatched, delivered, return_requested, returned, cancelled. */
  status: string;
  lines: ShipmentLine[];
  address: PostalAddress;
  carrier: string | null;
  trackingNumber: string | null;
  openedAt: string;
  dispatchedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  returnRequest: { lines: OrderReturnLine[]; requestedAt: string } | null;
  returned: { lines: ReturnedLine[]; receivedAt: string } | null;
  updatedAt: string;
  /** Revision of the shipment stream. */
  revision: number;
};

/** One shipment, `_id` the shipment id; one writer, the shipment stream. */
export type ShipmentDocument = { _id: string; _revisions?: Record<string, number> } & ShipmentFieldsEntry;

export const notificationCollections = (version: number) => ({ notifications: `notifications_v${version}` });

/**
 * One in-app message of a user, `_id` the notification id. The user's notification stream
 * writes all of them; each document is guarded by that stream's revision when it last changed.
 */
export type NotificationDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  userId: string;
  kind: NotificationKind | string;
  subject: string;
  text: string;
  createdAt: string;
  read: boolean;
  readAt: string | null;
  /** Revision of the notification stream when this message last changed. */
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

/** Stock of one SKU for admins, `_id` the SKU: onHand = received + adjusted − sold + returned; available = onHand − reserved. */
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
  /** Units that came back in returns, fit to sell again (absent on documents projected before returns existed). */
  returned?: number;
  /** The admins' low-stock level for this SKU; absent or null: the default setting applies. */
  lowStockThreshold?: number | null;
  /** lowStockThreshold − available while a threshold is set (≥ 0: low), else null; indexed, so the low-stock list is a range query. */
  lowStockShortfall?: number | null;
  revision: number;
  updatedAt: string;
};

export const analyticsCollections = (version: number) => ({ facts: `analytics_facts_v${version}`, categories: `analytics_product_categories_v${version}` });

/** One order line as analytics counts it: the product and what the line was worth (quantity × unit price). */
export interface AnalyticsOrderLine {
  productId: string;
  quantity: number;
  amount: Money;
}

/**
 * What one source stream contributes to the analytics, `_id` the stream id; that stream is its one
 * writer. Days are UTC dates (`YYYY-MM-DD`) of the events' occurred-at; `firstDay`/`lastDay` bound
 * every day the fact counts on, so a date range finds it with two scalar comparisons.
 */
export type AnalyticsFactDocument = {
  _id: string;
  _revisions?: Record<string, number>;
  firstDay: string;
  lastDay: string;
  /** Revision of the source stream. */
  revision: number;
} & (
  | { kind: 'order'; placedDay: string; total: Money; lines: AnalyticsOrderLine[]; paidDay: string | null; paidAmount: Money | null }
  | { kind: 'payment'; capture: { day: string; amount: Money } | null; refunds: Array<{ refundId: string; day: string; amount: Money }> }
  /** A cart: which products it holds now, and each time it went from empty to holding something (a session) and whether that became an order. */
  | { kind: 'cart'; productIds: string[]; sessions: Array<{ startedDay: string; checkedOutDay: string | null }> }
);

/** A product's category as the catalog last said it, `_id` the product id; one writer, the product stream. */
export type ProductCategoryDocument = { _id: string; _revisions?: Record<string, number>; category: string; revision: number };

export const coPurchaseCollections = (version: number) => ({ orders: `co_purchase_orders_v${version}`, pairs: `co_purchases_v${version}` });

/** The distinct products of an order, kept until it completes; `_id` the order id, one writer, the order stream. */
export type CoPurchaseOrderDocument = { _id: string; _revisions?: Record<string, number>; productIds: string[]; completedAt: string | null; revision: number };

/**
 * Completed orders that held both `productId` and `otherProductId` (`_id` `<productId>:<otherProductId>`;
 * each unordered pair is kept in both directions, so one product's partners are one indexed query).
 * Each order writes only its own `orders.<orderId>` entry, guarded by its stream: the count is the
 * number of entries.
 */
export type CoPurchasePairDocument = { _id: string; _revisions?: Record<string, number>; productId: string; otherProductId: string; orders: Record<string, string> };
