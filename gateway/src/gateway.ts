import { Agent } from 'node:http';
import { Router } from 'express';
import type { RequestHandler } from 'express';
import swaggerUi from 'swagger-ui-express';
import helmet from 'helmet';
import cors from 'cors';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { byClientIp, createServiceApp, encodePrincipal, generateOpenApiDocument, principalHeader, rateLimit } from '@ecommerce/platform';
import type { HealthCheck, Logger, Metrics, OpenAPIRegistry, Principal, RateLimiter } from '@ecommerce/platform';
import type { Request } from 'express';
import type { z } from 'zod';
import { describeSessionRoutes, remoteCommandApi, sameServer, sessionRoutes } from './session';
import { staticSite } from './static-site';
import { describeGraphql, graphqlRouter } from './graphql';

/** Where the APIs are: routers in this process (embedded `start`), or URLs (distributed). */
export type Upstreams =
  | { kind: 'in-process'; command: Router; query: Router; openapi: OpenAPIRegistry[]; /** Command routes with non-JSON bodies (image uploads), mounted before the JSON parser. */ uploads?: Router }
  | { kind: 'remote'; commandUrl: string; queryUrl: string };

export interface GatewayOptions {
  upstreams: Upstreams;
  logger: Logger;
  metrics: Metrics;
  bodyLimitBytes: number;
  health: Record<string, HealthCheck>;
  /** The health checks readiness needs (see createServiceApp); none: a gateway serving only part of its routes stays in the balancer. */
  ready?: readonly string[];
  draining?: () => boolean;
  /** Establishes who is calling: `bearerIdentity(verifier)` in every deployment; tests may pass their own. */
  identify: (req: Request) => Promise<Principal | null> | Principal | null;
  /** The public signing keys, served at `GET /api/auth/jwks.json`. */
  jwks: () => Promise<object>;
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsOrigins?: string[];
  /** Browser sessions (refresh token in an httpOnly cookie): the command API's login body schema, for the document. */
  session?: { loginBody: z.ZodType; secureCookies?: boolean };
  /** The built web shop (`web/dist`), served at `/`; none: no pages. */
  webRoot?: string;
  /** Requests to `/api` per client IP; with a Redis backend every gateway draws on the same budget. None by default. */
  requestLimit?: RateLimiter;
  /** GraphiQL on `GET /graphql`: the composition root turns it on when NODE_ENV is not production. */
  graphiql?: boolean;
}

const apiInfo = { title: 'ecommerce platform API', version: '0.1.0', description: 'Commands answer 202/201 with a consistency token; send it back as `X-Consistency-Token` to read your writes. Errors are RFC 9457 problem+json.' };

/** Callers never choose their own principal: the header is removed, then set from `identify`. */
function principalFrom(identify: GatewayOptions['identify']): RequestHandler {
  return async (req, _res, next) => {
    delete req.headers[principalHeader];
    const principal = await identify(req);
    if (principal) req.headers[principalHeader] = encodePrincipal(principal);
    next();
  };
}

/** The gateway's whole document from the APIs' registries (also for `web`'s typed client, with no server running). */
export function gatewayOpenApiDocument(registries: OpenAPIRegistry[], session?: GatewayOptions['session']) {
  return generateOpenApiDocument([...registries, describeGraphql(), ...(session ? [describeSessionRoutes(session.loginBody)] : [])], apiInfo);
}

async function remoteOpenApi(urls: string[], own: { paths?: object }) {
  const documents = [...(await Promise.all(urls.map(async (url) => (await fetch(`${url}/openapi.json`)).json() as Promise<{ paths?: object; components?: { schemas?: object; securitySchemes?: object } }>))), own as { paths?: object; components?: { schemas?: object; securitySchemes?: object } }];
  return {
    openapi: '3.1.0',
    info: apiInfo,
    paths: Object.assign({}, ...documents.map((document) => document.paths ?? {})),
    components: {
      schemas: Object.assign({}, ...documents.map((document) => document.components?.schemas ?? {})),
      securitySchemes: Object.assign({}, ...documents.map((document) => document.components?.securitySchemes ?? {})),
    },
  };
}

