import { z } from 'zod';
import { describeRoute } from '@ecommerce/platform';
import type { OpenAPIRegistry, RouteDescription } from '@ecommerce/platform';
import { orderIdParams, productIdParams } from '@ecommerce/schemas';
import { adminLiveEventSchema, orderLiveEventSchema, orderLiveHeaders, productLiveEventSchema, productLiveHeaders } from './events';

const eventStream = z.string().describe('A stream of server-sent events (text/event-stream): `id:`, `event:` and `data:` lines (data is JSON), and `: heartbeat` comment lines while nothing changes.');

/**
 * describeRoute documents JSON answers; a stream's 200 is text/event-stream, so the route is
 * described as usual (errors, security, inputs) and its 200 then says what it streams.
 */
function describeStream(registry: OpenAPIRegistry, route: Omit<RouteDescription, 'method'>, stream: { description: string; data: z.ZodType }): void {
  describeRoute(registry, { ...route, method: 'get' });
  const registered = [...registry.definitions].reverse().find((definition) => definition.type === 'route' && definition.route.path === route.path && definition.route.method === 'get');
  if (registered?.type !== 'route') throw new Error(`route ${route.path} was not registered`);
  // OpenAPI 3.1 cannot say what each event holds (3.2's itemSchema can): an extension gives the JSON Schema of `data`.
  const media = { schema: eventStream, 'x-event-data': z.toJSONSchema(stream.data, { io: 'output', unrepresentable: 'any' }) };
  registered.route.responses[200] = { description: stream.description, content: { 'text/event-stream': media } };
}

const limits = { 429: { description: 'the caller has SSE_MAX_CONNECTIONS_PER_USER live streams open already' }, 503: { description: 'the server is shutting down; reconnect' } };

export function describeLiveQueries(registry: OpenAPIRegistry): void {
  describeStream(registry, {
    path: '/api/orders/{id}/live', tags: ['orders', 'live'], params: orderIdParams, headers: orderLiveHeaders,
    summary: "Server-sent events of one order's status (own orders; admins any): the current state at once, then each change. Event ids are the order stream revision; a reconnect with `Last-Event-ID` gets only what is newer",
    responses: { 200: { description: 'the stream' }, 401: { description: 'not authenticated' }, 404: { description: 'no such order of the caller' }, ...limits },
  }, { description: '`event: status` events; `id` is the order stream revision', data: orderLiveEventSchema });
  describeStream(registry, {
    path: '/api/products/{id}/live', tags: ['catalog', 'live'], public: true, params: productIdParams, headers: productLiveHeaders,
    summary: "Server-sent events of one product's availability: the current state at once, then each change (a sale, a restock, a return, discontinuation)",
    responses: { 200: { description: 'the stream' }, 404: { description: 'unknown product' }, ...limits },
  }, { description: '`event: availability` events; `id` grows with every change of the product or its stock', data: productLiveEventSchema });
  describeStream(registry, {
    path: '/api/admin/live', tags: ['admin', 'live'],
    summary: 'Admins: server-sent events every SSE_ADMIN_INTERVAL_MS with orders per status, SKUs at or below their low-stock threshold (LOW_STOCK_THRESHOLD unless set per SKU), and each projection\'s lag',
    responses: { 200: { description: 'the stream' }, 401: { description: 'not authenticated' }, 403: { description: 'not an admin' }, ...limits },
  }, { description: '`event: figures` events', data: adminLiveEventSchema });
}
