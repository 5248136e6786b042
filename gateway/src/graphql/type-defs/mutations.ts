/**
 * The customer's commands. Each goes to the same command route as REST; `idempotencyKey` is sent
 * as its `Idempotency-Key` (a repeat answers the first answer and appends nothing).
 */
export const mutationTypeDefs = /* GraphQL */ `
  input PostalAddressInput {
    recipient: String!
    line1: String!
    line2: String
    city: String!
    region: String
    postalCode: String!
    country: String!
  }

  input ReturnLineInput {
    productId: ID!
    quantity: Int!
  }

  type CheckoutPayload implements Accepted {
    "The order placed (same as orderId)."
    id: ID!
    orderId: ID!
    revision: Int!
    position: SafeInt!
    consistencyToken: String!
    "Waits for the emptied cart's read model."
    cartConsistencyToken: String!
    "The order placed, read after this write (waits, bounded, for the read model)."
    order: Order
  }

  type PaymentPayload implements Accepted {
    "The payment requested (same as paymentId)."
    id: ID!
    paymentId: ID!
    orderId: ID!
    revision: Int!
    position: SafeInt!
    consistencyToken: String!
  }

  type Mutation {
    "Set the quantity of a product in the caller's cart; 0 removes it."
    setCartItem(productId: ID!, quantity: Int!): CommandPayload
    removeCartItem(productId: ID!): CommandPayload
    "Place an order from the cart at current prices, shipping to a saved address (shippingAddressId) or shippingAddress, and empty the cart."
    checkout(shippingAddressId: ID, shippingAddress: PostalAddressInput, idempotencyKey: String): CheckoutPayload
    "Cancel one of the caller's orders before it ships (refunded if paid)."
    cancelOrder(orderId: ID!, reason: String, idempotencyKey: String): CommandPayload
    "Pay one of the caller's confirmed orders with a payment-method token (pm_card_visa in the sandbox); never a card number."
    payOrder(orderId: ID!, paymentMethod: String!, idempotencyKey: String): PaymentPayload
    "Accept a delivered order: it completes."
    acceptOrder(orderId: ID!, idempotencyKey: String): CommandPayload
    "Send back lines of a delivered order within the return window."
    returnOrder(orderId: ID!, lines: [ReturnLineInput!]!, reason: String!, idempotencyKey: String): CommandPayload
  }
`;
