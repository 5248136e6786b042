/**
 * The write side and the Avro contract agree (issue 14): for every command route, inputs generated
 * from its zod request schema are never refused for not fitting an event's Avro schema, and the
 * events an accepted command appends encode and decode through the serde the mirror uses.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import {
  adjustStockBody, lowStockThresholdBody, cancelOrderBody, changePasswordBody, changeRoleBody, createProductBody, disableUserBody, loginBody, logoutBody, placeOrderBody, refreshBody,
  eventTopic, recordNameOf, registerBody, restockBody, setCartItemBody, updateProductBody, updateProfileBody,
  checkoutBody, dispatchShipmentBody, notificationPreferencesBody, payOrderBody, postalAddressSchema, refundPaymentBody, returnOrderBody, sandboxActionBody, shipmentReturnedBody, updateAddressBody,
} from '@ecommerce/schemas';
import type { EventType } from '@ecommerce/schemas';
import { isPublishable } from '@ecommerce/platform';
import { actionReference, lifecycleSteps, sandboxTwin } from './lifecycle-steps.fixture';
import { arbitraryFromSchema } from './arbitrary-from-schema';
import { produceDeadLetter } from './admin-views.fixture';
import type { ArbitraryOverrides } from './arbitrary-from-schema';
import { loginAs, newProduct, startTestPlatform } from './harness';
import { testPicture } from './images.fixture';
import type { TestPlatform, TestResponse } from './harness';

interface Fixtures {
  productIds: string[];
  skus: string[];
  customerToken: string;
  customer: { email: string; password: string };
  otherUserId: string;
  other: { email: string; password: string };
  /** A customer whose cart only the checkout row fills: prices of the others' carts change currency as the PATCH row runs. */
  shopperToken: string;
  /** A customer whose inbox only the notification row fills (the processors write the others' as their orders move). */
  reader: { token: string; userId: string };
  /** Products no other row changes: the PATCH row gives the others random currencies, and an order's lines share one. */
  orderProductIds: string[];
  /** A saved address of `customer`, the one its orders are shipped to. */
  customerAddressId: string;
  /** The saved address the address rows last made (a profile keeps at most 10). */
  lastAddressId?: string;
}

async function freshRefreshToken(fixtures: Fixtures, platform: TestPlatform): Promise<string> {
  const login = await platform.request('POST', '/api/auth/login', { anonymous: true, body: fixtures.other });
  return String(login.body.refreshToken);
}

