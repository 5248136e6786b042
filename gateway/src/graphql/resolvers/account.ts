import type { GraphqlContext } from '../context';
import { nullIfNotFound } from '../errors';
import { pageQuery, segment, toConnection } from './common';
import type { Page } from './common';

type PageArgs = { first?: number | null; after?: string | null; consistencyToken?: string | null };

/** Anything that names a product: a cart item, an order line. */
const productOf = (holder: { productId: string }, _args: unknown, { loaders }: GraphqlContext) => loaders.product.load(holder.productId);

export const accountResolvers = {
  Query: {
    cart: (_parent: unknown, args: { consistencyToken?: string | null }, { upstream }: GraphqlContext) =>
      upstream.call('query', { method: 'GET', path: '/api/cart', consistencyToken: args.consistencyToken }),
    myOrders: async (_parent: unknown, args: PageArgs, { upstream }: GraphqlContext) =>
      toConnection(await upstream.call<Page<unknown>>('query', { method: 'GET', path: '/api/orders', query: pageQuery(args), consistencyToken: args.consistencyToken })),
    order: (_parent: unknown, args: { id: string; consistencyToken?: string | null }, { upstream }: GraphqlContext) =>
      nullIfNotFound(upstream.call('query', { method: 'GET', path: `/api/orders/${segment('id', args.id)}`, consistencyToken: args.consistencyToken })),
    myNotifications: async (_parent: unknown, args: PageArgs, { upstream }: GraphqlContext) => {
      const page = await upstream.call<Page<unknown> & { unread: number }>('query', { method: 'GET', path: '/api/notifications', query: pageQuery(args), consistencyToken: args.consistencyToken });
      return { ...toConnection(page), unread: page.unread };
    },
  },
  CartItem: { product: productOf },
  OrderLine: { product: productOf },
};
