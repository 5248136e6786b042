/**
 * What the component tests share: the real API client, session and pages, over a stub of the
 * network only (`fetch`), answering OpenAPI-shaped JSON typed from `openapi.d.ts`.
 */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import { createApi } from './api/client';
import type { paths } from './api/client';
import { Context } from './context';
import type { AppContext } from './context';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body a route answers on success, as the OpenAPI document describes it. */
export type Answer<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? JsonOf<R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : R extends { 202: infer S } ? S : never>
  : never;

export interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Handler = (call: Call, params: Record<string, string>) => Response | Promise<Response>;

export const json = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response =>
  new Response(JSON.stringify(body), { status: init.status ?? 200, headers: { 'content-type': 'application/json', ...init.headers } });

/** An RFC 9457 answer as the APIs give it. */
export const problem = (status: number, detail: string, errors?: Array<{ field: string; message: string }>): Response =>
  new Response(JSON.stringify({ type: 'about:blank', title: detail, status, detail, ...(errors ? { errors } : {}) }), { status, headers: { 'content-type': 'application/problem+json' } });

/** A command's answer (202, or 201 for a creation): the ids and the consistency token, in the body and the header, as the command API gives them. */
export const accepted = (body: Record<string, unknown> & { consistencyToken: string }, status = 202): Response =>
  json({ revision: 1, position: 1, ...body }, { status, headers: { 'x-consistency-token': body.consistencyToken } });

/** A server-sent event stream the test writes to. */
export function eventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (given) => void (controller = given) });
  return {
    response: () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    send: (event: string, data: unknown) => controller.enqueue(new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    close: () => controller.close(),
  };
}

const patternOf = (path: string) => new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`);

/** The stubbed network: routes by method and path (`/api/orders/:id`), every call recorded; anything unrouted answers 404. */
export function stubNetwork() {
  const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  const calls: Call[] = [];
  const fetchStub: Mock<typeof fetch> = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    let body: unknown = text || undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text
    }
    const call: Call = { method: request.method, url: new URL(request.url), headers: request.headers, body };
    calls.push(call);
    for (const route of routes) {
      const match = route.method === call.method ? route.pattern.exec(call.url.pathname) : null;
      if (match) return route.handler(call, { ...match.groups });
    }
    return problem(404, `no stub for ${call.method} ${call.url.pathname}`);
  });
  vi.stubGlobal('fetch', fetchStub);
  return {
    calls,
    on(method: string, path: string, handler: Handler) {
      routes.unshift({ method, pattern: patternOf(path), handler });
      return this;
    },
    /** The calls made to one path (query left out), in order. */
    callsTo(method: string, path: string): Call[] {
      return calls.filter((call) => call.method === method && patternOf(path).test(call.url.pathname));
    },
  };
}

export type Network = ReturnType<typeof stubNetwork>;

const base64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** An access token the page can read its claims from (signatures are the server's business). */
export const fakeAccessToken = (claims: { sub: string; role: 'customer' | 'admin'; email?: string }) => `${base64url({ alg: 'ES256' })}.${base64url(claims)}.signature`;

export const customerId = '11111111-1111-4111-8111-111111111111';

/**
 * Renders a page inside the app's context with the real API client; `as` signs in first through
 * the session cookie route, as a reload does, so requests carry that access token.
 */
export async function renderPage(network: Network, page: ComponentChildren, options: { as?: 'customer' | 'admin' } = {}) {
  const api = createApi(() => undefined);
  if (options.as) {
    const accessToken = fakeAccessToken({ sub: customerId, role: options.as, email: `${options.as}@shop.test` });
    network.on('POST', '/api/auth/session/refresh', () => json({ accessToken, expiresIn: 300 }));
    await api.session.refresh();
  }
  const context: AppContext = { api, user: api.session.current?.user ?? null, ready: true, cartCount: 0, refreshCart: vi.fn(), toast: vi.fn() };
  const view = render(<Context.Provider value={context}>{page}</Context.Provider>);
  return { ...view, context, api };
}

const at = '2026-05-01T10:00:00.000Z';

export type ProductView = Answer<'/api/products/{id}', 'get'>;
export const createTestProduct = (overrides: Partial<ProductView> = {}): ProductView => ({
  id: '22222222-2222-4222-8222-222222222222', sku: 'MUG-001', name: 'Stoneware Mug', description: 'A sturdy mug.', category: 'kitchen', tags: ['mug'],
  price: { amount: 1299, currency: 'EUR' }, status: 'active', listedBy: null, stock: { available: 20, inStock: true }, images: [], revision: 0, createdAt: at, updatedAt: at,
  ...overrides,
});

export type OrderView = Answer<'/api/orders/{id}', 'get'>;
export const createTestOrder = (overrides: Partial<OrderView> = {}): OrderView => ({
  id: '33333333-3333-4333-8333-333333333333', customerId, status: 'confirmed', placedAt: at, updatedAt: at, revision: 1, paymentDeadline: '2026-05-01T10:30:00.000Z',
  lines: [{ productId: '22222222-2222-4222-8222-222222222222', sku: 'MUG-001', name: 'Stoneware Mug', quantity: 2, unitPrice: { amount: 1299, currency: 'EUR' } }],
  total: { amount: 2598, currency: 'EUR' },
  payment: { status: 'none', paymentId: null, paidAmount: null, paidAt: null, attempts: [] },
  refund: { status: 'none', requested: { amount: 0, currency: 'EUR' }, succeeded: { amount: 0, currency: 'EUR' }, refunds: [] },
  shipment: null, delivery: null, completion: null, return: null,
  shippingAddress: { recipient: 'Ada Lovelace', line1: '12 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' },
  timeline: [{ status: 'placed', event: 'OrderPlaced', at }, { status: 'confirmed', event: 'OrderConfirmed', at }],
  ...overrides,
});
