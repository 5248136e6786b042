import { assertId, DomainError } from '../shared';
import type { AddItem, CartCommand, ChangeQuantity, CheckOut, ClearCart, RemoveItem } from './commands';
import type { CartEvent } from './events';
import type { CartState } from './state';
import { cartLineOf } from './state';

/** Exported so the API's request schemas use the same numbers. */
export const cartLimits = { linesMax: 50, quantityMax: 99 } as const;

const assertQuantity = (quantity: number, min: 0 | 1): void => {
  if (!Number.isSafeInteger(quantity) || quantity < min || quantity > cartLimits.quantityMax) {
    throw DomainError.validation(`quantity must be a whole number from ${min} to ${cartLimits.quantityMax}`, 'quantity');
  }
};

export const addItem = ({ data }: AddItem, state: CartState): CartEvent[] => {
  assertId(data.customerId, 'customerId');
  assertId(data.productId, 'productId');
  assertQuantity(data.quantity, 1);
  const line = cartLineOf(state, data.productId);
  if (line && line.quantity + data.quantity > cartLimits.quantityMax) {
    throw DomainError.conflict(`a line holds at most ${cartLimits.quantityMax} units; ${line.quantity} already in the cart`, 'quantity');
  }
  if (!line && state.lines.length >= cartLimits.linesMax) throw DomainError.conflict(`a cart holds at most ${cartLimits.linesMax} lines`, 'productId');
  return [{ type: 'CartItemAdded', data: { customerId: data.customerId, productId: data.productId, quantity: data.quantity } }];
};

export const changeQuantity = ({ data }: ChangeQuantity, state: CartState): CartEvent[] => {
  assertId(data.customerId, 'customerId');
  assertId(data.productId, 'productId');
  assertQuantity(data.quantity, 0);
  const line = cartLineOf(state, data.productId);
  if (!line) throw DomainError.notFound('the cart has no line for this product', 'productId');
  if (data.quantity === 0) return [{ type: 'CartItemRemoved', data: { customerId: data.customerId, productId: data.productId } }];
  if (data.quantity === line.quantity) return [];
  return [{ type: 'CartItemQuantityChanged', data: { customerId: data.customerId, productId: data.productId, quantity: data.quantity } }];
};

/** Removing what is not there is already done (a retried DELETE). */
export const removeItem = ({ data }: RemoveItem, state: CartState): CartEvent[] => {
  assertId(data.customerId, 'customerId');
  assertId(data.productId, 'productId');
  if (!cartLineOf(state, data.productId)) return [];
  return [{ type: 'CartItemRemoved', data: { customerId: data.customerId, productId: data.productId } }];
};

export const clearCart = ({ data }: ClearCart, state: CartState): CartEvent[] => {
  assertId(data.customerId, 'customerId');
  return state.lines.length === 0 ? [] : [{ type: 'CartCleared', data: { customerId: data.customerId } }];
};

export const checkOut = ({ data }: CheckOut, state: CartState): CartEvent[] => {
  assertId(data.customerId, 'customerId');
  assertId(data.orderId, 'orderId');
  if (state.lines.length === 0) {
    if (state.lastOrderId === data.orderId) return [];
    throw DomainError.validation('the cart is empty', 'cart');
  }
  return [{ type: 'CartCheckedOut', data: { customerId: data.customerId, orderId: data.orderId } }];
};

export const decideCart = (command: CartCommand, state: CartState): CartEvent[] => {
  switch (command.type) {
    case 'AddItem':
      return addItem(command, state);
    case 'ChangeQuantity':
      return changeQuantity(command, state);
    case 'RemoveItem':
      return removeItem(command, state);
    case 'ClearCart':
      return clearCart(command, state);
    case 'CheckOut':
      return checkOut(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
