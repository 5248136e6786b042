import { cartDecider, cartStreamId, foldEvents } from '..';
import type { CartCommand, CartEvent } from '..';
import { specificationFor } from '../shared/testing';

const given = specificationFor(cartDecider);
const customerId = 'c-1';
const add = (productId: string, quantity: number): CartCommand => ({ type: 'AddItem', data: { customerId, productId, quantity } });
const change = (productId: string, quantity: number): CartCommand => ({ type: 'ChangeQuantity', data: { customerId, productId, quantity } });
const remove = (productId: string): CartCommand => ({ type: 'RemoveItem', data: { customerId, productId } });
const clear: CartCommand = { type: 'ClearCart', data: { customerId } };
const checkOut = (orderId = 'o-1'): CartCommand => ({ type: 'CheckOut', data: { customerId, orderId } });
const added = (productId: string, quantity: number): CartEvent => ({ type: 'CartItemAdded', data: { customerId, productId, quantity } });
const changed = (productId: string, quantity: number): CartEvent => ({ type: 'CartItemQuantityChanged', data: { customerId, productId, quantity } });
const removed = (productId: string): CartEvent => ({ type: 'CartItemRemoved', data: { customerId, productId } });
const cleared: CartEvent = { type: 'CartCleared', data: { customerId } };
const checkedOut = (orderId = 'o-1'): CartEvent => ({ type: 'CartCheckedOut', data: { customerId, orderId } });
const fullCart = (): CartEvent[] => Array.from({ length: 50 }, (_, index) => added(`p-${index}`, 1));

describe('AddItem', () => {
  it('adds a line, and merges into an existing one up to 99', () => {
    given().when(add('p-1', 2)).then([added('p-1', 2)]);
    given(added('p-1', 2)).when(add('p-1', 97)).then([added('p-1', 97)]);
    expect(foldEvents(cartDecider, [added('p-1', 2), added('p-2', 1), added('p-1', 3)]).lines).toEqual([
      { productId: 'p-1', quantity: 5 },
      { productId: 'p-2', quantity: 1 },
    ]);
  });

  it('refuses a merge past 99 and a 51st line, but merges into a full cart', () => {
    given(added('p-1', 98)).when(add('p-1', 2)).thenThrows({ code: 'conflict', field: 'quantity' });
    given(...fullCart()).when(add('p-new', 1)).thenThrows({ code: 'conflict', field: 'productId' });
    given(...fullCart()).when(add('p-0', 1)).then([added('p-0', 1)]);
  });

  it.each([0, -1, 1.5, 100])('refuses quantity %p', (quantity) => {
    given().when(add('p-1', quantity)).thenThrows({ code: 'validation', field: 'quantity' });
  });

  it('refuses a blank product or customer id', () => {
    given().when(add('', 1)).thenThrows({ code: 'validation', field: 'productId' });
    given().when({ type: 'AddItem', data: { customerId: '', productId: 'p-1', quantity: 1 } }).thenThrows({ code: 'validation', field: 'customerId' });
  });
});

describe('ChangeQuantity', () => {
  it('sets a line, removes it at 0, records nothing for the same quantity', () => {
    given(added('p-1', 2)).when(change('p-1', 99)).then([changed('p-1', 99)]);
    given(added('p-1', 2)).when(change('p-1', 0)).then([removed('p-1')]);
    given(added('p-1', 2)).when(change('p-1', 2)).thenNothingHappens();
    expect(foldEvents(cartDecider, [added('p-1', 2), changed('p-1', 7)]).lines).toEqual([{ productId: 'p-1', quantity: 7 }]);
  });

  it('refuses a product not in the cart and a quantity out of range', () => {
    given(added('p-1', 2)).when(change('p-2', 1)).thenThrows({ code: 'not_found', field: 'productId' });
    given(added('p-1', 2)).when(change('p-1', 100)).thenThrows({ code: 'validation', field: 'quantity' });
    given(added('p-1', 2)).when(change('p-1', -1)).thenThrows({ code: 'validation', field: 'quantity' });
  });
});

describe('RemoveItem and ClearCart', () => {
  it('removes a line; removing an absent one records nothing', () => {
    given(added('p-1', 2), added('p-2', 1)).when(remove('p-1')).then([removed('p-1')]);
    given(added('p-1', 2), removed('p-1')).when(remove('p-1')).thenNothingHappens();
    expect(foldEvents(cartDecider, [added('p-1', 2), added('p-2', 1), removed('p-1')]).lines).toEqual([{ productId: 'p-2', quantity: 1 }]);
  });

  it('clears a cart with lines; an empty cart records nothing', () => {
    given(added('p-1', 2)).when(clear).then([cleared]);
    given().when(clear).thenNothingHappens();
    expect(foldEvents(cartDecider, [added('p-1', 2), cleared]).lines).toEqual([]);
  });
});

describe('CheckOut', () => {
  it('checks out a cart with lines and leaves it empty', () => {
    given(added('p-1', 2)).when(checkOut()).then([checkedOut()]);
    expect(foldEvents(cartDecider, [added('p-1', 2), checkedOut()])).toEqual({ lines: [], lastOrderId: 'o-1' });
  });

  it('refuses an empty cart, naming the cart, but records nothing for a retried checkout', () => {
    given().when(checkOut()).thenThrows({ code: 'validation', field: 'cart' });
    given(added('p-1', 1), removed('p-1')).when(checkOut()).thenThrows({ code: 'validation', field: 'cart' });
    given(added('p-1', 2), checkedOut()).when(checkOut()).thenNothingHappens();
    given(added('p-1', 2), checkedOut()).when(checkOut('o-2')).thenThrows({ code: 'validation', field: 'cart' });
  });

  it('refuses a blank order id', () => {
    given(added('p-1', 2)).when(checkOut('')).thenThrows({ code: 'validation', field: 'orderId' });
  });

  it('names the stream after the customer', () => {
    expect(cartStreamId('c-1')).toBe('cart-c-1');
  });
});
