import { startTestPlatform } from './harness';
import type { TestPlatform } from './harness';
import { rowAddress } from './lifecycle-steps.fixture';
import { eventually, graphql, newCustomer, newProducts } from './graphql.fixture';
import type { Document, ReadCollection, ReadStore } from '@ecommerce/platform';

jest.setTimeout(120_000);

interface OrderNode {
  id: string;
  status: string;
  lines: Array<{ productId: string; quantity: number; product: { id: string; name: string; availability: { available: number } } | null }>;
  timeline: Array<{ event: string; status: string }>;
}

const orderFields = 'id status total { amount currency } lines { productId quantity product { id name availability { available } } } timeline { event status }';

/**
 * Every read of a product document in the read store, whatever asks for it: the GraphQL batch
 * must make one read for a whole page, where one per line would be N+1.
 */
function countProductReads(readStore: ReadStore) {
  const reads: Array<{ method: 'find' | 'findOne'; filter: unknown }> = [];
  const collection = readStore.collection.bind(readStore);
  readStore.collection = <T extends Document>(name: string): ReadCollection<T> => {
    const inner = collection<T>(name);
    if (!name.startsWith('products_')) return inner;
    return {
      ...inner,
      name: inner.name,
      find: (filter, options) => (reads.push({ method: 'find', filter }), inner.find(filter, options)),
      findOne: (filter) => (reads.push({ method: 'findOne', filter }), inner.findOne(filter)),
    };
  };
  return { reads, restore: () => void (readStore.collection = collection) };
}

