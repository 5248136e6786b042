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

/** A postal address (shipping addresses of users and orders). Texts are bounded by the deciders. */
export interface PostalAddress {
  /** Who receives the parcel. */
  recipient: string;
  line1: string;
  line2: string | null;
  city: string;
  /** State, province or county, where the country uses one. */
  region: string | null;
  /** 2–10 letters, digits, spaces or dashes (see countries.ts). */
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case, e.g. `FR`. */
  country: string;
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

/** One stored rendition of a product image. */
export interface ProductImageVariant {
  /** `original`, `medium` or `thumbnail`; a reader ignores a name it does not know. */
  name: string;
  /** Image-store key: `products/<productId>/<imageId>/<name>.<ext>`. */
  key: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

/** An uploaded image of a product, stored before the event is appended. */
export interface ProductImageAdded {
  productId: string;
  imageId: string;
  variants: ProductImageVariant[];
}

export interface ProductImageRemoved {
  productId: string;
  imageId: string;
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

/** An admin's low-stock level for a SKU: at or below it the SKU is listed as low; null returns it to the default setting. */
export interface LowStockThresholdSet {
  sku: string;
  /** Non-negative integer, or null for the default. */
  threshold: number | null;
}

/** Units an order bought came back in a return, fit to sell again: on hand again. */
export interface StockReturned {
  sku: string;
  orderId: string;
  /** Positive integer, at most what the order bought of this SKU less what already came back. */
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
  /** Where to ship; null on orders placed before addresses existed. */
  shippingAddress: PostalAddress | null;
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

/** A reader treats an unknown purpose as a timer it does not handle. */
export type OrderTimerPurpose = 'payment_deadline' | 'acceptance_deadline';

/** A durable timer: the timer service delivers TimerFired for it once `dueAt` (ISO 8601) has passed. */
export interface OrderTimerScheduled {
  orderId: string;
  timerId: string;
  dueAt: string;
  purpose: OrderTimerPurpose;
}

/** The shipment left the warehouse (from shipping's ShipmentDispatched): no cancelling from here on. */
export interface OrderShipped {
  orderId: string;
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
  /** ISO 8601. */
  shippedAt: string;
}

/** The parcel arrived. The customer may return items until `returnWindowEndsAt`; the order accepts itself at `acceptanceDeadline`. */
export interface OrderDelivered {
  orderId: string;
  /** ISO 8601. */
  deliveredAt: string;
  /** ISO 8601. */
  returnWindowEndsAt: string;
  /** ISO 8601. */
  acceptanceDeadline: string;
}

/** Who completed the order: the customer, or the acceptance deadline. */
export type OrderAcceptance = 'customer' | 'deadline';

/** The customer keeps the goods: the held units become sold. */
export interface OrderCompleted {
  orderId: string;
  acceptedBy: OrderAcceptance;
  /** ISO 8601. */
  completedAt: string;
}

export interface OrderReturnLine {
  sku: string;
  /** Positive integer, at most the line's quantity. */
  quantity: number;
}

export interface OrderReturnRequested {
  orderId: string;
  lines: OrderReturnLine[];
  reason: string;
  /** ISO 8601, within the return window. */
  requestedAt: string;
}

/** What came back of one line: `restocked` units go back on the shelf, `damaged` ones are written off. */
export interface ReturnedLine {
  sku: string;
  restocked: number;
  damaged: number;
}

/** The return was received; `refundAmount` is Σ (restocked + damaged) × unit price. */
export interface OrderReturned {
  orderId: string;
  lines: ReturnedLine[];
  refundAmount: Money;
  /** ISO 8601. */
  returnedAt: string;
}

/** Why the order asks for money back; a reader treats an unknown value as a refund it must still pass on. */
export type OrderRefundReason = 'order_cancelled' | 'items_returned' | 'late_payment' | 'duplicate_payment' | 'amount_mismatch';

/** The order asks the payment for money back: the router turns it into a refund on `payment-<paymentId>`. */
export interface OrderRefundRequested {
  orderId: string;
  paymentId: string;
  /** Deterministic (`<paymentId>/<reason>`): the payment refunds each id once. */
  refundId: string;
  amount: Money;
  reason: OrderRefundReason;
}

/** A refund of this order's payment succeeded at the provider. */
export interface OrderRefunded {
  orderId: string;
  paymentId: string;
  refundId: string;
  amount: Money;
}

// ── payments (topic ecommerce.payments.events), stream `payment-<paymentId>` ─
/** A payment of an order's total was started with a provider. */
export interface PaymentRequested {
  paymentId: string;
  orderId: string;
  customerId: string;
  /** Exactly the order's total. */
  amount: Money;
  /** The provider port's adapter, e.g. `sandbox` or `stripe`. */
  provider: string;
  /** The payment method at the provider (a card token, a payment-method id); never a card number. */
  methodReference: string;
  /** ISO 8601. */
  requestedAt: string;
}

/** The customer must act (3-D Secure, a bank redirect) at `redirectUrl`. */
export interface PaymentActionRequired {
  paymentId: string;
  orderId: string;
  redirectUrl: string;
  providerPaymentId: string | null;
  /** ISO 8601. */
  at: string;
}

export interface PaymentAuthorized {
  paymentId: string;
  orderId: string;
  providerPaymentId: string | null;
  /** ISO 8601. */
  at: string;
}

/** The money was taken: the whole amount of the payment. */
export interface PaymentCaptured {
  paymentId: string;
  orderId: string;
  amount: Money;
  providerPaymentId: string | null;
  /** ISO 8601. */
  at: string;
}

export interface PaymentDeclined {
  paymentId: string;
  orderId: string;
  /** The provider's decline code, e.g. `card_declined`, `insufficient_funds`. */
  code: string;
  message: string | null;
  /** ISO 8601. */
  at: string;
}

export interface PaymentRefundRequested {
  paymentId: string;
  orderId: string;
  /** Given by the caller; a payment refunds each id once. */
  refundId: string;
  /** Positive; with the other refunds not failed, at most the captured amount. */
  amount: Money;
  reason: string | null;
  /** ISO 8601. */
  requestedAt: string;
}

export interface PaymentRefundSucceeded {
  paymentId: string;
  orderId: string;
  refundId: string;
  amount: Money;
  providerRefundId: string | null;
  /** ISO 8601. */
  at: string;
}

/** The refund did not go through: its amount may be refunded again. */
export interface PaymentRefundFailed {
  paymentId: string;
  orderId: string;
  refundId: string;
  amount: Money;
  code: string;
  /** ISO 8601. */
  at: string;
}

// ── shipping (topic ecommerce.shipping.events), stream `shipment-<shipmentId>` ─
export interface ShipmentLine {
  sku: string;
  name: string;
  /** Positive integer. */
  quantity: number;
}

/** A paid order's goods are to be picked, packed and sent to `address`. */
export interface ShipmentOpened {
  shipmentId: string;
  orderId: string;
  customerId: string;
  lines: ShipmentLine[];
  address: PostalAddress;
  /** ISO 8601. */
  openedAt: string;
}

export interface ShipmentDispatched {
  shipmentId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  /** ISO 8601. */
  dispatchedAt: string;
}

export interface ShipmentDelivered {
  shipmentId: string;
  orderId: string;
  /** ISO 8601. */
  deliveredAt: string;
}

/** The order was cancelled before dispatch: nothing will be sent. */
export interface ShipmentCancelled {
  shipmentId: string;
  orderId: string;
  /** ISO 8601. */
  cancelledAt: string;
}

/** The customer asked to send these quantities back (from the order's OrderReturnRequested). */
export interface ShipmentReturnRequested {
  shipmentId: string;
  orderId: string;
  lines: OrderReturnLine[];
  /** ISO 8601. */
  requestedAt: string;
}

/** The return arrived: per line, what goes back on the shelf and what is written off as damaged. */
export interface ShipmentReturned {
  shipmentId: string;
  orderId: string;
  lines: ReturnedLine[];
  /** ISO 8601. */
  receivedAt: string;
}

// ── notifications (topic ecommerce.notifications.events), stream `notification-<userId>` ─
/** A reader treats an unknown channel as one it cannot send on. */
export type NotificationChannel = 'inApp' | 'email' | 'sms';

/** What the message is about; a reader treats an unknown kind as a plain message. */
export type NotificationKind =
  | 'user_registered'
  | 'password_changed'
  | 'order_confirmed'
  | 'order_rejected'
  | 'order_expired'
  | 'order_paid'
  | 'order_shipped'
  | 'order_delivered'
  | 'return_received'
  | 'order_refunded';

/** A message to send on one channel; its id follows from the causing event's id and the channel. */
export interface NotificationQueued {
  notificationId: string;
  userId: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  /** The id of the event the message is about. */
  sourceEventId: string;
  /** The email address or phone number; null for the in-app inbox. */
  recipient: string | null;
  subject: string;
  text: string;
  /** ISO 8601. */
  queuedAt: string;
}

export interface NotificationSent {
  notificationId: string;
  userId: string;
  channel: NotificationChannel;
  /** The sender's id of the message (an SMTP message id), when it gives one. */
  providerMessageId: string | null;
  /** ISO 8601. */
  sentAt: string;
}

/** Given up after `attempts` tries: the sender's retries ran out. */
export interface NotificationFailed {
  notificationId: string;
  userId: string;
  channel: NotificationChannel;
  reason: string;
  attempts: number;
  /** ISO 8601. */
  failedAt: string;
}

/** The user read an in-app message. */
export interface NotificationRead {
  notificationId: string;
  userId: string;
  /** ISO 8601. */
  readAt: string;
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
// personal data beyond the profile never leave the event store. The profile includes the
// saved shipping addresses and the SMS number: the read side shows them to their owner,
// and an order carries its shipping address anyway.
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

/** A shipping address kept on the profile under `addressId` (given by the handler). */
export interface UserAddressAdded {
  userId: string;
  addressId: string;
  address: PostalAddress;
}

/** The whole address as it now reads. */
export interface UserAddressUpdated {
  userId: string;
  addressId: string;
  address: PostalAddress;
}

export interface UserAddressRemoved {
  userId: string;
  addressId: string;
}

/** Which channels the user wants messages on; the in-app inbox is always on. */
export interface UserNotificationPreferencesChanged {
  userId: string;
  email: boolean;
  sms: boolean;
  /** E.164 (`+33612345678`); required while `sms` is on. */
  phoneNumber: string | null;
}

export interface EventPayloads {
  ProductCreated: ProductCreated;
  ProductDetailsUpdated: ProductDetailsUpdated;
  ProductPriceChanged: ProductPriceChanged;
  ProductDiscontinued: ProductDiscontinued;
  ProductImageAdded: ProductImageAdded;
  ProductImageRemoved: ProductImageRemoved;
  SkuClaimed: SkuClaimed;
  StockRestocked: StockRestocked;
  StockAdjusted: StockAdjusted;
  StockReserved: StockReserved;
  StockReservationRejected: StockReservationRejected;
  StockReleased: StockReleased;
  StockCommitted: StockCommitted;
  StockReturned: StockReturned;
  LowStockThresholdSet: LowStockThresholdSet;
  OrderPlaced: OrderPlaced;
  OrderLineReserved: OrderLineReserved;
  OrderLineRejected: OrderLineRejected;
  OrderConfirmed: OrderConfirmed;
  OrderRejected: OrderRejected;
  OrderTimerScheduled: OrderTimerScheduled;
  OrderPaid: OrderPaid;
  OrderExpired: OrderExpired;
  OrderCancelled: OrderCancelled;
  OrderShipped: OrderShipped;
  OrderDelivered: OrderDelivered;
  OrderCompleted: OrderCompleted;
  OrderReturnRequested: OrderReturnRequested;
  OrderReturned: OrderReturned;
  OrderRefundRequested: OrderRefundRequested;
  OrderRefunded: OrderRefunded;
  PaymentRequested: PaymentRequested;
  PaymentActionRequired: PaymentActionRequired;
  PaymentAuthorized: PaymentAuthorized;
  PaymentCaptured: PaymentCaptured;
  PaymentDeclined: PaymentDeclined;
  PaymentRefundRequested: PaymentRefundRequested;
  PaymentRefundSucceeded: PaymentRefundSucceeded;
  PaymentRefundFailed: PaymentRefundFailed;
  ShipmentOpened: ShipmentOpened;
  ShipmentDispatched: ShipmentDispatched;
  ShipmentDelivered: ShipmentDelivered;
  ShipmentCancelled: ShipmentCancelled;
  ShipmentReturnRequested: ShipmentReturnRequested;
  ShipmentReturned: ShipmentReturned;
  NotificationQueued: NotificationQueued;
  NotificationSent: NotificationSent;
  NotificationFailed: NotificationFailed;
  NotificationRead: NotificationRead;
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
  UserAddressAdded: UserAddressAdded;
  UserAddressUpdated: UserAddressUpdated;
  UserAddressRemoved: UserAddressRemoved;
  UserNotificationPreferencesChanged: UserNotificationPreferencesChanged;
}

export type EventType = keyof EventPayloads;

/** The bounded contexts that publish events, one event topic each. */
export type EventContext = 'catalog' | 'inventory' | 'ordering' | 'payments' | 'shipping' | 'notifications' | 'cart' | 'identity';

/** An event topic: `ecommerce.<context>.events`. */
export type EventTopic = `ecommerce.${EventContext}.events`;

/** Bounded context of each event type: decides its topic `ecommerce.<context>.events` and Avro namespace `ecommerce.<context>`. */
export const eventContexts: { readonly [T in EventType]: EventContext } = {
  ProductCreated: 'catalog',
  ProductDetailsUpdated: 'catalog',
  ProductPriceChanged: 'catalog',
  ProductDiscontinued: 'catalog',
  ProductImageAdded: 'catalog',
  ProductImageRemoved: 'catalog',
  SkuClaimed: 'catalog',
  StockRestocked: 'inventory',
  StockAdjusted: 'inventory',
  StockReserved: 'inventory',
  StockReservationRejected: 'inventory',
  StockReleased: 'inventory',
  StockCommitted: 'inventory',
  StockReturned: 'inventory',
  LowStockThresholdSet: 'inventory',
  OrderPlaced: 'ordering',
  OrderLineReserved: 'ordering',
  OrderLineRejected: 'ordering',
  OrderConfirmed: 'ordering',
  OrderRejected: 'ordering',
  OrderTimerScheduled: 'ordering',
  OrderPaid: 'ordering',
  OrderExpired: 'ordering',
  OrderCancelled: 'ordering',
  OrderShipped: 'ordering',
  OrderDelivered: 'ordering',
  OrderCompleted: 'ordering',
  OrderReturnRequested: 'ordering',
  OrderReturned: 'ordering',
  OrderRefundRequested: 'ordering',
  OrderRefunded: 'ordering',
  PaymentRequested: 'payments',
  PaymentActionRequired: 'payments',
  PaymentAuthorized: 'payments',
  PaymentCaptured: 'payments',
  PaymentDeclined: 'payments',
  PaymentRefundRequested: 'payments',
  PaymentRefundSucceeded: 'payments',
  PaymentRefundFailed: 'payments',
  ShipmentOpened: 'shipping',
  ShipmentDispatched: 'shipping',
  ShipmentDelivered: 'shipping',
  ShipmentCancelled: 'shipping',
  ShipmentReturnRequested: 'shipping',
  ShipmentReturned: 'shipping',
  NotificationQueued: 'notifications',
  NotificationSent: 'notifications',
  NotificationFailed: 'notifications',
  NotificationRead: 'notifications',
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
  UserAddressAdded: 'identity',
  UserAddressUpdated: 'identity',
  UserAddressRemoved: 'identity',
  UserNotificationPreferencesChanged: 'identity',
};

export const eventTopic = (type: EventType): EventTopic => `ecommerce.${eventContexts[type]}.events`;
export const recordNameOf = (type: EventType): string => `ecommerce.${eventContexts[type]}.${type}`;
export const isEventType = (type: string): type is EventType => Object.hasOwn(eventContexts, type);
