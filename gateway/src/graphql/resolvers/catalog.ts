import type { GraphqlContext } from '../context';
import type { ProductView } from '../loaders';
import { nullIfNotFound } from '../errors';
import { pageQuery, segment, toConnection } from './common';
import type { Page } from './common';

interface ProductsArgs {
  first?: number | null;
  after?: string | null;
  search?: string | null;
  category?: string | null;
  minPrice?: number | null;
  maxPrice?: number | null;
  inStock?: boolean | null;
  sort?: string | null;
  consistencyToken?: string | null;
}

export const catalogResolvers = {
  // the REST sort names, so the argument reaches the API as it is
  ProductSort: { NAME: 'name', NAME_DESC: '-name', PRICE: 'price', PRICE_DESC: '-price', NEWEST: 'newest' },
  Query: {
    products: async (_parent: unknown, args: ProductsArgs, { upstream }: GraphqlContext) => {
      const query = { ...pageQuery(args), q: args.search, category: args.category, minPrice: args.minPrice, maxPrice: args.maxPrice, inStock: args.inStock, sort: args.sort };
      return toConnection(await upstream.call<Page<ProductView>>('query', { method: 'GET', path: '/api/products', query, consistencyToken: args.consistencyToken }));
    },
    product: (_parent: unknown, args: { id: string; consistencyToken?: string | null }, { upstream }: GraphqlContext) =>
      nullIfNotFound(upstream.call<ProductView>('query', { method: 'GET', path: `/api/products/${segment('id', args.id)}`, consistencyToken: args.consistencyToken })),
  },
  Product: {
    availability: (product: ProductView) => product.stock,
  },
};
