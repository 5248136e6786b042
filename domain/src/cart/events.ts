import type { DomainEvent } from '../shared';

/** Events of a customer's cart stream, `cart-<customerId>`. No prices: checkout snapshots them from the products. */
export type CartEvent = DomainEvent<'CartItemAdded' | 'CartItemQuantityChanged' | 'CartItemRemoved' | 'CartCleared' | 'CartCheckedOut'>;

export type CartEventType = CartEvent['type'];

export const cartStreamId = (customerId: string): string => `cart-${customerId}`;
