/** The caller's own data: cart, orders with their timeline, in-app notifications. */
export const accountTypeDefs = /* GraphQL */ `
  type CartItem {
    productId: ID!
    quantity: Int!
    "The product as the catalog shows it now (prices are taken at checkout); null if it is gone."
    product: Product
  }

  type Cart {
    customerId: ID!
    items: [CartItem!]!
    "Revision of the cart stream; -1 for a customer who never had a cart."
    revision: Int!
  }

  type OrderLine {
    productId: ID!
    sku: String!
    name: String!
    quantity: Int!
    unitPrice: Money!
    "The product as the catalog shows it now; the line keeps what was ordered."
    product: Product
  }

  type TimelineEntry {
    "The status the event left the order in."
    status: String!
    event: String!
    at: String!
  }

  type OrderPayment {
    "none, requested, requires_action, authorized, captured, declined"
    status: String!
    paymentId: ID
    paidAmount: Money
    paidAt: String
  }

  type OrderRefund {
    "none, pending, partially_refunded, refunded"
    status: String!
    requested: Money!
    succeeded: Money!
  }

  type OrderShipment {
    shipmentId: ID!
    "open, dispatched, delivered, return_requested, returned, cancelled"
    status: String!
    carrier: String
    trackingNumber: String
    dispatchedAt: String
    deliveredAt: String
  }

  type OrderDelivery {
    deliveredAt: String!
    returnWindowEndsAt: String!
    acceptanceDeadline: String!
  }

  type Order {
    id: ID!
    customerId: ID!
    "placed, confirmed, paid, shipped, delivered, completed, return_requested, returned, refunded, rejected, expired, cancelled"
    status: String!
    lines: [OrderLine!]!
    total: Money!
    shippingAddress: PostalAddress
    "Every lifecycle event, oldest first."
    timeline: [TimelineEntry!]!
    paymentDeadline: String
    payment: OrderPayment!
    refund: OrderRefund!
    shipment: OrderShipment
    delivery: OrderDelivery
    placedAt: String!
    updatedAt: String!
    "Revision of the order stream (the ETag)."
    revision: Int!
  }

  type OrderConnection {
    nodes: [Order!]!
    pageInfo: PageInfo!
  }

  type Notification {
    id: ID!
    "What it is about: user_registered, order_shipped, order_refunded, ..."
    kind: String!
    subject: String!
    text: String!
    createdAt: String!
    read: Boolean!
    readAt: String
  }

  type NotificationConnection {
    nodes: [Notification!]!
    pageInfo: PageInfo!
    "Unread messages in the whole inbox."
    unread: Int!
  }

  extend type Query {
    "The caller's cart (signed in)."
    cart(consistencyToken: String): Cart
    "The caller's own orders, newest first (signed in)."
    myOrders(first: Int = 20, after: String, consistencyToken: String): OrderConnection
    "One order with its timeline: the caller's own (admins: any); null for anyone else's, as if it did not exist."
    order(id: ID!, consistencyToken: String): Order
    "The caller's in-app inbox, newest first (signed in)."
    myNotifications(first: Int = 20, after: String, consistencyToken: String): NotificationConnection
  }
`;
