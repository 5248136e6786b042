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
