import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { problemSchema } from '@ecommerce/schemas';

export { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDescription {
  method: Method;
  /** OpenAPI path template: `/api/products/{id}`. */
  path: string;
  summary: string;
  tags: string[];
  /** Anyone may call it; otherwise it needs a bearer access token (401 without one). */
  public?: boolean;
  body?: z.ZodType;
  /** The body may be left out altogether (a DELETE with an optional reason). */
  bodyOptional?: boolean;
  query?: z.ZodObject | z.ZodPipe;
  params?: z.ZodObject | z.ZodPipe;
  headers?: z.ZodObject;
  /** Status → description and optional JSON schema; 4xx and 5xx answers are problem+json. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

export const bearerSecurityScheme = 'bearerAuth';

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/**
 * What every route may answer besides its own statuses, so that the document lists every
 * status the platform can give: malformed input (400), a missing or bad token (401; the gateway
 * refuses a malformed `Authorization` on public routes too), bodies too large or not JSON
 * (413, 415), and the platform failing or busy (500, 503).
 */
function commonResponses(route: RouteDescription): Record<number, string> {
  const common: Record<number, string> = {
    401: route.public ? 'the Authorization header is not a valid access token' : 'not authenticated: a valid bearer access token is required',
    500: 'unexpected error',
    503: 'a backing service is unavailable; retry later',
  };
  if (route.body || route.query || route.params || route.headers) common[400] = 'invalid input; `errors` names each field';
  if (route.body) {
    common[413] = 'body larger than the limit';
    common[415] = 'the body is not application/json';
  }
  return common;
}

/** Each API describes its routes from the same zod schemas it validates with: the document is never written twice. */
export function describeRoute(registry: OpenAPIRegistry, route: RouteDescription): void {
  const responses: RouteConfig['responses'] = {};
  for (const [status, response] of Object.entries(route.responses)) {
    if (Number(status) >= 400) responses[status] = problemResponse(response.description);
    else responses[status] = response.schema ? { description: response.description, content: { 'application/json': { schema: response.schema } } } : { description: response.description };
  }
  for (const [status, description] of Object.entries(commonResponses(route))) responses[status] ??= problemResponse(description);
  registry.registerPath({
    method: route.method,
    path: route.path,
    summary: route.summary,
    tags: route.tags,
    // Public routes work with or without a token; the others need one.
    security: route.public ? [{}, { [bearerSecurityScheme]: [] }] : [{ [bearerSecurityScheme]: [] }],
    request: {
      ...(route.body ? { body: { required: !route.bodyOptional, content: { 'application/json': { schema: route.body } } } } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.params ? { params: route.params } : {}),
      ...(route.headers ? { headers: route.headers } : {}),
    },
    responses,
  });
}

export function generateOpenApiDocument(registries: OpenAPIRegistry[], info: { title: string; version: string; description?: string }) {
  const definitions = registries.flatMap((registry) => registry.definitions);
  const document = new OpenApiGeneratorV31(definitions).generateDocument({ openapi: '3.1.0', info, servers: [{ url: '/' }] });
  document.components = {
    ...document.components,
    securitySchemes: { [bearerSecurityScheme]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from `POST /api/auth/login`' } },
  };
  return document;
}
