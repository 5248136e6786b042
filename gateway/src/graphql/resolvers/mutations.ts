import type { GraphqlContext } from '../context';
import { nullIfNotFound } from '../errors';
import { given, segment } from './common';

interface Accepted {
  id: string;
  revision: number;
  position: number;
  consistencyToken: string;
}

type Keyed = { idempotencyKey?: string | null };

const command = <T = Accepted>(context: GraphqlContext, method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, idempotencyKey?: string | null) =>
  context.upstream.call<T>('command', { method, path, body, idempotencyKey });

const orderPath = (orderId: string, step: string) => `/api/orders/${segment('orderId', orderId)}/${step}`;

/** The customer's commands through the command API's routes: the same handlers, checks and answers as REST. */
export const mutationResolvers = {
  Accepted: {
    __resolveType: (payload: Record<string, unknown>) => ('cartConsistencyToken' in payload ? 'CheckoutPayload' : 'paymentId' in payload ? 'PaymentPayload' : 'CommandPayload'),
  },
  Mutation: {
    setCartItem: (_parent: unknown, args: { productId: string; quantity: number }, context: GraphqlContext) =>
      command(context, 'PUT', `/api/cart/items/${segment('productId', args.productId)}`, { quantity: args.quantity }),
    removeCartItem: (_parent: unknown, args: { productId: string }, context: GraphqlContext) =>
      command(context, 'DELETE', `/api/cart/items/${segment('productId', args.productId)}`, undefined),
    checkout: (_parent: unknown, args: Keyed & { shippingAddressId?: string | null; shippingAddress?: object | null }, context: GraphqlContext) =>
      command(context, 'POST', '/api/cart/checkout', given({ shippingAddressId: args.shippingAddressId, shippingAddress: args.shippingAddress }), args.idempotencyKey),
    cancelOrder: (_parent: unknown, args: Keyed & { orderId: string; reason?: string | null }, context: GraphqlContext) =>
      command(context, 'POST', orderPath(args.orderId, 'cancel'), given({ reason: args.reason }), args.idempotencyKey),
    payOrder: (_parent: unknown, args: Keyed & { orderId: string; paymentMethod: string }, context: GraphqlContext) =>
      command(context, 'POST', orderPath(args.orderId, 'pay'), { paymentMethod: args.paymentMethod }, args.idempotencyKey),
    acceptOrder: (_parent: unknown, args: Keyed & { orderId: string }, context: GraphqlContext) =>
      command(context, 'POST', orderPath(args.orderId, 'accept'), undefined, args.idempotencyKey),
    returnOrder: (_parent: unknown, args: Keyed & { orderId: string; lines: Array<{ productId: string; quantity: number }>; reason: string }, context: GraphqlContext) =>
      command(context, 'POST', orderPath(args.orderId, 'return'), { lines: args.lines, reason: args.reason }, args.idempotencyKey),
  },
  CheckoutPayload: {
    order: (payload: Accepted & { orderId: string }, _args: unknown, { upstream }: GraphqlContext) =>
      nullIfNotFound(upstream.call('query', { method: 'GET', path: `/api/orders/${segment('orderId', payload.orderId)}`, consistencyToken: payload.consistencyToken })),
  },
};
