/**
 * The short number an order is shown by: the last 8 hex digits of its id. The first ones of a
 * time-ordered id (UUIDv7, what the API gives a new order) are its creation time, the same for
 * every order of the same minute or so.
 */
export const orderNumber = (orderId: string): string => `#${orderId.slice(-8)}`;
