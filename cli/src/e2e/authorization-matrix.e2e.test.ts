import { newProduct, startTestPlatform } from './harness';
import type { TestPlatform, TestResponse } from './harness';
import { actionReference, lifecycleSteps, rowAddress, sandboxTwin } from './lifecycle-steps.fixture';
import { testPicture } from './images.fixture';
import { produceDeadLetter } from './admin-views.fixture';

jest.setTimeout(90_000);

type Caller = 'anonymous' | 'customer' | 'otherCustomer' | 'admin';
const callers: Caller[] = ['anonymous', 'customer', 'otherCustomer', 'admin'];

interface Context {
  platform: TestPlatform;
  tokens: Record<Caller, string | undefined>;
  passwords: Record<Caller, string>;
  /** A product listed by `customer`, and its SKU. */
  customersProduct: { id: string; sku: string };
  fresh: { product(): Promise<string>; user(): Promise<string> };
  steps: ReturnType<typeof lifecycleSteps>;
  /** The user id behind a caller's token. */
  userIds: Record<Caller, string | undefined>;
}

/** A saved address of the caller (anonymous callers get someone's: they are refused before it matters). */
async function callersAddress(c: Context, caller: Caller): Promise<string> {
  const added = await c.platform.request('POST', '/api/me/addresses', { token: c.tokens[caller === 'anonymous' ? 'customer' : caller], body: rowAddress() });
  return String(added.body.id);
}

/** A captured payment of `customer`'s, visible in the payments read model. */
async function customersPayment(c: Context): Promise<string> {
  const orderId = await c.steps.confirmedOrder(c.tokens.customer as string);
  const paymentId = await c.steps.capturedPayment(c.tokens.customer as string, orderId);
  await waitForRead(c, `/api/payments/${paymentId}`);
  return paymentId;
}

