import { createLogger } from '@ecommerce/platform';
import { analyticsProjection, coPurchasesProjection, rebuildProjection } from '@ecommerce/projections';
import { analyticsViewSchema } from '@ecommerce/query-api/src/analytics';
import { recommendationsViewSchema } from '@ecommerce/query-api/src/recommendations';
import { startTestPlatform } from './harness';
import type { TestPlatform } from './harness';
import { accepted, analyticsJourney, eventually } from './analytics-journey.fixture';
import type { Body } from './analytics-journey.fixture';

jest.setTimeout(180_000);

const dayMs = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const euros = (amount: number) => ({ amount, currency: 'EUR' });
const fieldsOf = (body: Body) => ((body.errors ?? []) as Array<{ field: string }>).map((error) => error.field);

/**
 * Issue 11, items 4 and 5, through the gateway of the whole platform: four orders (one from a
 * cart), three paid, two completed, one partly refunded; the admins' analytics add them up and the
 * catalog recommends what was bought together.
 */
describe('analytics and recommendations (embedded platform)', () => {
  let platform: TestPlatform;
  let customer: string;
  const products = { mug: '', pan: '', shoe: '', sock: '' };
  // around today, so that a run across midnight UTC still finds every order
  const range = `from=${dayOf(Date.now() - dayMs)}&to=${dayOf(Date.now() + dayMs)}`;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const journey = analyticsJourney(platform);
    customer = await journey.customer();
    products.mug = await journey.product('kitchen', 2_500);
    products.pan = await journey.product('kitchen', 1_000);
    products.shoe = await journey.product('sports', 4_000);
    products.sock = await journey.product('sports', 700);
    const { mug, pan, shoe, sock } = products;
    const first = await journey.checkedOutCart(customer, [{ productId: mug, quantity: 2 }, { productId: pan, quantity: 1 }, { productId: shoe, quantity: 1 }]);
    const second = await journey.confirmedOrder(customer, [{ productId: mug, quantity: 1 }, { productId: shoe, quantity: 1 }, { productId: sock, quantity: 1 }]);
    const third = await journey.confirmedOrder(customer, [{ productId: mug, quantity: 1 }, { productId: pan, quantity: 1 }]);
    await journey.confirmedOrder(customer, [{ productId: pan, quantity: 1 }]);
    for (const orderId of [first, second]) {
      await journey.paid(customer, orderId);
      await journey.completed(customer, orderId);
    }
    await journey.refunded(customer, await journey.paid(customer, third), 500);
    // a second cart, not checked out
    accepted(await platform.request('PUT', `/api/cart/items/${mug}`, { token: customer, body: { quantity: 1 } }));
    accepted(await platform.request('DELETE', `/api/products/${sock}`));
    await eventually(platform, `/api/products/${sock}`, {}, (product) => product.status === 'discontinued', 'the sock discontinued');
  }, 240_000);

  afterAll(() => platform?.close());

  it('adds up orders, revenue, refunds, categories, conversion and average order value', async () => {
    const view = await eventually(platform, `/api/admin/analytics?${range}`, {}, (body) => {
      const totals = body.totals as Body;
      return totals.ordersPaid === 3 && totals.cartsCreated === 2 && (totals.refunds as unknown[]).length === 1;
    }, 'the analytics to count every order');
    expect(view.totals).toEqual({
      ordersPlaced: 4, ordersPaid: 3, cartsCreated: 2, cartsCheckedOut: 1,
      // 2 × 25.00 + 10.00 + 40.00, then 25.00 + 40.00 + 7.00, then 25.00 + 10.00
      revenue: [euros(10_000 + 7_200 + 3_500)],
      refunds: [{ currency: 'EUR', count: 1, amount: 500 }],
      categories: [
        { category: 'kitchen', ordersPlaced: 4, ordersPaid: 3, unitsSold: 6, revenue: [euros(12_000)] },
        { category: 'sports', ordersPlaced: 2, ordersPaid: 2, unitsSold: 3, revenue: [euros(8_700)] },
      ],
    });
    expect(analyticsViewSchema.safeParse(view).error).toBeUndefined();
    expect(view.conversion).toEqual({ cartsCreated: 2, cartsCheckedOut: 1, ordersPlaced: 4, ordersPaid: 3, cartToOrder: 0.5, orderToPaid: 0.75 });
    expect(view.averageOrderValue).toEqual([euros(6_900)]);
    const days = view.days as Body[];
    expect(days).toHaveLength(3);
    expect(days.reduce((sum, day) => sum + Number(day.ordersPlaced), 0)).toBe(4);
    expect(days[0]).toMatchObject({ ordersPlaced: 0, revenue: [] });
  });

  it('recommends what completed orders held together, most often first, without discontinued products', async () => {
    const { mug, pan, shoe, sock } = products;
    const idsOf = (body: Body) => (body.items as Body[]).map((item) => [item.id, item.boughtTogether]);
    const forMug = await eventually(platform, `/api/products/${mug}/recommendations`, { anonymous: true }, (body) => (body.items as Body[]).length === 2, 'the recommendations for the mug');
    expect(idsOf(forMug)).toEqual([[shoe, 2], [pan, 1]]);
    expect(recommendationsViewSchema.safeParse(forMug).error).toBeUndefined();
    expect((forMug.items as Body[])[0]).toMatchObject({ category: 'sports', price: euros(4_000), status: 'active', stock: { inStock: true } });
    expect(idsOf(await eventually(platform, `/api/products/${shoe}/recommendations`, {}, () => true, 'shoe'))).toEqual([[mug, 2], [pan, 1]]);
    expect(idsOf((await platform.request('GET', `/api/products/${mug}/recommendations?limit=1`, { token: customer })).body)).toEqual([[shoe, 2]]);
    // the third order (mug and pan) was paid, not completed: the pair counts only the first order
    expect(idsOf((await platform.request('GET', `/api/products/${pan}/recommendations`, { anonymous: true })).body)).toEqual([mug, shoe].sort().map((id) => [id, 1]));
    // a discontinued product still has recommendations of its own
    expect(idsOf((await platform.request('GET', `/api/products/${sock}/recommendations`, { anonymous: true })).body)).toEqual([[mug, 1], [shoe, 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });

  it('answers 404 for an unknown product, 400 for a bad limit', async () => {
    const unknown = await platform.request('GET', '/api/products/00000000-0000-4000-8000-000000000000/recommendations', { anonymous: true });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    for (const limit of ['0', '21', 'many']) {
      const response = await platform.request('GET', `/api/products/${products.mug}/recommendations?limit=${limit}`, { anonymous: true });
      expect({ limit, status: response.status, fields: fieldsOf(response.body) }).toEqual({ limit, status: 400, fields: ['query.limit'] });
    }
    expect(fieldsOf((await platform.request('GET', '/api/products/not-an-id/recommendations', { anonymous: true })).body)).toEqual(['params.id']);
  });

  it('answers the same after both read models are rebuilt from the event store', async () => {
    const before = await Promise.all([platform.request('GET', `/api/admin/analytics?${range}`), platform.request('GET', `/api/products/${products.mug}/recommendations`)]);
    for (const projection of [analyticsProjection, coPurchasesProjection]) {
      const { version } = await rebuildProjection({ projection, eventStore: platform.eventStore, readStore: platform.readStore, logger: createLogger({ level: 'silent' }) });
      expect(version).toBe(2);
      await platform.projectionSwitched(projection.name, 2);
    }
    // past the second for which the query API remembers the versions it served (query-api/src/active-version.ts)
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await Promise.all([platform.request('GET', `/api/admin/analytics?${range}`), platform.request('GET', `/api/products/${products.mug}/recommendations`)]);
    expect(after.map((response) => response.body)).toEqual(before.map((response) => response.body));
    expect((after[1]?.body.items as Body[]).length).toBe(2);
  });

  it('lets admins only read the analytics', async () => {
    expect((await platform.request('GET', `/api/admin/analytics?${range}`, { anonymous: true })).status).toBe(401);
    expect((await platform.request('GET', `/api/admin/analytics?${range}`, { token: customer })).status).toBe(403);
    expect((await platform.request('GET', `/api/admin/analytics?${range}`)).status).toBe(200);
  });

  it.each([
    ['no range', '', 'query.from'],
    ['a malformed date', 'from=2024-13-01&to=2024-12-31', 'query.from'],
    ['an inverted range', 'from=2024-05-02&to=2024-05-01', 'query.to'],
    ['a range over 366 days', 'from=2024-01-01&to=2025-01-01', 'query.to'],
    ['an unknown parameter', 'from=2024-01-01&to=2024-01-02&currency=EUR', 'query.currency'],
  ])('answers 400 problem+json naming the field for %s', async (_case, query, field) => {
    const response = await platform.request('GET', `/api/admin/analytics?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(fieldsOf(response.body)).toContain(field);
  });
});
