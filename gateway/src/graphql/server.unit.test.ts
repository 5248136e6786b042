import { createGraphqlServer } from './handler';
import { upstreamError } from './errors';
import { createTestUpstream, testId, testOrder, testProduct } from './test-upstream.fixture';
import type { UpstreamCall } from './upstream';

type Routes = Record<string, (call: UpstreamCall) => unknown>;

async function execute(routes: Routes, query: string, variables?: Record<string, unknown>, limits?: { maxDepth: number; maxCost: number }) {
  const upstream = createTestUpstream(routes);
  const server = createGraphqlServer<object>({ upstreamOf: () => upstream, graphiql: false, limits });
  const response = await server.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }> };
  return { status: response.status, headers: response.headers, body, calls: upstream.calls };
}

const ordersWithProducts = `{ myOrders(first: 20) { nodes { id total { amount currency } lines { quantity product { id name price { amount } availability { inStock } } } } pageInfo { hasNextPage endCursor } } }`;

describe('the GraphQL server', () => {
  it('reads a page of orders with their products in two calls, not one per line (no N+1)', async () => {
    const products = Array.from({ length: 6 }, testId);
    const orders = Array.from({ length: 20 }, (_, index) => testOrder([products[index % 6] as string, products[(index + 1) % 6] as string, products[(index + 2) % 6] as string]));
    const { body, calls } = await execute({
      'GET /api/orders': () => ({ items: orders, nextCursor: 'next-page' }),
      'GET /api/products/batch': (call) => ({ items: String(call.query?.ids).split(',').map(testProduct) }),
    }, ordersWithProducts);
    expect(body.errors).toBeUndefined();
    const page = body.data?.myOrders as { nodes: Array<{ lines: Array<{ product: { id: string; availability: { inStock: boolean } } }> }>; pageInfo: unknown };
    expect(page.nodes).toHaveLength(20);
    expect(page.nodes[0]?.lines.map((line) => line.product.id)).toEqual(orders[0]?.lines.map((line) => line.productId));
    expect(page.nodes[0]?.lines[0]?.product.availability).toEqual({ inStock: true });
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: 'next-page' });
    expect(calls.map((call) => call.path)).toEqual(['/api/orders', '/api/products/batch']);
    expect(calls[0]?.query).toMatchObject({ limit: 20 });
  });

  it('refuses a query deeper than the limit, naming it, before any call', async () => {
    const { body, calls } = await execute({}, ordersWithProducts, undefined, { maxDepth: 4, maxCost: 10_000 });
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([expect.objectContaining({ message: 'query depth 6 exceeds the limit of 4', extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP', limit: 4, found: 6 }) })]);
    expect(calls).toEqual([]);
  });

  it('refuses a query costlier than the limit (pages count by their first), before any call', async () => {
    const { body, calls } = await execute({}, ordersWithProducts.replace('first: 20', 'first: 100'), undefined, { maxDepth: 8, maxCost: 5_000 });
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY', limit: 5_000 }) })]);
    expect(Number(body.errors?.[0]?.extensions?.found)).toBeGreaterThan(5_000);
    expect(calls).toEqual([]);
  });

  it('lets the page of orders with products through the default limits', async () => {
    const { body } = await execute({ 'GET /api/orders': () => ({ items: [], nextCursor: null }) }, ordersWithProducts.replace('first: 20', 'first: 100'));
    expect(body.errors).toBeUndefined();
  });

  it('answers an API refusal as an error with its code and status beside the rest of the data', async () => {
    const { status, body } = await execute({
      'GET /api/products': () => ({ items: [testProduct(testId())], nextCursor: null }),
      'GET /api/admin/users': () => { throw upstreamError(403, { detail: 'requires role admin' }); },
    }, '{ products { nodes { id } } users { nodes { id } } }');
    expect(status).toBe(200);
    expect((body.data?.products as { nodes: unknown[] }).nodes).toHaveLength(1);
    expect(body.data?.users).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ message: 'requires role admin', path: ['users'], extensions: { code: 'FORBIDDEN', status: 403 } })]);
  });

  it('answers an anonymous caller of a signed-in field with HTTP 401, as REST does', async () => {
    const { status, headers, body } = await execute({ 'GET /api/cart': () => { throw upstreamError(401, { detail: 'authentication required' }); } }, '{ cart { items { quantity } } }');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('reads another customer\'s order (a 404 of the API) as null', async () => {
    const { body } = await execute({}, `{ order(id: "${testId()}") { id } }`);
    expect(body).toEqual({ data: { order: null } });
  });

  it('names the fields of a refused input', async () => {
    const { body } = await execute({ 'PUT /api/cart/items/.*': () => { throw upstreamError(400, { detail: 'invalid body', errors: [{ field: 'body.quantity', message: 'must be at most 99' }] }); } },
      `mutation { setCartItem(productId: "${testId()}", quantity: 100) { id } }`);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', status: 400, errors: [{ field: 'body.quantity', message: 'must be at most 99' }] });
  });

  it('sends a mutation to its command route with the Idempotency-Key and answers the consistency token', async () => {
    const orderId = testId();
    const { body, calls } = await execute({
      'POST /api/orders/.*/pay': () => ({ id: 'payment-1', paymentId: 'payment-1', orderId, revision: 0, position: 12_345_678_901, consistencyToken: '12345678901.0.payment-payment-1' }),
    }, 'mutation Pay($orderId: ID!) { payOrder(orderId: $orderId, paymentMethod: "pm_card_visa", idempotencyKey: "pay-1") { paymentId orderId position consistencyToken } }', { orderId });
    expect(body).toEqual({ data: { payOrder: { paymentId: 'payment-1', orderId, position: 12_345_678_901, consistencyToken: '12345678901.0.payment-payment-1' } } });
    expect(calls).toEqual([{ api: 'command', method: 'POST', path: `/api/orders/${orderId}/pay`, body: { paymentMethod: 'pm_card_visa' }, idempotencyKey: 'pay-1' }]);
  });

  it('reads the admins\' analytics from their query route, with from and to, money beyond 32 bits included', async () => {
    const euros = (amount: number) => ({ amount, currency: 'EUR' });
    const figures = { ordersPlaced: 2, ordersPaid: 1, cartsCreated: 1, cartsCheckedOut: 1, revenue: [euros(5_000_000_000)], refunds: [{ currency: 'EUR', count: 1, amount: 500 }], categories: [{ category: 'kitchen', ordersPlaced: 2, ordersPaid: 1, unitsSold: 3, revenue: [euros(5_000_000_000)] }] };
    const view = { from: '2026-12-01', to: '2026-12-01', days: [{ date: '2026-12-01', ...figures }], totals: figures, conversion: { cartsCreated: 1, cartsCheckedOut: 1, ordersPlaced: 2, ordersPaid: 1, cartToOrder: 1, orderToPaid: 0.5 }, averageOrderValue: [euros(5_000_000_000)] };
    const { body, calls } = await execute({ 'GET /api/admin/analytics': () => view },
      '{ analytics(from: "2026-12-01", to: "2026-12-01") { from to days { date ordersPlaced ordersPaid cartsCreated cartsCheckedOut revenue { amount currency } refunds { currency count amount } categories { category ordersPlaced ordersPaid unitsSold revenue { amount currency } } } totals { ordersPlaced ordersPaid cartsCreated cartsCheckedOut revenue { amount currency } refunds { currency count amount } categories { category ordersPlaced ordersPaid unitsSold revenue { amount currency } } } conversion { cartsCreated cartsCheckedOut ordersPlaced ordersPaid cartToOrder orderToPaid } averageOrderValue { amount currency } } }');
    expect(body).toEqual({ data: { analytics: view } });
    expect(calls).toEqual([expect.objectContaining({ api: 'query', method: 'GET', path: '/api/admin/analytics', query: { from: '2026-12-01', to: '2026-12-01' } })]);
  });

  it('never builds a path out of "." or ".." from an argument', async () => {
    const { body, calls } = await execute({}, 'mutation { cancelOrder(orderId: "..") { id } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
    expect(calls).toEqual([]);
  });
});