describe('GraphQL through the gateway (embedded platform)', () => {
  let platform: TestPlatform;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };
  let catalog: Awaited<ReturnType<typeof newProducts>>;

  beforeAll(async () => {
    platform = await startTestPlatform();
    [alice, bob] = [await newCustomer(platform, 'alice'), await newCustomer(platform, 'bob')];
    catalog = await newProducts(platform, 3);
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('searches the catalog with filters and cursor pages, anonymously', async () => {
    const query = `query Page($category: String, $after: String, $token: String) {
      products(first: 2, after: $after, category: $category, minPrice: 1000, sort: PRICE_DESC, consistencyToken: $token) {
        nodes { id name price { amount currency } availability { available inStock } }
        pageInfo { hasNextPage endCursor }
      } }`;
    type Page = { products: { nodes: Array<{ id: string; price: { amount: number }; availability: { available: number; inStock: boolean } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const first = await graphql<Page>(platform, query, { anonymous: true, variables: { category: catalog.category, token: catalog.consistencyToken } });
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    expect(first.data?.products.nodes.map((node) => node.id)).toEqual([catalog.ids[2], catalog.ids[1]]);
    expect(first.data?.products.nodes[0]?.price).toEqual({ amount: 1200, currency: 'EUR' });
    expect(first.data?.products.pageInfo.hasNextPage).toBe(true);
    const second = await graphql<Page>(platform, query, { anonymous: true, variables: { category: catalog.category, after: first.data?.products.pageInfo.endCursor } });
    expect(second.data?.products.nodes.map((node) => node.id)).toEqual([catalog.ids[0]]);
    expect(second.data?.products.pageInfo).toEqual({ hasNextPage: false, endCursor: null });

    const one = await graphql<{ product: { sku: string; availability: { inStock: boolean } } | null }>(platform, `{ product(id: "${catalog.ids[0]}") { sku availability { inStock } } }`, { anonymous: true });
    expect(one.data?.product).toEqual({ sku: catalog.skus[0], availability: { inStock: true } });
    const unknown = await graphql(platform, '{ product(id: "00000000-0000-4000-8000-000000000000") { id } }', { anonymous: true });
    expect(unknown.data).toEqual({ product: null });
  });

  it('runs the customer\'s commands as mutations with their consistency tokens: cart, checkout, pay', async () => {
    const [productId] = catalog.ids as [string];
    const setItem = await graphql<{ setCartItem: { id: string; revision: number; consistencyToken: string } }>(platform, `mutation { setCartItem(productId: "${productId}", quantity: 2) { id revision consistencyToken } }`, { token: alice.token });
    expect(setItem.errors).toBeUndefined();
    expect(setItem.data?.setCartItem.consistencyToken).toMatch(/^[0-9]+\.[0-9]+\.cart-/);

    const cart = await graphql<{ cart: { customerId: string; items: Array<{ quantity: number; product: { id: string } }> } }>(platform, 'query($token: String) { cart(consistencyToken: $token) { customerId items { quantity product { id } } } }', { token: alice.token, variables: { token: setItem.data?.setCartItem.consistencyToken } });
    expect(cart.data?.cart).toEqual({ customerId: alice.id, items: [{ quantity: 2, product: { id: productId } }] });

    const address = await platform.request('POST', '/api/me/addresses', { token: alice.token, body: rowAddress() });
    const checkout = `mutation($address: ID) { checkout(shippingAddressId: $address, idempotencyKey: "checkout-alice-1") { id orderId revision position consistencyToken cartConsistencyToken order { ${orderFields} } } }`;
    const placed = await graphql<{ checkout: { orderId: string; consistencyToken: string; position: number; order: OrderNode } }>(platform, checkout, { token: alice.token, variables: { address: address.body.id } });
    expect(placed.errors).toBeUndefined();
    const { orderId, consistencyToken, order } = placed.data?.checkout as { orderId: string; consistencyToken: string; order: OrderNode };
    expect(consistencyToken).toMatch(new RegExp(`^[0-9]+\\.[0-9]+\\.order-${orderId}$`));
    // read after the write: the order carries its lines and, batched, their products
    expect(order.lines).toEqual([{ productId, quantity: 2, product: { id: productId, name: 'Graph Kettle 0', availability: { available: expect.any(Number) } } }]);
    expect(order.timeline[0]?.event).toBe('OrderPlaced');
    const repeated = await graphql<{ checkout: { orderId: string } }>(platform, checkout, { token: alice.token, variables: { address: address.body.id } });
    expect(repeated.data?.checkout.orderId).toBe(orderId);

    const orderQuery = `query($id: ID!) { order(id: $id) { ${orderFields} } }`;
    await eventually('the order confirmed', () => graphql<{ order: OrderNode }>(platform, orderQuery, { token: alice.token, variables: { id: orderId } }), (answer) => answer.data?.order?.status === 'confirmed');
    const paid = await graphql<{ payOrder: { paymentId: string; orderId: string; consistencyToken: string } }>(platform, `mutation { payOrder(orderId: "${orderId}", paymentMethod: "pm_card_visa") { paymentId orderId consistencyToken } }`, { token: alice.token });
    expect(paid.errors).toBeUndefined();
    expect(paid.data?.payOrder).toEqual({ paymentId: expect.any(String), orderId, consistencyToken: expect.stringMatching(/^[0-9]+\.[0-9]+\.payment-/) });
    const paidOrder = await eventually('the order paid', () => graphql<{ order: OrderNode }>(platform, orderQuery, { token: alice.token, variables: { id: orderId } }), (answer) => answer.data?.order.status === 'paid');
    expect(paidOrder.data?.order.timeline.map((entry) => entry.status)).toEqual(expect.arrayContaining(['placed', 'confirmed', 'paid']));

    const mine = await graphql<{ myOrders: { nodes: Array<{ id: string }> } }>(platform, '{ myOrders { nodes { id } } }', { token: alice.token });
    expect(mine.data?.myOrders.nodes.map((node) => node.id)).toContain(orderId);
    const inbox = await eventually('a notification', () => graphql<{ myNotifications: { nodes: Array<{ kind: string }>; unread: number } }>(platform, '{ myNotifications(first: 50) { nodes { kind } unread } }', { token: alice.token }), (answer) => (answer.data?.myNotifications.nodes.length ?? 0) > 0);
    expect(inbox.data?.myNotifications.unread).toBeGreaterThan(0);

    // another customer: the order reads as if it did not exist, and is not in their list
    const asBob = await graphql<{ order: unknown; myOrders: { nodes: Array<{ id: string }> } }>(platform, `{ order(id: "${orderId}") { id } myOrders { nodes { id } } }`, { token: bob.token });
    expect(asBob.errors).toBeUndefined();
    expect(asBob.data).toEqual({ order: null, myOrders: { nodes: [] } });
    // a domain refusal is a GraphQL error with its code, never a 500
    const cancelAsBob = await graphql(platform, `mutation { cancelOrder(orderId: "${orderId}") { id } }`, { token: bob.token });
    expect(cancelAsBob.status).toBe(200);
    expect(cancelAsBob.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });

    // the admin sees it among every customer's orders
    const admin = await graphql<{ orders: { nodes: Array<{ id: string; customerId: string }> } }>(platform, `{ orders(customerId: "${alice.id}", status: "paid") { nodes { id customerId } } }`);
    expect(admin.data?.orders.nodes).toEqual([{ id: orderId, customerId: alice.id }]);
  });

  it('refuses admin fields to a customer and signed-in fields to anonymous callers, as REST does', async () => {
    const customer = await graphql(platform, `{ products(first: 1) { nodes { id } } users { nodes { id } } stock(sku: "${catalog.skus[0]}") { onHand } }`, { token: alice.token });
    expect(customer.status).toBe(200);
    expect(customer.data).toEqual({ products: { nodes: [expect.objectContaining({ id: expect.any(String) })] }, users: null, stock: null });
    expect(customer.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.status])).toEqual(expect.arrayContaining([[['users'], 'FORBIDDEN', 403], [['stock'], 'FORBIDDEN', 403]]));

    const admin = await graphql<{ users: { nodes: unknown[] }; stock: { onHand: number }; shipments: { nodes: unknown[] } }>(platform, `{ users(first: 5) { nodes { id email role } } stock(sku: "${catalog.skus[1]}") { onHand } shipments { nodes { id } } }`);
    expect(admin.errors).toBeUndefined();
    expect(admin.data?.users.nodes.length).toBeGreaterThan(0);
    expect(admin.data?.stock.onHand).toBe(50);

    for (const query of ['{ cart { items { quantity } } }', '{ myOrders { nodes { id } } }', `mutation { setCartItem(productId: "${catalog.ids[0]}", quantity: 1) { id } }`]) {
      const anonymous = await graphql(platform, query, { anonymous: true });
      expect({ query, status: anonymous.status, code: anonymous.errors?.[0]?.extensions?.code }).toEqual({ query, status: 401, code: 'UNAUTHENTICATED' });
      expect(anonymous.response.headers.get('www-authenticate')).toBe('Bearer');
    }
    const badToken = await platform.request('POST', '/graphql', { token: 'not.a.token', body: { query: '{ products { nodes { id } } }' } });
    expect(badToken.status).toBe(401);
  });

  it('answers the sales analytics to admins only, with the figures of an order placed and paid', async () => {
    const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    // around today, so that a run across midnight UTC still counts the order
    const now = Date.now();
    const range = { from: dayOf(now - 86_400_000), to: dayOf(now + 86_400_000) };
    const products = await newProducts(platform, 2);
    const customer = await newCustomer(platform, 'dave');
    const placed = await platform.request('POST', '/api/orders', { token: customer.token, body: { lines: [{ productId: products.ids[0], quantity: 2 }, { productId: products.ids[1], quantity: 1 }], shippingAddress: rowAddress() } });
    expect(placed.status).toBe(202);
    const orderId = String(placed.body.orderId);
    const orderQuery = `query($id: ID!) { order(id: $id) { id status } }`;
    await eventually('the order confirmed', () => graphql<{ order: { status: string } }>(platform, orderQuery, { token: customer.token, variables: { id: orderId } }), (answer) => answer.data?.order?.status === 'confirmed');
    const paid = await graphql(platform, `mutation { payOrder(orderId: "${orderId}", paymentMethod: "pm_card_visa") { paymentId } }`, { token: customer.token });
    expect(paid.errors).toBeUndefined();
    await eventually('the order paid', () => graphql<{ order: { status: string } }>(platform, orderQuery, { token: customer.token, variables: { id: orderId } }), (answer) => answer.data?.order.status === 'paid');

    const analytics = `query($from: String!, $to: String!) { analytics(from: $from, to: $to) {
      from to days { date ordersPlaced } totals { ordersPlaced ordersPaid revenue { amount currency } categories { category ordersPlaced ordersPaid unitsSold revenue { amount currency } } }
      conversion { ordersPlaced ordersPaid orderToPaid } averageOrderValue { amount currency } } }`;
    type Category = { category: string; ordersPlaced: number; ordersPaid: number; unitsSold: number; revenue: Array<{ amount: number; currency: string }> };
    type View = { analytics: { from: string; to: string; days: Array<{ date: string; ordersPlaced: number }>; totals: { ordersPlaced: number; ordersPaid: number; revenue: Array<{ amount: number }>; categories: Category[] }; conversion: { ordersPlaced: number; ordersPaid: number; orderToPaid: number | null }; averageOrderValue: unknown[] } };

    const refused = await graphql<View>(platform, analytics, { token: customer.token, variables: range });
    expect(refused.status).toBe(200);
    expect(refused.data).toEqual({ analytics: null });
    expect(refused.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.status])).toEqual([[['analytics'], 'FORBIDDEN', 403]]);

    // the products' category is fresh: its figures are this order's alone (2 × 10.00 + 11.00), whatever other tests ordered
    const mine = (view: View | null | undefined) => view?.analytics.totals.categories.find((entry) => entry.category === products.category);
    const answer = await eventually('the analytics to count the paid order', () => graphql<View>(platform, analytics, { variables: range }), (reply) => mine(reply.data)?.ordersPaid === 1);
    expect(answer.errors).toBeUndefined();
    expect(mine(answer.data)).toEqual({ category: products.category, ordersPlaced: 1, ordersPaid: 1, unitsSold: 3, revenue: [{ amount: 3100, currency: 'EUR' }] });
    const view = answer.data?.analytics as View['analytics'];
    expect({ from: view.from, to: view.to, days: view.days.map((day) => day.date) }).toEqual({ ...range, days: [range.from, dayOf(now), range.to] });
    expect(view.conversion).toMatchObject({ ordersPlaced: view.totals.ordersPlaced, ordersPaid: view.totals.ordersPaid });
    expect(view.totals.ordersPaid).toBeGreaterThanOrEqual(1);
    expect(view.averageOrderValue).toHaveLength(1);

    // bad input is the API's 400, naming the field
    const bad = await graphql(platform, analytics, { variables: { from: range.to, to: range.from } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', status: 400, errors: [{ field: 'query.to', message: 'must not be before from' }] });
  });

  it('reads a page of orders with their products in one read of the products, not one per line (no N+1)', async () => {
    const products = await newProducts(platform, 3);
    const customer = await newCustomer(platform, 'carol');
    let lastToken = '';
    for (let order = 0; order < 5; order++) {
      const placed = await platform.request('POST', '/api/orders', { token: customer.token, body: { lines: products.ids.map((productId) => ({ productId, quantity: 1 })), shippingAddress: rowAddress() } });
      expect(placed.status).toBe(202);
      lastToken = String(placed.body.consistencyToken);
    }
    const page = `query($token: String) { myOrders(first: 20, consistencyToken: $token) { nodes { ${orderFields} } } }`;
    // settle first: every order confirmed and its reservations in the products' availability, so the projections read nothing meanwhile
    await eventually('all confirmed', () => graphql<{ myOrders: { nodes: OrderNode[] } }>(platform, page, { token: customer.token, variables: { token: lastToken } }),
      (answer) => answer.data?.myOrders.nodes.length === 5 && answer.data.myOrders.nodes.every((node) => node.status === 'confirmed' && node.lines.every((line) => line.product?.availability.available === 45)));

    const counter = countProductReads(platform.readStore);
    let answer;
    try {
      answer = await graphql<{ myOrders: { nodes: OrderNode[] } }>(platform, page, { token: customer.token });
    } finally {
      counter.restore();
    }
    const lines = answer.data?.myOrders.nodes.flatMap((node) => node.lines) ?? [];
    expect(lines).toHaveLength(15);
    expect(lines.every((line) => line.product !== null)).toBe(true);
    expect(counter.reads).toEqual([{ method: 'find', filter: { _id: { $in: expect.arrayContaining(products.ids) } } }]);
  });

  it('refuses queries past the depth and cost limits with a clear error, before running them', async () => {
    // the graph has no cycles; `__type` (unlike `__schema`, which GraphiQL uses) is not exempt, and nests as deep as asked
    const tooDeep = await graphql(platform, '{ __type(name: "Order") { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } }', { anonymous: true });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.data ?? null).toBeNull();
    expect(tooDeep.errors).toEqual([expect.objectContaining({ message: 'query depth 9 exceeds the limit of 8', extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP', limit: 8, found: 9 }) })]);

    const page = 'products(first: 100) { nodes { id name price { amount currency } availability { available inStock } } }';
    const costly = await graphql(platform, `{ a: ${page} b: ${page} c: ${page} d: ${page} }`, { anonymous: true });
    expect(costly.status).toBe(400);
    expect(costly.data ?? null).toBeNull();
    expect(costly.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^query cost [0-9.]+ exceeds the limit of 10000$/), extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY', limit: 10_000 }) })]);
    // three such pages are within it
    expect((await graphql(platform, `{ a: ${page} b: ${page} c: ${page} }`, { anonymous: true })).errors).toBeUndefined();

    const introspection = await graphql<{ __schema: { queryType: { name: string } } }>(platform, '{ __schema { queryType { name } types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }', { anonymous: true });
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.__schema.queryType.name).toBe('Query');
  });

  it('serves GraphiQL on GET outside production, queries (not mutations) in the URL, and refuses what is not GraphQL', async () => {
    const page = await fetch(`${platform.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('GraphiQL');
    const query = await platform.request('GET', `/graphql?query=${encodeURIComponent('{ products(first: 1) { nodes { id } } }')}`, { anonymous: true });
    expect(query.status).toBe(200);
    expect((query.body.data as { products: { nodes: unknown[] } }).products.nodes).toHaveLength(1);
    const mutation = await platform.request('GET', `/graphql?query=${encodeURIComponent(`mutation { removeCartItem(productId: "${catalog.ids[0]}") { id } }`)}`, { token: alice.token });
    expect(mutation.status).toBe(405);

    // not GraphQL at all: a 400 naming the field, as REST names it
    const noQuery = await platform.request('POST', '/graphql', { body: { variables: {} }, anonymous: true });
    expect(noQuery.status).toBe(400);
    expect((noQuery.body.errors as Array<{ extensions: unknown }>)[0]?.extensions).toEqual({ code: 'BAD_REQUEST', status: 400, errors: [{ field: 'body.query', message: expect.any(String) }] });
    // keys GraphQL does not read are ignored: a "then" made the request a 500 (schemathesis, seed 816193523)
    const extraKeys = await platform.request('POST', '/graphql', { body: { '': true, then: [], query: '0' }, anonymous: true });
    expect({ status: extraKeys.status, message: (extraKeys.body.errors as Array<{ message: string }>)[0]?.message }).toEqual({ status: 200, message: expect.stringMatching(/Syntax Error/) });
    const ignored = await platform.request('POST', '/graphql', { body: { then: [], query: '{ __typename }' }, anonymous: true });
    expect({ status: ignored.status, data: ignored.body.data }).toEqual({ status: 200, data: { __typename: 'Query' } });
    const badVariables = await platform.request('GET', '/graphql?query=%7B__typename%7D&variables=%7Bnot-json', { anonymous: true });
    expect(badVariables.status).toBe(400);
    expect((badVariables.body.errors as Array<{ extensions: { errors: unknown } }>)[0]?.extensions.errors).toEqual([{ field: 'query.variables', message: 'must be a JSON object' }]);
  });
});