/** A browser session of `other`: the `Cookie` header that carries its refresh token. */
async function freshSessionCookie(fixtures: Fixtures, platform: TestPlatform): Promise<string> {
  const login = await platform.request('POST', '/api/auth/session', { anonymous: true, body: fixtures.other, headers: { 'x-csrf-protection': '1' } });
  return (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

interface CommandRoute {
  /** As the OpenAPI document names it: `post /api/products/{id}/…`. */
  operation: string;
  body?: z.ZodType;
  overrides?: (fixtures: Fixtures) => ArbitraryOverrides;
  /** The request to send for a generated body: path, caller, and the body as sent. */
  request: (fixtures: Fixtures, body: Record<string, unknown> | undefined, platform: TestPlatform) => Promise<{ method: string; path: string; token?: string; anonymous?: boolean; body?: unknown; rawBody?: Uint8Array; headers?: Record<string, string> }>;
  /** What an accepted request changes that the next one must know. */
  accepted?: (fixtures: Fixtures, body: Record<string, unknown> | undefined) => void;
}

const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;
const skuInput = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/);
let counter = 0;
const next = () => (counter += 1);

const routes: CommandRoute[] = [
  { operation: 'post /api/products', body: createProductBody, overrides: () => ({ sku: skuInput }), request: async (_f, body) => ({ method: 'POST', path: '/api/products', body }) },
  { operation: 'patch /api/products/{id}', body: updateProductBody, request: async (f, body) => ({ method: 'PATCH', path: `/api/products/${pick(f.productIds, next())}`, body }) },
  {
    operation: 'delete /api/products/{id}',
    request: async (_f, _body, platform) => {
      const created = await platform.request('POST', '/api/products', { body: newProduct() });
      return { method: 'DELETE', path: `/api/products/${String(created.body.id)}`, body: { reason: 'end of line' } };
    },
  },
  {
    // The body is the image itself (binary, no zod schema to generate from): each run sends a real picture of another size and format.
    operation: 'post /api/products/{id}/images',
    request: async (f) => {
      const run = next();
      const format = (['png', 'jpeg', 'webp'] as const)[run % 3] as 'png' | 'jpeg' | 'webp';
      return { method: 'POST', path: `/api/products/${pick(f.productIds, run)}/images`, rawBody: await testPicture(8 + ((run * 37) % 900), 8 + ((run * 53) % 700), format), headers: { 'content-type': `image/${format}` } };
    },
  },
  {
    operation: 'delete /api/products/{id}/images/{imageId}',
    request: async (f, _body, platform) => {
      const productId = pick(f.productIds, next());
      const uploaded = await platform.request('POST', `/api/products/${productId}/images`, { rawBody: await testPicture(40, 30), headers: { 'content-type': 'image/png' } });
      return { method: 'DELETE', path: `/api/products/${productId}/images/${String(uploaded.body.id)}` };
    },
  },
  { operation: 'post /api/inventory/{sku}/restock', body: restockBody, request: async (f, body) => ({ method: 'POST', path: `/api/inventory/${pick(f.skus, next())}/restock`, body }) },
  { operation: 'post /api/inventory/{sku}/adjust', body: adjustStockBody, request: async (f, body) => ({ method: 'POST', path: `/api/inventory/${pick(f.skus, next())}/adjust`, body }) },
  { operation: 'put /api/admin/inventory/{sku}/low-stock-threshold', body: lowStockThresholdBody, request: async (f, body) => ({ method: 'PUT', path: `/api/admin/inventory/${pick(f.skus, next())}/low-stock-threshold`, body }) },
  // appends only to its own (unpublished) replay stream; a fresh real dead letter each run
  { operation: 'post /api/admin/dlq/{id}/replay', request: async (_f, _body, platform) => ({ method: 'POST', path: `/api/admin/dlq/${(await produceDeadLetter(platform)).urlId}/replay` }) },
  // The password policy (length in code points, common passwords, the email inside) is the platform's, past zod: its refusals are not the contract's.
  { operation: 'post /api/auth/register', body: registerBody, overrides: () => ({ email: fc.emailAddress(), password: fc.string({ minLength: 12, maxLength: 64 }) }), request: async (_f, body) => ({ method: 'POST', path: '/api/auth/register', anonymous: true, body }) },
  {
    operation: 'post /api/auth/login',
    body: loginBody,
    overrides: (f) => ({ email: fc.constant(f.other.email), password: fc.constant(f.other.password) }),
    request: async (_f, body) => ({ method: 'POST', path: '/api/auth/login', anonymous: true, body }),
  },
  { operation: 'post /api/auth/refresh', body: refreshBody, request: async (f, body, platform) => ({ method: 'POST', path: '/api/auth/refresh', anonymous: true, body: { ...body, refreshToken: await freshRefreshToken(f, platform) } }) },
  { operation: 'post /api/auth/logout', body: logoutBody, request: async (f, body, platform) => ({ method: 'POST', path: '/api/auth/logout', anonymous: true, body: { ...body, refreshToken: await freshRefreshToken(f, platform) } }) },
  // Browser sessions (gateway): the command API's login, refresh and logout behind a cookie and the CSRF header.
  {
    operation: 'post /api/auth/session',
    body: loginBody,
    overrides: (f) => ({ email: fc.constant(f.other.email), password: fc.constant(f.other.password) }),
    request: async (_f, body) => ({ method: 'POST', path: '/api/auth/session', anonymous: true, body, headers: { 'x-csrf-protection': '1' } }),
  },
  { operation: 'post /api/auth/session/refresh', request: async (f, _body, platform) => ({ method: 'POST', path: '/api/auth/session/refresh', anonymous: true, headers: { 'x-csrf-protection': '1', cookie: await freshSessionCookie(f, platform) } }) },
  { operation: 'delete /api/auth/session', request: async (f, _body, platform) => ({ method: 'DELETE', path: '/api/auth/session', anonymous: true, headers: { 'x-csrf-protection': '1', cookie: await freshSessionCookie(f, platform) } }) },
  { operation: 'patch /api/me', body: updateProfileBody, request: async (f, body) => ({ method: 'PATCH', path: '/api/me', token: f.customerToken, body }) },
  {
    operation: 'post /api/me/password',
    body: changePasswordBody,
    request: async (f, body) => ({ method: 'POST', path: '/api/me/password', token: f.customerToken, body: { ...body, currentPassword: f.customer.password } }),
    accepted: (f, body) => {
      f.customer.password = String(body?.newPassword);
    },
  },
  { operation: 'post /api/admin/users/{id}/disable', body: disableUserBody, request: async (f, body) => ({ method: 'POST', path: `/api/admin/users/${f.otherUserId}/disable`, body }) },
  { operation: 'post /api/admin/users/{id}/enable', request: async (f) => ({ method: 'POST', path: `/api/admin/users/${f.otherUserId}/enable` }) },
  { operation: 'post /api/admin/users/{id}/role', body: changeRoleBody, request: async (f, body) => ({ method: 'POST', path: `/api/admin/users/${f.otherUserId}/role`, body }) },
  { operation: 'put /api/cart/items/{productId}', body: setCartItemBody, request: async (f, body) => ({ method: 'PUT', path: `/api/cart/items/${pick(f.productIds, next())}`, token: f.customerToken, body }) },
  // GraphQL's mutations go to the same command routes (here the cart's), so they meet the same contract.
  {
    operation: 'post /graphql', body: setCartItemBody,
    request: async (f, body) => ({
      method: 'POST', path: '/graphql', token: f.customerToken,
      body: { query: 'mutation($productId: ID!, $quantity: Int!) { setCartItem(productId: $productId, quantity: $quantity) { id consistencyToken } }', variables: { productId: pick(f.productIds, next()), ...body } },
    }),
  },
  { operation: 'delete /api/cart/items/{productId}', request: async (f) => ({ method: 'DELETE', path: `/api/cart/items/${pick(f.productIds, next())}`, token: f.customerToken }) },
  {
    operation: 'post /api/cart/checkout',
    body: checkoutBody,
    request: async (f, body, platform) => {
      const product = await platform.request('POST', '/api/products', { body: newProduct() });
      await platform.request('PUT', `/api/cart/items/${String(product.body.id)}`, { token: f.shopperToken, body: { quantity: 1 } });
      return { method: 'POST', path: '/api/cart/checkout', token: f.shopperToken, body };
    },
  },
  {
    operation: 'post /api/orders',
    body: placeOrderBody,
    overrides: (f) => ({ 'lines.productId': fc.constantFrom(...f.orderProductIds), shippingAddressId: fc.constant(f.customerAddressId) }),
    request: async (f, body) => ({ method: 'POST', path: '/api/orders', token: f.customerToken, body }),
  },
  {
    operation: 'post /api/orders/{id}/cancel',
    body: cancelOrderBody,
    request: async (f, body, platform) => {
      const placed = await platform.request('POST', '/api/orders', { token: f.customerToken, body: { lines: [{ productId: pick(f.productIds, next()), quantity: 1 }] } });
      return { method: 'POST', path: `/api/orders/${String(placed.body.orderId)}/cancel`, token: f.customerToken, body };
    },
  },
  ...lifecycleRoutes(),
];

/**
 * The order lifecycle's routes (issue 9). Each prepares its entity in `request` (an order
 * confirmed, paid, shipped, delivered…) with the steps the processors would take, and where a
 * generated body must match the entity (SKUs, products, amounts) the entity's values replace those.
 */
function lifecycleRoutes(): CommandRoute[] {
  const steps = (platform: TestPlatform) => lifecycleSteps(platform);
  return [
    {
      operation: 'post /api/orders/{id}/pay',
      body: payOrderBody,
      overrides: () => ({ paymentMethod: fc.constantFrom('pm_card_visa', 'pm_card_visa_chargeDeclined', 'pm_card_authenticationRequired', 'pm_unknown_method') }),
      request: async (f, body, platform) => ({ method: 'POST', path: `/api/orders/${await steps(platform).confirmedOrder(f.customerToken)}/pay`, token: f.customerToken, body }),
    },
    {
      // The body is the provider's, signed; the platform under test runs the sandbox provider, whose deliveries carry `sandbox-signature`.
      operation: 'post /api/payments/webhooks/stripe',
      request: async (f, _body, platform) => {
        const orderId = await steps(platform).confirmedOrder(f.customerToken);
        const paymentId = await steps(platform).requestedPayment(f.customerToken, orderId, 'pm_card_authenticationRequired');
        const reference = await actionReference(paymentId, orderId, 10_000);
        const delivery = sandboxTwin.signWebhook(sandboxTwin.completeAction(reference, next() % 2 === 0 ? 'succeeded' : 'failed'));
        return { method: 'POST', path: '/api/payments/webhooks/stripe', anonymous: true, body: JSON.parse(delivery.rawBody.toString('utf8')), headers: delivery.headers };
      },
    },
    {
      operation: 'post /api/payments/sandbox/actions/{reference}',
      body: sandboxActionBody,
      request: async (f, body, platform) => {
        const orderId = await steps(platform).confirmedOrder(f.customerToken);
        const paymentId = await steps(platform).requestedPayment(f.customerToken, orderId, 'pm_card_authenticationRequired');
        return { method: 'POST', path: `/api/payments/sandbox/actions/${await actionReference(paymentId, orderId, 10_000)}`, anonymous: true, body };
      },
    },
    {
      operation: 'post /api/admin/payments/{id}/refund',
      body: refundPaymentBody,
      overrides: () => ({ 'amount.amount': fc.integer({ min: 1, max: 12_000 }), 'amount.currency': fc.constantFrom('EUR', 'EUR', 'USD') }),
      request: async (f, body, platform) => {
        const orderId = await steps(platform).confirmedOrder(f.customerToken);
        return { method: 'POST', path: `/api/admin/payments/${await steps(platform).capturedPayment(f.customerToken, orderId)}/refund`, body };
      },
    },
    {
      operation: 'post /api/admin/shipments/{id}/dispatch',
      body: dispatchShipmentBody,
      request: async (f, body, platform) => ({ method: 'POST', path: `/api/admin/shipments/${(await steps(platform).openShipment(f.customerToken)).shipmentId}/dispatch`, body }),
    },
    {
      operation: 'post /api/admin/shipments/{id}/deliver',
      request: async (f, _body, platform) => ({ method: 'POST', path: `/api/admin/shipments/${(await steps(platform).dispatched(f.customerToken)).shipmentId}/deliver` }),
    },
    {
      operation: 'post /api/admin/shipments/{id}/returned',
      body: shipmentReturnedBody,
      request: async (f, body, platform) => {
        const { shipmentId, order } = await steps(platform).returnRequested(f.customerToken, 1000);
        const lines = ((body?.lines ?? []) as Array<Record<string, unknown>>).slice(0, 1).map((line) => ({ ...line, sku: order.lines[0]?.sku }));
        return { method: 'POST', path: `/api/admin/shipments/${shipmentId}/returned`, body: { ...body, lines } };
      },
    },
    {
      operation: 'post /api/orders/{id}/accept',
      request: async (f, _body, platform) => ({ method: 'POST', path: `/api/orders/${(await steps(platform).delivered(f.customerToken)).orderId}/accept`, token: f.customerToken }),
    },
    {
      operation: 'post /api/orders/{id}/return',
      body: returnOrderBody,
      request: async (f, body, platform) => {
        const { orderId, order } = await steps(platform).delivered(f.customerToken, 1000);
        const lines = ((body?.lines ?? []) as Array<Record<string, unknown>>).slice(0, 1).map((line) => ({ ...line, productId: order.lines[0]?.productId }));
        return { method: 'POST', path: `/api/orders/${orderId}/return`, token: f.customerToken, body: { ...body, lines } };
      },
    },
    {
      // A profile keeps at most 10 addresses: beside the fixtures' one, the first 9 runs are saved, the others refused with 409.
      operation: 'post /api/me/addresses',
      body: postalAddressSchema,
      request: async (f, body) => ({ method: 'POST', path: '/api/me/addresses', token: f.customerToken, body }),
    },
    {
      operation: 'patch /api/me/addresses/{addressId}',
      body: updateAddressBody,
      request: async (f, body, platform) => ({ method: 'PATCH', path: `/api/me/addresses/${await replaceAddress(f, platform)}`, token: f.shopperToken, body }),
    },
    {
      operation: 'delete /api/me/addresses/{addressId}',
      request: async (f, _body, platform) => {
        const addressId = await replaceAddress(f, platform);
        f.lastAddressId = undefined;
        return { method: 'DELETE', path: `/api/me/addresses/${addressId}`, token: f.shopperToken };
      },
    },
    { operation: 'put /api/me/notification-preferences', body: notificationPreferencesBody, request: async (f, body) => ({ method: 'PUT', path: '/api/me/notification-preferences', token: f.customerToken, body }) },
    {
      operation: 'post /api/notifications/{id}/read',
      request: async (f, _body, platform) => ({ method: 'POST', path: `/api/notifications/${await steps(platform).inboxMessage(f.reader.userId)}/read`, token: f.reader.token }),
    },
  ];
}

/** A fresh saved address of the shopper in place of the last one; its id. */
async function replaceAddress(f: Fixtures, platform: TestPlatform): Promise<string> {
  if (f.lastAddressId) await platform.request('DELETE', `/api/me/addresses/${f.lastAddressId}`, { token: f.shopperToken });
  const saved = await platform.request('POST', '/api/me/addresses', { token: f.shopperToken, body: { recipient: 'Row', line1: '2 Row Road', city: 'Lyon', postalCode: '69001', country: 'FR' } });
  f.lastAddressId = String(saved.body.id);
  return f.lastAddressId;
}

/** Refused because an event would not fit its Avro schema: the zod schema let through what the contract cannot carry. */
const refusedAtTheDoor = (response: TestResponse) => response.status === 400 && /Avro schema/.test(String(response.body.detail));

describe('zod request schemas and Avro event schemas agree, for every command route', () => {
  let platform: TestPlatform;
  let fixtures: Fixtures;

  beforeAll(async () => {
    platform = await startTestPlatform({ embeddedOnly: true, env: { RATE_LIMIT_ACCOUNT_PER_MINUTE: '100000' } });
    const products = await Promise.all(Array.from({ length: 70 }, () => platform.request('POST', '/api/products', { body: newProduct({ initialStock: 1000 }) })));
    // The rows pick among these: one that failed to be created would refuse every order that names it.
    for (const product of products) expect(product.status).toBe(201);
    const orderProducts = products.splice(60);
    const customer = { email: 'agreement@shop.test', password: 'a long and uncommon passphrase 7' };
    await platform.request('POST', '/api/auth/register', { anonymous: true, body: { ...customer, name: 'Agreement Tester' } });
    const otherUser = { email: 'second@shop.test', password: 'a different uncommon passphrase 8' };
    const other = await platform.request('POST', '/api/auth/register', { anonymous: true, body: { ...otherUser, name: 'Other' } });
    const reader = { email: 'reader@shop.test', password: 'a passphrase for reading 10' };
    const readerId = String((await platform.request('POST', '/api/auth/register', { anonymous: true, body: { ...reader, name: 'Reader' } })).body.id);
    const shopper = { email: 'shopper@shop.test', password: 'yet another passphrase 9' };
    await platform.request('POST', '/api/auth/register', { anonymous: true, body: { ...shopper, name: 'Shopper' } });
    const customerToken = await loginAs(platform.baseUrl, customer.email, customer.password);
    const address = await platform.request('POST', '/api/me/addresses', { token: customerToken, body: { recipient: 'Agreement Tester', line1: '1 Contract Street', city: 'Lyon', postalCode: '69002', country: 'FR' } });
    expect(address.status).toBe(201);
    fixtures = {
      customerAddressId: String(address.body.id),
      orderProductIds: orderProducts.map((product) => String(product.body.id)),
      shopperToken: await loginAs(platform.baseUrl, shopper.email, shopper.password),
      productIds: products.map((product) => String(product.body.id)),
      skus: await Promise.all(products.map(async (product) => String((await platform.eventStore.readStream(`product-${String(product.body.id)}`))[0]?.data.sku))),
      customer,
      customerToken,
      otherUserId: String(other.body.id),
      reader: { token: await loginAs(platform.baseUrl, reader.email, reader.password), userId: readerId },
      other: otherUser,
    };
  }, 120_000);

  afterAll(() => platform?.close());

  it('has a row for every command route of the OpenAPI document', async () => {
    const document = await platform.request('GET', '/openapi.json', { anonymous: true });
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).filter((method) => method !== 'get').map((method) => `${method} ${path}`));
    expect(routes.map((route) => route.operation).sort()).toEqual(operations.sort());
  });

  it.each(routes.map((route) => [route.operation, route] as const))('%s: generated inputs are never refused at the door, and their events encode and decode', async (_operation, route) => {
    const { serde } = platform.running.adapters;
    const outcomes = new Map<number, number>();
    const arbitrary = route.body ? arbitraryFromSchema(route.body, route.overrides?.(fixtures)).map((body) => body as Record<string, unknown>) : fc.constant(undefined);
    await fc.assert(
      fc.asyncProperty(arbitrary, async (body) => {
        const sent = await route.request(fixtures, body, platform);
        const before = await platform.eventStore.headPosition();
        const response = await platform.request(sent.method, sent.path, { body: sent.body, rawBody: sent.rawBody, token: sent.token, anonymous: sent.anonymous, headers: sent.headers });
        outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
        if (response.status >= 400 && process.env.DEBUG_AGREEMENT) console.log(route.operation, JSON.stringify(sent.body)?.slice(0, 300), response.status, JSON.stringify(response.body).slice(0, 400));
        expect(response.status).toBeLessThan(500);
        if (refusedAtTheDoor(response)) throw new Error(`${route.operation} refused, at the door, a body its zod schema accepts: ${JSON.stringify(response.body)}`);
        if (response.status >= 300) return;
        route.accepted?.(fixtures, body);
        for (const event of (await platform.eventStore.readAll({ after: before })).filter(isPublishable)) {
          const type = event.type as EventType;
          const decoded = await serde.decode(await serde.encode(eventTopic(type), recordNameOf(type), event.data));
          expect(decoded.data).toEqual(event.data);
        }
      }),
      { numRuns: 25 },
    );
    // A property that only ever met refusals would prove nothing about the events.
    const acceptedCount = [...outcomes].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0);
    if (acceptedCount === 0) throw new Error(`${route.operation} accepted none of the generated inputs; statuses: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  }, 120_000);
});
