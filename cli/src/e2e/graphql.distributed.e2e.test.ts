import { distributedStartHookMs, startDistributedPlatform } from './distributed';
import type { PlatformUnderTest } from './harness';
import { graphql, newCustomer, newProducts } from './graphql.fixture';

jest.setTimeout(180_000);

/**
 * GraphQL in the distributed topology: the gateway process resolves through the query and command
 * API processes' routes (their URLs), carrying the caller's principal as its proxy does.
 */
const describeIfServers = process.env.MONGO_URL ? describe : describe.skip;
if (!process.env.MONGO_URL) process.stdout.write('distributed GraphQL e2e skipped: set MONGO_URL (and KAFKA_BROKERS, SCHEMA_REGISTRY_URL) to run it\n');

describeIfServers('GraphQL through the gateway process (distributed)', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startDistributedPlatform();
  }, distributedStartHookMs);

  afterAll(async () => {
    await platform?.close();
  });

  it('answers a query and a mutation through the APIs\' processes, with their authorization', async () => {
    const catalog = await newProducts(platform, 2);
    const customer = await newCustomer(platform, 'dana');
    const products = await graphql<{ products: { nodes: Array<{ id: string; availability: { inStock: boolean } }> } }>(platform, 'query($category: String, $token: String) { products(category: $category, sort: PRICE, consistencyToken: $token) { nodes { id availability { inStock } } } }', {
      anonymous: true, variables: { category: catalog.category, token: catalog.consistencyToken },
    });
    expect(products.errors).toBeUndefined();
    expect(products.data?.products.nodes).toEqual(catalog.ids.map((id) => ({ id, availability: { inStock: true } })));

    const set = await graphql<{ setCartItem: { consistencyToken: string } }>(platform, `mutation { setCartItem(productId: "${catalog.ids[1]}", quantity: 3) { id revision position consistencyToken } }`, { token: customer.token });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setCartItem.consistencyToken).toMatch(/^[0-9]+\.[0-9]+\.cart-/);
    const cart = await graphql<{ cart: { customerId: string; items: Array<{ quantity: number; product: { id: string; sku: string } }> } }>(platform, 'query($token: String) { cart(consistencyToken: $token) { customerId items { quantity product { id sku } } } }', {
      token: customer.token, variables: { token: set.data?.setCartItem.consistencyToken },
    });
    expect(cart.data?.cart).toEqual({ customerId: customer.id, items: [{ quantity: 3, product: { id: catalog.ids[1], sku: catalog.skus[1] } }] });

    const refused = await graphql(platform, '{ users { nodes { id } } }', { token: customer.token });
    expect(refused.data).toEqual({ users: null });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const anonymous = await graphql(platform, '{ cart { items { quantity } } }', { anonymous: true });
    expect(anonymous.status).toBe(401);
  });
});
