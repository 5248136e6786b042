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
  body?: z.ZodType;
  query?: z.ZodObject | z.ZodPipe;
  params?: z.ZodObject | z.ZodPipe;
  headers?: z.ZodObject;
  /** Status → description and optional JSON schema. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/** Each API describes its routes from the same zod schemas it validates with: the document is never written twice. */
export function describeRoute(registry: OpenAPIRegistry, route: RouteDescription): void {
  const responses: RouteConfig['responses'] = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = response.schema ? { description: response.description, content: { 'application/json': { schema: response.schema } } } : { description: response.description };
  }
  if (route.body || route.query || route.params) responses['400'] ??= problemResponse('invalid input; `errors` names each field');
  responses['500'] ??= problemResponse('unexpected error');
  registry.registerPath({
    method: route.method,
    path: route.path,
    summary: route.summary,
    tags: route.tags,
    request: {
      ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.params ? { params: route.params } : {}),
      ...(route.headers ? { headers: route.headers } : {}),
    },
    responses,
  });
}

export function generateOpenApiDocument(registries: OpenAPIRegistry[], info: { title: string; version: string; description?: string }) {
  const definitions = registries.flatMap((registry) => registry.definitions);
  return new OpenApiGeneratorV31(definitions).generateDocument({ openapi: '3.1.0', info, servers: [{ url: '/' }] });
}