async function waitForRead(c: Context, path: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if ((await c.platform.request('GET', path, { token: c.tokens.customer })).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} never became readable`);
}

/** An order placed by `customer` and visible in the read model, with stock so no rejection races a cancel. */
async function customersOrder(c: Context): Promise<string> {
  const placed = await c.platform.request('POST', '/api/orders', { token: c.tokens.customer, body: { lines: [{ productId: await c.fresh.product(), quantity: 1 }] } });
  const orderId = String(placed.body.orderId);
  await c.platform.request('GET', `/api/orders/${orderId}`, { token: c.tokens.customer, headers: { 'x-consistency-token': placed.headers.get('x-consistency-token') as string } });
  return orderId;
}

interface Entry {
  /** The request, built afresh for each caller (some routes consume what they act on). */
  request(context: Context, caller: Caller): Promise<{ path: string; body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> }>;
  expect: Record<Caller, number>;
  /** A server-sent events route: its status is read, then the stream is dropped. */
  stream?: boolean;
}

const allow = (status: number): Record<Caller, number> => ({ anonymous: status, customer: status, otherCustomer: status, admin: status });
const signedIn = (status: number): Record<Caller, number> => ({ anonymous: 401, customer: status, otherCustomer: status, admin: status });
const adminOnly = (status: number): Record<Caller, number> => ({ anonymous: 401, customer: 403, otherCustomer: 403, admin: status });
const ownerOrAdmin = (status: number): Record<Caller, number> => ({ anonymous: 401, customer: status, otherCustomer: 403, admin: status });
/** Another customer's order is answered as if it did not exist; admins act on their own account only. */
const ownerOnly = (status: number): Record<Caller, number> => ({ anonymous: 401, customer: status, otherCustomer: 404, admin: 404 });
const password = (caller: Caller) => `Marmalade-${caller}-Skyline-7`;
let serial = 0;
const email = (caller: string) => `${caller}.${Date.now()}.${serial++}@matrix.test`;

/**
 * Every route of the API × who calls it → the status it must answer (DESIGN §7, "who").
 * The table is checked against the OpenAPI document: a route without an entry fails.
 */
const table: Record<string, Entry> = {
  'GET /api/products': { request: async () => ({ path: '/api/products' }), expect: allow(200) },
  'GET /api/products/{id}': { request: async (c) => ({ path: `/api/products/${c.customersProduct.id}` }), expect: allow(200) },
  'GET /api/products/batch': { request: async (c) => ({ path: `/api/products/batch?ids=${c.customersProduct.id}` }), expect: allow(200) },
  'GET /api/categories': { request: async () => ({ path: '/api/categories' }), expect: allow(200) },
  // GraphQL: a field that REST keeps to signed-in callers answers 401 to anonymous ones (admin-only fields: graphql.e2e.test.ts).
  'POST /graphql': { request: async () => ({ path: '/graphql', body: { query: '{ cart { items { quantity } } }' } }), expect: signedIn(200) },
  'GET /graphql': { request: async () => ({ path: `/graphql?query=${encodeURIComponent('{ myOrders(first: 1) { nodes { id } } }')}` }), expect: signedIn(200) },
  'GET /api/products/{id}/recommendations': { request: async (c) => ({ path: `/api/products/${c.customersProduct.id}/recommendations` }), expect: allow(200) },
  'POST /api/products': { request: async () => ({ path: '/api/products', body: newProduct() }), expect: signedIn(201) },
  'PATCH /api/products/{id}': { request: async (c) => ({ path: `/api/products/${c.customersProduct.id}`, body: { name: 'Renamed' } }), expect: ownerOrAdmin(202) },
  'DELETE /api/products/{id}': { request: async (c) => ({ path: `/api/products/${await c.fresh.product()}` }), expect: ownerOrAdmin(202) },
  // Product images: written like the product (its owner or an admin), served to anyone.
  'POST /api/products/{id}/images': { request: async (c) => ({ path: `/api/products/${c.customersProduct.id}/images`, rawBody: await testPicture(64, 48), headers: { 'content-type': 'image/png' } }), expect: ownerOrAdmin(201) },
  'DELETE /api/products/{id}/images/{imageId}': {
    request: async (c) => {
      const image = await adminsImage(c);
      return { path: `/api/products/${image.productId}/images/${image.id}` };
    },
    expect: ownerOrAdmin(202),
  },
  'GET /images/products/{productId}/{imageId}/{file}': { request: async (c) => ({ path: (await adminsImage(c)).urls.thumbnail }), expect: allow(200) },
  'POST /api/inventory/{sku}/restock': { request: async (c) => ({ path: `/api/inventory/${c.customersProduct.sku}/restock`, body: { quantity: 2 } }), expect: adminOnly(202) },
  'POST /api/inventory/{sku}/adjust': { request: async (c) => ({ path: `/api/inventory/${c.customersProduct.sku}/adjust`, body: { delta: 1, reason: 'found one' } }), expect: adminOnly(202) },
  'PUT /api/cart/items/{productId}': { request: async (c) => ({ path: `/api/cart/items/${c.customersProduct.id}`, body: { quantity: 1 } }), expect: signedIn(202) },
  'DELETE /api/cart/items/{productId}': { request: async (c) => ({ path: `/api/cart/items/${c.customersProduct.id}` }), expect: signedIn(202) },
  'POST /api/cart/checkout': {
    request: async (c, caller) => {
      if (caller !== 'anonymous') await c.platform.request('PUT', `/api/cart/items/${await c.fresh.product()}`, { token: c.tokens[caller], body: { quantity: 1 } });
      return { path: '/api/cart/checkout' };
    },
    expect: signedIn(202),
  },
  'GET /api/cart': { request: async () => ({ path: '/api/cart' }), expect: signedIn(200) },
  'POST /api/orders': { request: async (c) => ({ path: '/api/orders', body: { lines: [{ productId: await c.fresh.product(), quantity: 1 }] } }), expect: signedIn(202) },
  'GET /api/orders': { request: async () => ({ path: '/api/orders' }), expect: signedIn(200) },
  'GET /api/orders/{id}': { request: async (c) => ({ path: `/api/orders/${await customersOrder(c)}` }), expect: { anonymous: 401, customer: 200, otherCustomer: 404, admin: 200 } },
  'POST /api/orders/{id}/cancel': { request: async (c) => ({ path: `/api/orders/${await customersOrder(c)}/cancel`, body: {} }), expect: ownerOnly(202) },
  'GET /api/inventory/{sku}': { request: async (c) => ({ path: `/api/inventory/${c.customersProduct.sku}` }), expect: adminOnly(200) },
  'GET /api/auth/jwks.json': { request: async () => ({ path: '/api/auth/jwks.json' }), expect: allow(200) },
  'POST /api/auth/register': { request: async (_c, caller) => ({ path: '/api/auth/register', body: { email: email(caller), password: password(caller), name: 'New' } }), expect: allow(201) },
  'POST /api/auth/login': { request: async () => ({ path: '/api/auth/login', body: { email: email('nobody'), password: 'Wrong-Password-123' } }), expect: allow(401) },
  'POST /api/auth/refresh': { request: async () => ({ path: '/api/auth/refresh', body: { refreshToken: 'a-session-id.not-a-real-secret-at-all-00000000000' } }), expect: allow(401) },
  'POST /api/auth/logout': { request: async () => ({ path: '/api/auth/logout', body: { refreshToken: 'a-session-id.not-a-real-secret-at-all-00000000000' } }), expect: allow(204) },
  // Browser sessions (gateway): the cookie and the CSRF header are the credentials, a bearer token changes nothing.
  'POST /api/auth/session': { request: async () => ({ path: '/api/auth/session', body: { email: email('nobody'), password: 'Wrong-Password-123' }, headers: { 'x-csrf-protection': '1' } }), expect: allow(401) },
  'POST /api/auth/session/refresh': { request: async () => ({ path: '/api/auth/session/refresh', headers: { 'x-csrf-protection': '1' } }), expect: allow(401) },
  'DELETE /api/auth/session': { request: async () => ({ path: '/api/auth/session', headers: { 'x-csrf-protection': '1' } }), expect: allow(204) },
  'GET /api/me': { request: async () => ({ path: '/api/me' }), expect: signedIn(200) },
  'PATCH /api/me': { request: async () => ({ path: '/api/me', body: { name: 'Renamed Person' } }), expect: signedIn(202) },
  'POST /api/me/password': { request: async (c, caller) => ({ path: '/api/me/password', body: { currentPassword: c.passwords[caller], newPassword: `${c.passwords[caller]}x` } }), expect: signedIn(202) },
  'GET /api/admin/users': { request: async () => ({ path: '/api/admin/users' }), expect: adminOnly(200) },
  'POST /api/admin/users/{id}/disable': { request: async (c) => ({ path: `/api/admin/users/${await c.fresh.user()}/disable`, body: {} }), expect: adminOnly(202) },
  'POST /api/admin/users/{id}/enable': { request: async (c) => ({ path: `/api/admin/users/${await c.fresh.user()}/enable` }), expect: adminOnly(202) },
  'POST /api/admin/users/{id}/role': { request: async (c) => ({ path: `/api/admin/users/${await c.fresh.user()}/role`, body: { role: 'admin' } }), expect: adminOnly(202) },
  // The order lifecycle (issue 9): the customer's own orders, payments and inbox; shipments and refunds are the admins'.
  'POST /api/orders/{id}/pay': { request: async (c) => ({ path: `/api/orders/${await c.steps.confirmedOrder(c.tokens.customer as string)}/pay`, body: { paymentMethod: 'pm_card_visa' } }), expect: ownerOnly(202) },
  'POST /api/orders/{id}/accept': { request: async (c) => ({ path: `/api/orders/${(await c.steps.delivered(c.tokens.customer as string)).orderId}/accept` }), expect: ownerOnly(202) },
  'POST /api/orders/{id}/return': {
    request: async (c) => {
      const { orderId, order } = await c.steps.delivered(c.tokens.customer as string);
      return { path: `/api/orders/${orderId}/return`, body: { lines: [{ productId: order.lines[0]?.productId, quantity: 1 }], reason: 'too small' } };
    },
    expect: ownerOnly(202),
  },
  'GET /api/payments/{id}': { request: async (c) => ({ path: `/api/payments/${await customersPayment(c)}` }), expect: { anonymous: 401, customer: 200, otherCustomer: 404, admin: 200 } },
  'POST /api/admin/payments/{id}/refund': { request: async (c) => ({ path: `/api/admin/payments/${await customersPayment(c)}/refund`, body: { reason: 'goodwill' } }), expect: adminOnly(202) },
  'POST /api/admin/shipments/{id}/dispatch': {
    request: async (c) => ({ path: `/api/admin/shipments/${(await c.steps.openShipment(c.tokens.customer as string)).shipmentId}/dispatch`, body: { carrier: 'La Poste', trackingNumber: 'LP-2024-0001' } }),
    expect: adminOnly(202),
  },
  'POST /api/admin/shipments/{id}/deliver': { request: async (c) => ({ path: `/api/admin/shipments/${(await c.steps.dispatched(c.tokens.customer as string)).shipmentId}/deliver` }), expect: adminOnly(202) },
  'POST /api/admin/shipments/{id}/returned': {
    request: async (c) => {
      const { shipmentId, order } = await c.steps.returnRequested(c.tokens.customer as string, 1);
      return { path: `/api/admin/shipments/${shipmentId}/returned`, body: { lines: [{ sku: order.lines[0]?.sku, restocked: 1, damaged: 0 }] } };
    },
    expect: adminOnly(202),
  },
  'GET /api/admin/orders': { request: async () => ({ path: '/api/admin/orders' }), expect: adminOnly(200) },
  // Live updates (issue 11): authorized as the REST reads they follow.
  'GET /api/orders/{id}/live': { stream: true, request: async (c) => ({ path: `/api/orders/${await customersOrder(c)}/live` }), expect: { anonymous: 401, customer: 200, otherCustomer: 404, admin: 200 } },
  'GET /api/products/{id}/live': { stream: true, request: async (c) => ({ path: `/api/products/${c.customersProduct.id}/live` }), expect: allow(200) },
  'GET /api/admin/live': { stream: true, request: async () => ({ path: '/api/admin/live' }), expect: adminOnly(200) },
  'GET /api/admin/shipments': { request: async () => ({ path: '/api/admin/shipments' }), expect: adminOnly(200) },
  'PUT /api/admin/inventory/{sku}/low-stock-threshold': { request: async (c) => ({ path: `/api/admin/inventory/${c.customersProduct.sku}/low-stock-threshold`, body: { threshold: 3 } }), expect: adminOnly(202) },
  'GET /api/admin/inventory/low-stock': { request: async () => ({ path: '/api/admin/inventory/low-stock' }), expect: adminOnly(200) },
  'GET /api/admin/dlq': { request: async () => ({ path: '/api/admin/dlq' }), expect: adminOnly(200) },
  // a dead letter of its own for each caller: the admin's replay is the first of it
  'POST /api/admin/dlq/{id}/replay': { request: async (c) => ({ path: `/api/admin/dlq/${(await produceDeadLetter(c.platform)).urlId}/replay` }), expect: adminOnly(202) },
  'GET /api/admin/analytics': { request: async () => ({ path: '/api/admin/analytics?from=2024-01-01&to=2024-12-31' }), expect: adminOnly(200) },
  // Public: the signature is the credential (a valid one is accepted whoever else calls).
  'POST /api/payments/webhooks/stripe': {
    request: async () => {
      const event = { id: `evt_${Date.now()}_${serial++}`, occurredAt: new Date().toISOString(), type: 'payment_succeeded' as const, paymentId: '00000000-0000-4000-8000-000000000000', providerReference: 'pi_x', amount: 100, currency: 'EUR' };
      const signed = sandboxTwin.signWebhook(event);
      return { path: '/api/payments/webhooks/stripe', rawBody: signed.rawBody.toString('utf8'), headers: signed.headers };
    },
    expect: allow(200),
  },
  // Public: which pay step the shop shows (the sandbox here: its card form).
  'GET /api/checkout/payment': { request: async () => ({ path: '/api/checkout/payment' }), expect: allow(200) },
  // Public: the signed reference is the credential.
  'GET /api/payments/sandbox/actions/{reference}': { request: async (c) => ({ path: `/api/payments/sandbox/actions/${await awaitingAction(c)}` }), expect: allow(200) },
  'POST /api/payments/sandbox/actions/{reference}': { request: async (c) => ({ path: `/api/payments/sandbox/actions/${await awaitingAction(c)}`, body: { outcome: 'failed' } }), expect: allow(200) },
  'POST /api/me/addresses': { request: async () => ({ path: '/api/me/addresses', body: rowAddress() }), expect: signedIn(201) },
  'PATCH /api/me/addresses/{addressId}': { request: async (c, caller) => ({ path: `/api/me/addresses/${await callersAddress(c, caller)}`, body: { city: 'Lyon' } }), expect: signedIn(202) },
  'DELETE /api/me/addresses/{addressId}': { request: async (c, caller) => ({ path: `/api/me/addresses/${await callersAddress(c, caller)}` }), expect: signedIn(202) },
  'PUT /api/me/notification-preferences': { request: async () => ({ path: '/api/me/notification-preferences', body: { email: true, sms: false } }), expect: signedIn(202) },
  'GET /api/notifications': { request: async () => ({ path: '/api/notifications' }), expect: signedIn(200) },
  'POST /api/notifications/{id}/read': { request: async (c) => ({ path: `/api/notifications/${await c.steps.inboxMessage(c.userIds.customer as string)}/read` }), expect: ownerOnly(202) },
};

/** An image an admin uploaded to a fresh product of `customer`'s. */
async function adminsImage(c: Context): Promise<{ productId: string; id: string; urls: { thumbnail: string } }> {
  const productId = await c.fresh.product();
  const uploaded = await c.platform.request('POST', `/api/products/${productId}/images`, { rawBody: await testPicture(64, 48), headers: { 'content-type': 'image/png' } });
  return { productId, ...(uploaded.body as { id: string; urls: { thumbnail: string } }) };
}

/** A stream never ends by itself: its headers tell the status, then the request is aborted. */
async function streamStatus(c: Context, caller: Caller, path: string): Promise<{ status: number }> {
  const token = c.tokens[caller];
  const controller = new AbortController();
  const response = await fetch(`${c.platform.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: controller.signal });
  controller.abort();
  return { status: response.status };
}

