import { cartDecider, cartLineOf } from '@ecommerce/domain';
import type { CartCommand, CartEvent, CartState } from '@ecommerce/domain';
import type { DeciderLike } from '../handle-command';

/** `PUT /api/cart/items/:productId`: the line ends with `quantity` units, whatever it held; 0 removes it. */
export interface SetCartItem {
  type: 'SetCartItem';
  data: { customerId: string; productId: string; quantity: number };
}

/** Which cart command a PUT is depends on the cart as loaded, so the choice is made inside `decide`, against that state. */
export const cartCommandFor = ({ data }: SetCartItem, state: CartState): CartCommand => {
  if (cartLineOf(state, data.productId)) return { type: 'ChangeQuantity', data };
  if (data.quantity === 0) return { type: 'RemoveItem', data: { customerId: data.customerId, productId: data.productId } };
  return { type: 'AddItem', data };
};

export const setCartItemDecider: DeciderLike<SetCartItem, CartEvent, CartState> = {
  initialState: cartDecider.initialState,
  evolve: cartDecider.evolve,
  decide: (command, state) => cartDecider.decide(cartCommandFor(command, state), state),
};
