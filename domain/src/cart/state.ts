import type { CartEvent } from './events';

export interface CartLine {
  productId: string;
  quantity: number;
}

/** Lines in the order they were first added. An absent cart and an empty one are the same thing. */
export interface CartState {
  lines: CartLine[];
  /** The last checkout, so a retried checkout records nothing. */
  lastOrderId: string | null;
}

export const initialCartState = (): CartState => ({ lines: [], lastOrderId: null });

export const cartLineOf = (state: CartState, productId: string): CartLine | undefined => state.lines.find((line) => line.productId === productId);

const setQuantity = (state: CartState, productId: string, quantity: number): CartState => ({
  ...state,
  lines: cartLineOf(state, productId)
    ? state.lines.map((line) => (line.productId === productId ? { productId, quantity } : line))
    : [...state.lines, { productId, quantity }],
});

export const evolveCart = (state: CartState, event: CartEvent): CartState => {
  switch (event.type) {
    case 'CartItemAdded': {
      const { productId, quantity } = event.data;
      return setQuantity(state, productId, (cartLineOf(state, productId)?.quantity ?? 0) + quantity);
    }
    case 'CartItemQuantityChanged':
      return setQuantity(state, event.data.productId, event.data.quantity);
    case 'CartItemRemoved':
      return { ...state, lines: state.lines.filter((line) => line.productId !== event.data.productId) };
    case 'CartCleared':
      return { ...state, lines: [] };
    case 'CartCheckedOut':
      return { lines: [], lastOrderId: event.data.orderId };
    default:
      return state;
  }
};
