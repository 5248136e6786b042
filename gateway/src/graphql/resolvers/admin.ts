import type { GraphqlContext } from '../context';
import { pageQuery, segment, toConnection } from './common';
import type { Page } from './common';

type PageArgs = { first?: number | null; after?: string | null; consistencyToken?: string | null };

/** Admin lists: the query API refuses anyone else (403, or 401 without a token), and so the field does. */
const list = (path: string, filters: (args: Record<string, unknown>) => Record<string, string | undefined>) =>
  async (_parent: unknown, args: PageArgs & Record<string, unknown>, { upstream }: GraphqlContext) =>
    toConnection(await upstream.call<Page<unknown>>('query', { method: 'GET', path, query: { ...pageQuery(args), ...filters(args) }, consistencyToken: args.consistencyToken }));

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const adminResolvers = {
  UserSort: { NEWEST: 'newest', EMAIL: 'email' },
  Query: {
    users: list('/api/admin/users', (args) => ({ q: text(args.search), role: text(args.role), status: text(args.status), sort: text(args.sort) })),
    orders: list('/api/admin/orders', (args) => ({ status: text(args.status), customerId: text(args.customerId), from: text(args.from), to: text(args.to) })),
    shipments: list('/api/admin/shipments', (args) => ({ status: text(args.status) })),
    analytics: (_parent: unknown, args: { from: string; to: string; consistencyToken?: string | null }, { upstream }: GraphqlContext) =>
      upstream.call('query', { method: 'GET', path: '/api/admin/analytics', query: { from: args.from, to: args.to }, consistencyToken: args.consistencyToken }),
    stock: (_parent: unknown, args: { sku: string; consistencyToken?: string | null }, { upstream }: GraphqlContext) =>
      upstream.call('query', { method: 'GET', path: `/api/inventory/${segment('sku', args.sku)}`, consistencyToken: args.consistencyToken }),
  },
};
