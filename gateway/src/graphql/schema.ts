import type { GraphQLSchema } from 'graphql';
import { createSchema } from 'graphql-yoga';
import type { GraphqlContext } from './context';
import { typeDefs } from './type-defs';
import { safeIntScalar } from './resolvers/common';
import { catalogResolvers } from './resolvers/catalog';
import { accountResolvers } from './resolvers/account';
import { adminResolvers } from './resolvers/admin';
import { mutationResolvers } from './resolvers/mutations';

/** The executable graph: SDL plus resolvers that call the APIs (never a store). */
export function createGraphqlSchema(): GraphQLSchema {
  return createSchema<GraphqlContext>({
    typeDefs,
    resolvers: [
      { SafeInt: safeIntScalar },
      catalogResolvers,
      accountResolvers,
      adminResolvers,
      mutationResolvers,
    ],
  });
}
