/** The carts read model: each customer's lines, no prices. */
export { cartsProjection } from './projection';
export { cartEventTypes, evolveCartFields } from './document';
export type { CartDocument, CartFields } from './document';
