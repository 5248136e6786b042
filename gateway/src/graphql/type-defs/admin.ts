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

  extend type Query {
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
