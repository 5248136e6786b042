import { Router } from 'express';
import type { Request, Response } from 'express';
import { createYoga } from 'graphql-yoga';
import type { GraphqlContext } from './context';
import { createLoaders } from './loaders';
import { defaultQueryLimits, queryLimitPlugins } from './limits';
import type { QueryLimits } from './limits';
import { createGraphqlSchema } from './schema';
import { checkRequestShape, graphqlQueryParams, graphqlRequest } from './request-shape';
import { createUpstream } from './upstream';
import type { FetchLike, Upstream, UpstreamTarget } from './upstream';

export interface GraphqlOptions {
  target: UpstreamTarget;
  /** GraphiQL on `GET /graphql` (development only: NODE_ENV !== 'production'). */
  graphiql: boolean;
  limits?: QueryLimits;
  fetch?: FetchLike;
}

type ServerContext = { req: Request; res: Response };

/** The GraphQL server itself, given how a request reaches the APIs (tests give a double). */
export function createGraphqlServer<TServerContext extends object>(options: { upstreamOf: (serverContext: TServerContext) => Upstream; graphiql: boolean; limits?: QueryLimits }) {
  return createYoga<TServerContext, GraphqlContext>({
    schema: createGraphqlSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ? { title: 'ecommerce GraphQL' } : false,
    landingPage: false,
    logging: false,
    plugins: queryLimitPlugins(options.limits ?? defaultQueryLimits),
    context: (serverContext) => {
      const upstream = options.upstreamOf(serverContext);
      return { upstream, loaders: createLoaders(upstream) };
    },
  });
}

/**
 * GraphiQL's page loads its code from unpkg and runs inline scripts and blob workers, which the
 * gateway's strict CSP refuses; the page is development-only, and so is this policy.
 */
const graphiqlPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://unpkg.com blob:",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "connect-src 'self' https://unpkg.com",
  "worker-src 'self' blob:",
  "img-src 'self' data: https://raw.githubusercontent.com",
  "font-src 'self' data: https://unpkg.com",
].join('; ');

/**
 * `POST /graphql` (and `GET`, for queries and GraphiQL): mounted after the gateway has set the
 * caller's identity and parsed the JSON body, so both the body limit and the identity rules of
 * REST apply. Yoga answers GraphQL errors as JSON; an unexpected failure is masked.
 */
export function graphqlRouter(options: GraphqlOptions): Router {
  const yoga = createGraphqlServer<ServerContext>({ upstreamOf: ({ req }) => createUpstream(options.target, req, options.fetch), graphiql: options.graphiql, limits: options.limits });
  const router = Router();
  const handle = async (req: Request, res: Response) => {
    const checked = req.method === 'GET' ? checkRequestShape(graphqlQueryParams, req.query, 'query') : checkRequestShape(graphqlRequest, req.body, 'body');
    if (!checked.ok) return void res.status(400).json(checked.refusal);
    // Only what GraphQL reads reaches Yoga: another key of the body ("then", say) made it take the body for a promise (500).
    if (req.method === 'POST') req.body = checked.value;
    if (options.graphiql && req.method === 'GET') res.setHeader('Content-Security-Policy', graphiqlPolicy);
    await yoga.requestListener(req, res);
  };
  router.get('/graphql', handle);
  router.post('/graphql', handle);
  return router;
}