/** A payment of `customer`'s waiting for the customer's action at the sandbox; its reference. */
async function awaitingAction(c: Context): Promise<string> {
  const orderId = await c.steps.confirmedOrder(c.tokens.customer as string);
  const paymentId = await c.steps.requestedPayment(c.tokens.customer as string, orderId, 'pm_card_authenticationRequired');
  const { total } = await c.steps.orderOf(orderId);
  const reference = await actionReference(paymentId, orderId, total.amount);
  // the processors' payment actor records the action required; the page answers once it has
  for (let waited = 0; waited < 10_000; waited += 50) {
    if ((await c.platform.request('GET', `/api/payments/sandbox/actions/${reference}`, { anonymous: true })).status === 200) return reference;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`payment ${paymentId} never waited for an action`);
}

describe('authorization matrix', () => {
  let context: Context;

  beforeAll(async () => {
    const platform = await startTestPlatform();
    const tokens = { anonymous: undefined } as Context['tokens'];
    const passwords = { anonymous: '' } as Context['passwords'];
    let lastToken = '';
    for (const caller of ['customer', 'otherCustomer'] as const) {
      const address = email(caller);
      const registered = await platform.request('POST', '/api/auth/register', { body: { email: address, password: password(caller), name: caller }, anonymous: true });
      lastToken = registered.headers.get('x-consistency-token') as string;
      tokens[caller] = String((await platform.request('POST', '/api/auth/login', { body: { email: address, password: password(caller) }, anonymous: true })).body.accessToken);
      passwords[caller] = password(caller);
    }
    const admin = await platform.request('POST', '/api/auth/login', { body: { email: 'admin@shop.test', password: 'correct horse battery staple 42' }, anonymous: true });
    tokens.admin = String(admin.body.accessToken);
    passwords.admin = 'correct horse battery staple 42';
    // the users read model must know the customers before /api/me can answer
    await platform.request('GET', '/api/admin/users', { headers: { 'x-consistency-token': lastToken } });
    const listed = await platform.request('POST', '/api/products', { token: tokens.customer, body: newProduct() });
    const product = await platform.request('GET', `/api/products/${String(listed.body.id)}`, { headers: { 'x-consistency-token': listed.headers.get('x-consistency-token') as string } });
    const userIdOf = (token: string | undefined) => (token ? String((JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as { sub: string }).sub) : undefined);
    context = {
      platform, tokens, passwords,
      steps: lifecycleSteps(platform),
      userIds: { anonymous: undefined, customer: userIdOf(tokens.customer), otherCustomer: userIdOf(tokens.otherCustomer), admin: userIdOf(tokens.admin) },
      customersProduct: { id: String(listed.body.id), sku: String(product.body.sku) },
      fresh: {
        product: async () => String((await platform.request('POST', '/api/products', { token: tokens.customer, body: newProduct() })).body.id),
        user: async () => String((await platform.request('POST', '/api/auth/register', { body: { email: email('target'), password: password('customer'), name: 'Target' }, anonymous: true })).body.id),
      },
    };
  });

  afterAll(async () => {
    await context?.platform.close();
  });

  it('has an entry for every route of the OpenAPI document, and no other', async () => {
    const document = (await context.platform.request('GET', '/openapi.json', { anonymous: true })).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(table).sort());
  });

  const cases = Object.entries(table).flatMap(([route, entry]) => callers.map((caller) => [route, caller, entry.expect[caller], entry] as const));
  it.each(cases)('%s as %s → %i', async (route, caller, status, entry) => {
    const [method] = route.split(' ') as [string];
    const { path, body, rawBody, headers } = await entry.request(context, caller);
    const response: Pick<TestResponse, 'status'> = entry.stream
      ? await streamStatus(context, caller, path)
      : await context.platform.request(method, path, { body, rawBody, headers, ...(caller === 'anonymous' ? { anonymous: true } : { token: context.tokens[caller] }) });
    expect({ route, caller, status: response.status }).toEqual({ route, caller, status });
    if (route === 'POST /api/me/password' && response.status === 202) context.passwords[caller] = `${context.passwords[caller]}x`;
  });
});
