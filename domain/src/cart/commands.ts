import type { DomainCommand } from '../shared';

/** Adds `quantity` units, merged into the product's line when there is one. */
export type AddItem = DomainCommand<'AddItem', { customerId: string; productId: string; quantity: number }>;

/** Sets a line's quantity; 0 removes the line. */
export type ChangeQuantity = DomainCommand<'ChangeQuantity', { customerId: string; productId: string; quantity: number }>;

export type RemoveItem = DomainCommand<'RemoveItem', { customerId: string; productId: string }>;

export type ClearCart = DomainCommand<'ClearCart', { customerId: string }>;

/** The handler places order `orderId` (OrderPlaced, prices from the product streams) and checks the cart out. */
export type CheckOut = DomainCommand<'CheckOut', { customerId: string; orderId: string }>;

export type CartCommand = AddItem | ChangeQuantity | RemoveItem | ClearCart | CheckOut;
