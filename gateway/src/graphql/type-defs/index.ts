import { accountTypeDefs } from './account';
import { adminTypeDefs } from './admin';
import { catalogTypeDefs, commonTypeDefs } from './catalog';
import { mutationTypeDefs } from './mutations';

/** The graph in SDL, one part per concern; `schemas/graphql/schema.graphql` is its printed form. */
export const typeDefs = [
  /* GraphQL */ `
    """
    The read side: the same routes, rules and read models as REST; nothing here reads a store directly.
    Top-level fields are nullable: a refused one is null with its error, and the others still answer.
    """
    type Query
  `,
  commonTypeDefs,
  catalogTypeDefs,
  accountTypeDefs,
  adminTypeDefs,
  mutationTypeDefs,
];