/**
 * The query API serves reads only (GET, and HEAD with them): a write skips its routers, whose
 * route layers it otherwise matched one by one for nothing before reaching the command API's.
 */
const readsOnly = (query: Router): RequestHandler => (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? query(req, res, next) : next());

/** The single public entry point (DESIGN §2): identity, docs, health, metrics, and the APIs behind it. */
export function createGateway(options: GatewayOptions) {
  const { upstreams } = options;
  const docs = Router();
  const openApiDocument = upstreams.kind === 'in-process' ? gatewayOpenApiDocument(upstreams.openapi, options.session) : undefined;
  const ownDocument = gatewayOpenApiDocument([], options.session);
  docs.get('/openapi.json', async (_req, res) => {
    res.json(openApiDocument ?? (await remoteOpenApi([(upstreams as { commandUrl: string }).commandUrl, (upstreams as { queryUrl: string }).queryUrl], ownDocument)));
  });
  docs.get('/api/auth/jwks.json', async (_req, res) => {
    res.set('Cache-Control', 'public, max-age=60').json(await options.jwks());
  });
  docs.use('/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/openapi.json' } }));

  const before: Array<Router | RequestHandler> = [
    helmet({ contentSecurityPolicy: { useDefaults: true, directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null } } }),
    cors({ origin: options.corsOrigins ?? [], credentials: false, exposedHeaders: ['ETag', 'Location', 'X-Consistency-Token', 'X-Read-Consistency', 'X-Correlation-Id', 'Retry-After'] }),
    docs,
    ...(options.webRoot ? [staticSite(options.webRoot)] : []),
    principalFrom(options.identify),
  ];
  if (options.session) {
    before.push(sessionRoutes({ commandApi: upstreams.kind === 'remote' ? remoteCommandApi(upstreams.commandUrl) : sameServer, bodyLimitBytes: options.bodyLimitBytes, secureCookies: options.session.secureCookies }));
  }
  if (options.requestLimit) {
    const limit = rateLimit(options.requestLimit, (req) => (req.path.startsWith('/api/') ? `ip:${byClientIp(req) ?? 'unknown'}` : undefined));
    before.splice(2, 0, limit);
  }
  if (upstreams.kind === 'in-process' && upstreams.uploads) before.push(upstreams.uploads);
  if (upstreams.kind === 'remote') {
    // Kept-alive connections to the APIs: without an agent http-proxy opens (and closes) a TCP
    // connection per request, which was most of the gateway's CPU under the orders bench.
    const agent = new Agent({ keepAlive: true });
    const toQuery = createProxyMiddleware({ target: upstreams.queryUrl, changeOrigin: false, xfwd: true, agent });
    const toCommand = createProxyMiddleware({ target: upstreams.commandUrl, changeOrigin: false, xfwd: true, agent });
    // Reads go to the query API, except the sandbox provider's customer-action page, the payment provider's checkout flow and the dead-letter queue (it lives in the log), which the command API serves.
    const isRead = (req: Request) =>
      (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api/payments/sandbox/') && req.path !== '/api/checkout/payment' && !req.path.startsWith('/api/admin/dlq');
    before.push((req, res, next) => (req.path.startsWith('/api/') ? (isRead(req) ? toQuery : toCommand)(req, res, next) : next()));
    // Product images are served by the command API, which holds the image store.
    before.push((req, res, next) => (req.path.startsWith('/images/') ? toCommand(req, res, next) : next()));
  }
  return createServiceApp({
    logger: options.logger,
    metrics: options.metrics,
    bodyLimitBytes: options.bodyLimitBytes,
    health: options.health,
    ready: options.ready ?? [],
    draining: options.draining,
    before,
    routers: [
      // after the JSON body parser and the identity; embedded, it calls the routers below through this same server
      graphqlRouter({ target: upstreams.kind === 'remote' ? upstreams : { kind: 'same-server' }, graphiql: options.graphiql ?? false }),
      ...(upstreams.kind === 'in-process' ? [readsOnly(upstreams.query), upstreams.command] : []),
    ],
  });
}
