import { Router } from 'express';
import type { RequestHandler } from 'express';
import swaggerUi from 'swagger-ui-express';
import helmet from 'helmet';
import cors from 'cors';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { createServiceApp, encodePrincipal, generateOpenApiDocument, principalHeader } from '@ecommerce/platform';
import type { HealthCheck, Logger, Metrics, OpenAPIRegistry, Principal } from '@ecommerce/platform';
import type { Request } from 'express';

/** Where the APIs are: routers in this process (embedded `start`), or URLs (distributed). */
export type Upstreams =
  | { kind: 'in-process'; command: Router; query: Router; openapi: OpenAPIRegistry[] }
  | { kind: 'remote'; commandUrl: string; queryUrl: string };

export interface GatewayOptions {
  upstreams: Upstreams;
  logger: Logger;
  metrics: Metrics;
  bodyLimitBytes: number;
  health: Record<string, HealthCheck>;
  /** Establishes who is calling: `bearerIdentity(verifier)` in every deployment; tests may pass their own. */
  identify: (req: Request) => Promise<Principal | null> | Principal | null;
  /** The public signing keys, served at `GET /api/auth/jwks.json`. */
  jwks: () => Promise<object>;
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsOrigins?: string[];
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

async function remoteOpenApi(urls: string[]) {
  const documents = await Promise.all(urls.map(async (url) => (await fetch(`${url}/openapi.json`)).json() as Promise<{ paths?: object; components?: { schemas?: object; securitySchemes?: object } }>));
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

/** The single public entry point (DESIGN §2): identity, docs, health, metrics, and the APIs behind it. */
export function createGateway(options: GatewayOptions) {
  const { upstreams } = options;
  const docs = Router();
  const openApiDocument = upstreams.kind === 'in-process' ? generateOpenApiDocument(upstreams.openapi, apiInfo) : undefined;
  docs.get('/openapi.json', async (_req, res) => {
    res.json(openApiDocument ?? (await remoteOpenApi([(upstreams as { commandUrl: string }).commandUrl, (upstreams as { queryUrl: string }).queryUrl])));
  });
  docs.get('/api/auth/jwks.json', async (_req, res) => {
    res.set('Cache-Control', 'public, max-age=60').json(await options.jwks());
  });
  docs.use('/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/openapi.json' } }));

  const before: Array<Router | RequestHandler> = [
    helmet({ contentSecurityPolicy: { useDefaults: true, directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null } } }),
    cors({ origin: options.corsOrigins ?? [], credentials: false, exposedHeaders: ['ETag', 'Location', 'X-Consistency-Token', 'X-Read-Consistency', 'X-Correlation-Id', 'Retry-After'] }),
    docs,
    principalFrom(options.identify),
  ];
  if (upstreams.kind === 'remote') {
    const toQuery = createProxyMiddleware({ target: upstreams.queryUrl, changeOrigin: false, xfwd: true });
    const toCommand = createProxyMiddleware({ target: upstreams.commandUrl, changeOrigin: false, xfwd: true });
    // Reads go to the query API, except the sandbox provider's customer-action page, which the command API serves.
    const isRead = (req: Request) => (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api/payments/sandbox/');
    before.push((req, res, next) => (req.path.startsWith('/api/') ? (isRead(req) ? toQuery : toCommand)(req, res, next) : next()));
  }
  return createServiceApp({
    logger: options.logger,
    metrics: options.metrics,
    bodyLimitBytes: options.bodyLimitBytes,
    health: options.health,
    before,
    routers: upstreams.kind === 'in-process' ? [upstreams.query, upstreams.command] : [],
  });
}
