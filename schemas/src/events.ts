/**
 * Event payload types, one per Avro schema under `schemas/avro/<context>/<Type>.avsc`.
 * The `.avsc` files are the contract (DESIGN §4.7); these types mirror them field for
 * field, and `events.unit.test.ts` checks each sample below against its schema.
 * Money is integer minor units plus an ISO 4217 code (DESIGN §4.6).
 */
export interface Money {
  /** Integer minor units (cents). */
  amount: number;
  /** ISO 4217, upper case, e.g. `EUR`. */
  currency: string;
}

// ── catalog (topic ecommerce.catalog.events) ──────────────────────────────
export interface ProductCreated {
  productId: string;
  sku: string;
  name: string;
  description: string;
  category: string;
  tags: string[];
  price: Money;
  /** User id of the customer who listed it; null when an admin created it. */
  listedBy: string | null;
}

/** Only the fields that changed are non-null. */
export interface ProductDetailsUpdated {
  productId: string;
  name: string | null;
  description: string | null;
  category: string | null;
  tags: string[] | null;
}

export interface ProductPriceChanged {
  productId: string;
  price: Money;
  previousPrice: Money;
}

export interface ProductDiscontinued {
  productId: string;
  reason: string | null;
}

/** Appended to the reservation stream `sku-<sku>`: the SKU now belongs to that product. */
export interface SkuClaimed {
  sku: string;
  productId: string;
}

// ── inventory (topic ecommerce.inventory.events), stream `inventory-<sku>` ──
export interface StockRestocked {
  sku: string;
  /** Positive integer. */
  quantity: number;
  reference: string | null;
}

/** A manual correction: negative for shrinkage/damage, positive for found stock. */
export interface StockAdjusted {
  sku: string;
  /** Non-zero integer. */
  delta: number;
  reason: string;
}

/** Why a reservation was refused; a reader treats an unknown value as `insufficient_stock`. */
export type StockReservationRejectionReason = 'insufficient_stock' | 'unknown_sku';

/** Why a reservation was given back. */
export type StockReleaseReason = 'order_rejected' | 'order_expired' | 'order_cancelled' | 'reservation_expired';

/** Units promised to one order, all or nothing for that order line. */
export interface StockReserved {
  sku: string;
  orderId: string;
  /** Positive integer. */
  quantity: number;
  /** ISO 8601: when the reservation may be released if the order has not settled it. */
  expiresAt: string;
}

/** Nothing was reserved for that order on this SKU: the order actor needs the answer, so it is an event. */
export interface StockReservationRejected {
  sku: string;
  orderId: string;
  /** The quantity asked for. */
  quantity: number;
  /** Units available when refused (0 for an unknown SKU). */
  available: number;
  reason: StockReservationRejectionReason;
}

export interface StockReleased {
  sku: string;
  orderId: string;
  /** The whole reservation. */
  quantity: number;
  reason: StockReleaseReason;
}

/** Reserved units became sold. */
export interface StockCommitted {
  sku: string;
  orderId: string;
  quantity: number;
}

// ── ordering (topic ecommerce.ordering.events), stream `order-<orderId>` ──────
export interface OrderLine {
  productId: string;
  /** Unique within an order. */
  sku: string;
  /** Product name when the order was placed. */
  name: string;
  /** Positive integer, at most 1000. */
  quantity: number;
  /** Snapshotted from the product stream when the order was placed. */
  unitPrice: Money;
}

export interface OrderPlaced {
  orderId: string;
  customerId: string;
  lines: OrderLine[];
  /** Σ quantity × unitPrice, computed by the decider; one currency. */
  total: Money;
  /** ISO 8601. */
  placedAt: string;
}

/** Every line reserved: the order awaits payment until `paymentDeadline` (ISO 8601). */
export interface OrderConfirmed {
  orderId: string;
  paymentDeadline: string;
}

export type OrderRejectionReason = 'insufficient_stock';

export interface OrderRejected {
  orderId: string;
  reason: OrderRejectionReason;
  /** The SKUs known short when the order was rejected. */
  shortSkus: string[];
}

export interface OrderExpired {
  orderId: string;
}

export interface OrderCancelled {
  orderId: string;
  reason: string | null;
}

export interface OrderPaid {
  orderId: string;
  paymentId: string;
  amount: Money;
}

/** The order actor's record of inventory's reply for one line. */
export interface OrderLineReserved {
  orderId: string;
  sku: string;
}

export interface OrderLineRejected {
  orderId: string;
  sku: string;
  available: number;
}

export type OrderTimerPurpose = 'payment_deadline';

/** A durable timer: the timer service delivers TimerFired for it once `dueAt` (ISO 8601) has passed. */
export interface OrderTimerScheduled {
  orderId: string;
  timerId: string;
  dueAt: string;
  purpose: OrderTimerPurpose;
}

