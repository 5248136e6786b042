import { newProduct, startTestPlatform } from './harness';
import type { TestPlatform } from './harness';

jest.setTimeout(90_000);

const password = 'Saffron-Harbour-Lantern-8';

async function customer(platform: TestPlatform, name: string): Promise<string> {
  const email = `${name}.${Date.now()}@orders.test`;
  await platform.request('POST', '/api/auth/register', { body: { email, password, name }, anonymous: true });
  return String((await platform.request('POST', '/api/auth/login', { body: { email, password }, anonymous: true })).body.accessToken);
}

async function statusOf(platform: TestPlatform, token: string, orderId: string, until: (status: string) => boolean): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const response = await platform.request('GET', `/api/orders/${orderId}`, { token });
    const status = String(response.body.status ?? '');
    if (response.status === 200 && until(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`order ${orderId} did not reach the expected status`);
}

describe('orders end to end: cart, checkout, reservation, confirmation (embedded, one process)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  });

  afterAll(async () => {
    await platform.close();
  });

  it('checks out a cart; the order is confirmed when stock is reserved, and the catalog shows less available', async () => {
    const product = newProduct({ initialStock: 3 });
    const created = await platform.request('POST', '/api/products', { body: product });
    const productId = String(created.body.id);
    const alice = await customer(platform, 'alice');
    expect((await platform.request('PUT', `/api/cart/items/${productId}`, { token: alice, body: { quantity: 2 } })).status).toBe(202);
    const checkout = await platform.request('POST', '/api/cart/checkout', { token: alice });
    expect(checkout.status).toBe(202);
    const orderId = String(checkout.body.orderId);
    expect(await statusOf(platform, alice, orderId, (status) => status !== 'placed')).toBe('confirmed');
    const order = await platform.request('GET', `/api/orders/${orderId}`, { token: alice });
    expect(order.body).toMatchObject({ total: { amount: 2 * product.price.amount, currency: 'EUR' } });
    const cart = await platform.request('GET', '/api/cart', { token: alice, headers: { 'x-consistency-token': String(checkout.body.cartConsistencyToken) } });
    expect(cart.body.items).toEqual([]);
    for (let waited = 0; waited < 10_000; waited += 100) {
      const read = await platform.request('GET', `/api/products/${productId}`);
      if ((read.body.stock as { available: number }).available === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await platform.request('GET', `/api/products/${productId}`)).body.stock).toEqual({ available: 1, inStock: true });
  });

  it('rejects an order for more than is left, and another customer cannot see or cancel it', async () => {
    const created = await platform.request('POST', '/api/products', { body: newProduct({ initialStock: 1 }) });
    const bob = await customer(platform, 'bob');
    const carol = await customer(platform, 'carol');
    const placed = await platform.request('POST', '/api/orders', { token: bob, body: { lines: [{ productId: created.body.id, quantity: 2 }] } });
    expect(placed.status).toBe(202);
    const orderId = String(placed.body.id ?? placed.body.orderId);
    expect(await statusOf(platform, bob, orderId, (status) => status !== 'placed')).toBe('rejected');
    expect((await platform.request('GET', `/api/orders/${orderId}`, { token: carol })).status).toBe(404);
    expect((await platform.request('POST', `/api/orders/${orderId}/cancel`, { token: carol, body: {} })).status).toBe(404);
  });

  it('a cancelled order gives its stock back', async () => {
    const created = await platform.request('POST', '/api/products', { body: newProduct({ initialStock: 2 }) });
    const productId = String(created.body.id);
    const dave = await customer(platform, 'dave');
    const placed = await platform.request('POST', '/api/orders', { token: dave, body: { lines: [{ productId, quantity: 2 }] } });
    const orderId = String(placed.body.id ?? placed.body.orderId);
    expect(await statusOf(platform, dave, orderId, (status) => status !== 'placed')).toBe('confirmed');
    expect((await platform.request('POST', `/api/orders/${orderId}/cancel`, { token: dave, body: {} })).status).toBe(202);
    expect(await statusOf(platform, dave, orderId, (status) => status === 'cancelled')).toBe('cancelled');
    let available = -1;
    for (let waited = 0; waited < 15_000 && available !== 2; waited += 100) {
      available = ((await platform.request('GET', `/api/products/${productId}`)).body.stock as { available: number }).available;
      if (available !== 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(available).toBe(2);
  });
});
