import { z } from 'zod';
import { OpenAPIRegistry, bearerSecurityScheme } from '@ecommerce/platform';
import { graphqlQueryParams, graphqlRequest } from './request-shape';

/** RFC 9457, as the platform answers it (the gateway does not import the schemas package). */
const problemSchema = z.object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string().optional() });

/** GraphQL's answer: `data`, and `errors` each with `extensions.code` (and `extensions.status`, what REST would have answered). */
const graphqlResponse = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional(), extensions: z.record(z.string(), z.unknown()).optional() })).optional(),
});

const graphqlContent = { 'application/json': { schema: graphqlResponse }, 'application/graphql-response+json': { schema: graphqlResponse } };
const problemContent = { 'application/problem+json': { schema: problemSchema } };

/**
 * `/graphql` in the OpenAPI document, so the authorization matrix and the fuzzer see it like any
 * route. Registered by hand rather than with `describeRoute`: GraphQL's refusals are GraphQL
 * answers (`application/json` with `errors`), not problem+json; only what the gateway refuses
 * before GraphQL runs (a bad token, a body too large or not JSON) is.
 */
export function describeGraphql(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  const security: Array<Record<string, string[]>> = [{}, { [bearerSecurityScheme]: [] }];
  const common = {
    400: { description: 'not a GraphQL request (`BAD_REQUEST`, naming the field), or a query past the depth or cost limit (`QUERY_TOO_DEEP`, `QUERY_TOO_COSTLY`); with `Accept: application/graphql-response+json`, also one that does not parse or validate; a body that is not JSON is problem+json', content: { ...graphqlContent, ...problemContent } },
    401: { description: 'a field needs a signed-in caller (`UNAUTHENTICATED`), or the Authorization header is not a valid access token (problem+json)', content: { ...graphqlContent, ...problemContent } },
    500: { description: 'unexpected error', content: { ...graphqlContent, ...problemContent } },
    503: { description: 'a backing service is unavailable; retry later', content: problemContent },
  };
  const ok = { description: 'the result; refusals of single fields (403 FORBIDDEN, 404 NOT_FOUND, 409 CONFLICT, ...) are in `errors` beside the data', content: graphqlContent };
  registry.registerPath({
    method: 'post', path: '/graphql', tags: ['graphql'], security,
    summary: 'GraphQL over the same routes and rules as REST: catalog, cart, own orders and notifications, admin lists; the customer\'s commands as mutations',
    request: { body: { required: true, content: { 'application/json': { schema: graphqlRequest } } } },
    responses: {
      200: ok, ...common,
      413: { description: 'body larger than the limit', content: problemContent },
      415: { description: 'the body is not application/json', content: problemContent },
    },
  });
  registry.registerPath({
    method: 'get', path: '/graphql', tags: ['graphql'], security,
    summary: 'A GraphQL query in the URL (mutations need POST); without one, GraphiQL in development',
    request: { query: graphqlQueryParams },
    responses: {
      200: { ...ok, content: { ...graphqlContent, 'text/html': { schema: z.string() } } }, ...common,
      405: { description: 'a mutation sent with GET', content: graphqlContent },
    },
  });
  return registry;
}
