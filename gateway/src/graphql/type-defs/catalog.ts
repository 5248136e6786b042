/** Scalars and shapes every part of the graph shares, and the catalog. */
export const commonTypeDefs = /* GraphQL */ `
  scalar SafeInt

  "Money: integer minor units (cents) and an ISO 4217 currency code; never a float."
  type Money {
    amount: SafeInt!
    currency: String!
  }

  "Where a page ends; pass endCursor as the next query's after."
  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type PostalAddress {
    recipient: String!
    line1: String!
    line2: String
    city: String!
    region: String
    postalCode: String!
    country: String!
  }

  """
  What every command answers: the id it acted on, the stream revision (ETag) and log position of its
  last event, and the consistency token. Pass the token as a query's consistencyToken to read your write.
  """
  interface Accepted {
    id: ID!
    revision: Int!
    position: SafeInt!
    consistencyToken: String!
  }

  type CommandPayload implements Accepted {
    id: ID!
    revision: Int!
    position: SafeInt!
    consistencyToken: String!
  }
`;

export const catalogTypeDefs = /* GraphQL */ `
  enum ProductSort {
    NAME
    NAME_DESC
    PRICE
    PRICE_DESC
    NEWEST
  }

  type Availability {
    available: Int!
    inStock: Boolean!
  }

  type Product {
    id: ID!
    sku: String!
    name: String!
    description: String!
    category: String!
    tags: [String!]!
    price: Money!
    "active or discontinued"
    status: String!
    "The customer who listed it; null for the shop's own products."
    listedBy: ID
    availability: Availability!
    "Revision of the product stream (the ETag of GET /api/products/{id})."
    revision: Int!
    createdAt: String!
    updatedAt: String!
  }

  type ProductConnection {
    nodes: [Product!]!
    pageInfo: PageInfo!
  }

  extend type Query {
    "The catalog: words of the name (search, prefix match), category, price range in minor units, availability, sort; at most 100 a page."
    products(
      first: Int = 20
      after: String
      search: String
      category: String
      minPrice: SafeInt
      maxPrice: SafeInt
      inStock: Boolean
      sort: ProductSort = NAME
      consistencyToken: String
    ): ProductConnection
    "One product with its availability; null when unknown."
    product(id: ID!, consistencyToken: String): Product
  }
`;
