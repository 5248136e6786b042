/** What only admins may read: users, every customer's orders, shipments, stock. */
export const adminTypeDefs = /* GraphQL */ `
  enum UserSort {
    NEWEST
    EMAIL
  }

  type User {
    id: ID!
    email: String!
    name: String!
    "customer or admin"
    role: String!
    "active or disabled"
    status: String!
    revision: Int!
    createdAt: String!
    updatedAt: String!
  }

  type UserConnection {
    nodes: [User!]!
    pageInfo: PageInfo!
  }

  type ShipmentLine {
    sku: String!
    name: String!
    quantity: Int!
  }

  type Shipment {
    id: ID!
    orderId: ID!
    customerId: ID!
    "open, dispatched, delivered, return_requested, returned, cancelled"
    status: String!
    lines: [ShipmentLine!]!
    address: PostalAddress!
    carrier: String
    trackingNumber: String
    openedAt: String!
    dispatchedAt: String
    deliveredAt: String
    cancelledAt: String
    updatedAt: String!
    revision: Int!
  }

  type ShipmentConnection {
    nodes: [Shipment!]!
    pageInfo: PageInfo!
  }

  type Stock {
    sku: String!
    onHand: Int!
    reserved: Int!
    available: Int!
    sold: Int!
    "Units back from returns, fit to sell again (part of onHand)."
    returned: Int!
    "Revision of the inventory stream; -1 when no stock movement was ever recorded."
    revision: Int!
  }

  type RefundFigures {
    currency: String!
    count: Int!
    "Minor units."
    amount: SafeInt!
  }

  type CategoryFigures {
    category: String!
    "Orders placed with at least one line of the category."
    ordersPlaced: Int!
    "Orders paid with at least one line of the category."
    ordersPaid: Int!
    "Units of the category on orders paid."
    unitsSold: Int!
    "The category's lines of the orders paid (quantity × unit price), one amount per currency."
    revenue: [Money!]!
  }

  type DayFigures {
    "A UTC day, YYYY-MM-DD."
    date: String!
    ordersPlaced: Int!
    ordersPaid: Int!
    cartsCreated: Int!
    cartsCheckedOut: Int!
    "Payments captured, one amount per currency (currencies are never added together)."
    revenue: [Money!]!
    refunds: [RefundFigures!]!
    categories: [CategoryFigures!]!
  }

  type AnalyticsTotals {
    ordersPlaced: Int!
    ordersPaid: Int!
    cartsCreated: Int!
    cartsCheckedOut: Int!
    revenue: [Money!]!
    refunds: [RefundFigures!]!
    categories: [CategoryFigures!]!
  }

  type Conversion {
    cartsCreated: Int!
    cartsCheckedOut: Int!
    ordersPlaced: Int!
    ordersPaid: Int!
    "Carts checked out ÷ carts created; null without carts."
    cartToOrder: Float
    "Orders paid ÷ orders placed; null without orders."
    orderToPaid: Float
  }

  type Analytics {
    from: String!
    to: String!
    "Every UTC day of the range, in order, empty ones included."
    days: [DayFigures!]!
    totals: AnalyticsTotals!
    conversion: Conversion!
    "Per currency: the amounts of the orders paid ÷ their number, rounded half up to a minor unit."
    averageOrderValue: [Money!]!
  }

  extend type Query {
    "Admins: sales figures from from to to (dates YYYY-MM-DD, both included, at most 366 days)."
    analytics(from: String!, to: String!, consistencyToken: String): Analytics
    "Admins: users by email or name prefix, role and status."
    users(first: Int = 20, after: String, search: String, role: String, status: String, sort: UserSort = NEWEST, consistencyToken: String): UserConnection
    "Admins: every customer's orders, newest first; from and to bound placedAt (ISO dates or date-times, inclusive)."
    orders(first: Int = 20, after: String, status: String, customerId: ID, from: String, to: String, consistencyToken: String): OrderConnection
    "Admins: shipments, newest first."
    shipments(first: Int = 20, after: String, status: String, consistencyToken: String): ShipmentConnection
    "Admins: the stock of one SKU."
    stock(sku: String!, consistencyToken: String): Stock
  }
`;
