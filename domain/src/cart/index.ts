import type { Decider } from '../shared';
import type { CartCommand } from './commands';
import { decideCart } from './decide';
import type { CartEvent } from './events';
import type { CartState } from './state';
import { evolveCart, initialCartState } from './state';

export type { AddItem, CartCommand, ChangeQuantity, CheckOut, ClearCart, RemoveItem } from './commands';
export type { CartEvent, CartEventType } from './events';
export { cartStreamId } from './events';
export type { CartLine, CartState } from './state';
export { cartLineOf } from './state';
export { cartLimits } from './decide';

/** One cart per customer, stream `cart-<customerId>`. */
export const cartDecider: Decider<CartCommand, CartEvent, CartState> = {
  initialState: initialCartState,
  evolve: evolveCart,
  decide: decideCart,
};
