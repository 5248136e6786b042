export { createGraphqlServer, graphqlRouter } from './handler';
export type { GraphqlOptions } from './handler';
export { createGraphqlSchema } from './schema';
export { describeGraphql } from './openapi';
export type { UpstreamTarget } from './upstream';