// ── cart (topic ecommerce.cart.events), stream `cart-<customerId>` ───────────
// No prices: they are snapshotted from the product streams at checkout.
/** `quantity` units were added (merged into the product's line when there is one). */
export interface CartItemAdded {
  customerId: string;
  productId: string;
  quantity: number;
}

/** The line's quantity is now `quantity` (positive; a change to 0 is a CartItemRemoved). */
export interface CartItemQuantityChanged {
  customerId: string;
  productId: string;
  quantity: number;
}

export interface CartItemRemoved {
  customerId: string;
  productId: string;
}

export interface CartCleared {
  customerId: string;
}

/** The cart became order `orderId` and is empty again. */
export interface CartCheckedOut {
  customerId: string;
  orderId: string;
}

// ── identity (topic ecommerce.identity.events), stream `user-<userId>` ──────
// Only these are published. Email reservations, password hashes and sessions live on
// streams whose event types have no schema (see domain/src/identity): secrets and
// personal data beyond the profile never leave the event store.
export interface UserRegistered {
  userId: string;
  /** Normalized: trimmed, lower case, Unicode NFC. */
  email: string;
  name: string;
  role: 'customer' | 'admin';
}

export interface UserProfileUpdated {
  userId: string;
  name: string;
}

/** The hash is on the unpublished credentials stream; this is the signal that every session ends. */
export interface UserPasswordChanged {
  userId: string;
}

export interface UserDisabled {
  userId: string;
  reason: string | null;
}

export interface UserEnabled {
  userId: string;
}

export interface UserRoleChanged {
  userId: string;
  role: 'customer' | 'admin';
  previousRole: 'customer' | 'admin';
}

export interface EventPayloads {
  ProductCreated: ProductCreated;
  ProductDetailsUpdated: ProductDetailsUpdated;
  ProductPriceChanged: ProductPriceChanged;
  ProductDiscontinued: ProductDiscontinued;
  SkuClaimed: SkuClaimed;
  StockRestocked: StockRestocked;
  StockAdjusted: StockAdjusted;
  StockReserved: StockReserved;
  StockReservationRejected: StockReservationRejected;
  StockReleased: StockReleased;
  StockCommitted: StockCommitted;
  OrderPlaced: OrderPlaced;
  OrderLineReserved: OrderLineReserved;
  OrderLineRejected: OrderLineRejected;
  OrderConfirmed: OrderConfirmed;
  OrderRejected: OrderRejected;
  OrderTimerScheduled: OrderTimerScheduled;
  OrderPaid: OrderPaid;
  OrderExpired: OrderExpired;
  OrderCancelled: OrderCancelled;
  CartItemAdded: CartItemAdded;
  CartItemQuantityChanged: CartItemQuantityChanged;
  CartItemRemoved: CartItemRemoved;
  CartCleared: CartCleared;
  CartCheckedOut: CartCheckedOut;
  UserRegistered: UserRegistered;
  UserProfileUpdated: UserProfileUpdated;
  UserPasswordChanged: UserPasswordChanged;
  UserDisabled: UserDisabled;
  UserEnabled: UserEnabled;
  UserRoleChanged: UserRoleChanged;
}

export type EventType = keyof EventPayloads;

/** Bounded context of each event type: decides its topic `ecommerce.<context>.events` and Avro namespace `ecommerce.<context>`. */
export const eventContexts: { readonly [T in EventType]: string } = {
  ProductCreated: 'catalog',
  ProductDetailsUpdated: 'catalog',
  ProductPriceChanged: 'catalog',
  ProductDiscontinued: 'catalog',
  SkuClaimed: 'catalog',
  StockRestocked: 'inventory',
  StockAdjusted: 'inventory',
  StockReserved: 'inventory',
  StockReservationRejected: 'inventory',
  StockReleased: 'inventory',
  StockCommitted: 'inventory',
  OrderPlaced: 'ordering',
  OrderLineReserved: 'ordering',
  OrderLineRejected: 'ordering',
  OrderConfirmed: 'ordering',
  OrderRejected: 'ordering',
  OrderTimerScheduled: 'ordering',
  OrderPaid: 'ordering',
  OrderExpired: 'ordering',
  OrderCancelled: 'ordering',
  CartItemAdded: 'cart',
  CartItemQuantityChanged: 'cart',
  CartItemRemoved: 'cart',
  CartCleared: 'cart',
  CartCheckedOut: 'cart',
  UserRegistered: 'identity',
  UserProfileUpdated: 'identity',
  UserPasswordChanged: 'identity',
  UserDisabled: 'identity',
  UserEnabled: 'identity',
  UserRoleChanged: 'identity',
};

export const eventTopic = (type: EventType): string => `ecommerce.${eventContexts[type]}.events`;
export const recordNameOf = (type: EventType): string => `ecommerce.${eventContexts[type]}.${type}`;
export const isEventType = (type: string): type is EventType => Object.hasOwn(eventContexts, type);
