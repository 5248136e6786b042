/**
 * Issue 11, admin views, through the whole platform in one process: the orders list by amount,
 * per-SKU low-stock thresholds and the low-stock list, users with their order counts, and the
 * dead-letter queue with its replay.
 */
import { produceDeadLetter, usersProjectionGroup, waitForDeadLetter } from './admin-views.fixture';
import { loginAs, newProduct, startTestPlatform } from './harness';
import type { TestPlatform, TestResponse } from './harness';

jest.setTimeout(90_000);

const tokenOf = (response: TestResponse) => response.headers.get('x-consistency-token') as string;

describe('admin views', () => {
  let platform: TestPlatform;
  let customer: { id: string; token: string; email: string };

  /** A product at this price with plenty of stock; its id and SKU. */
  const product = async (price: { amount: number; currency: string }) => {
    const body = newProduct({ price, initialStock: 1000 });
    const created = await platform.request('POST', '/api/products', { body });
    expect(created.status).toBe(201);
    return { id: String(created.body.id), sku: String(body.sku) };
  };

  const placeOrder = async (productId: string, quantity: number) => {
    const placed = await platform.request('POST', '/api/orders', { token: customer.token, body: { lines: [{ productId, quantity }] } });
    expect(placed.status).toBe(202);
    return { orderId: String(placed.body.orderId), token: tokenOf(placed) };
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    const email = `admin-views.${Date.now()}@shop.test`;
    const password = 'Admin-Views-Passphrase-42';
    const registered = await platform.request('POST', '/api/auth/register', { anonymous: true, body: { email, password, name: 'Ada Views' } });
    expect(registered.status).toBe(201);
    customer = { id: String(registered.body.id), token: await loginAs(platform.baseUrl, email, password), email };
  });

  afterAll(async () => {
    await platform?.close();
  });

  describe('orders by amount and users with their orders', () => {
    let orders: Record<'small' | 'middle' | 'large' | 'dollars', string>;
    let lastToken: string;

    beforeAll(async () => {
      const [euros, dollars] = await Promise.all([product({ amount: 1000, currency: 'EUR' }), product({ amount: 2500, currency: 'USD' })]);
      const small = await placeOrder(euros.id, 1); // 10.00 EUR
      const middle = await placeOrder(euros.id, 3); // 30.00 EUR
      const large = await placeOrder(euros.id, 7); // 70.00 EUR
      const dollarOrder = await placeOrder(dollars.id, 2); // 50.00 USD
      orders = { small: small.orderId, middle: middle.orderId, large: large.orderId, dollars: dollarOrder.orderId };
      lastToken = dollarOrder.token;
    });

    const listIds = async (query: string) => {
      const listed = await platform.request('GET', `/api/admin/orders?customerId=${customer.id}&${query}`, { headers: { 'x-consistency-token': lastToken } });
      expect(listed.status).toBe(200);
      expect(listed.headers.get('x-read-consistency')).toBe('consistent');
      return (listed.body.items as Array<{ id: string }>).map((order) => order.id);
    };

    it('filters by total in one currency, both bounds inclusive, newest first', async () => {
      expect(await listIds('currency=EUR&minTotal=3000&maxTotal=7000')).toEqual([orders.large, orders.middle]);
      expect(await listIds('currency=EUR&minTotal=3001')).toEqual([orders.large]);
      expect(await listIds('currency=EUR&maxTotal=3000')).toEqual([orders.middle, orders.small]);
      expect(await listIds('currency=USD')).toEqual([orders.dollars]);
      expect(await listIds('currency=USD&maxTotal=4999')).toEqual([]);
      expect(await listIds('')).toEqual([orders.dollars, orders.large, orders.middle, orders.small]);
    });

    it('pages through an amount range with the cursor', async () => {
      const first = await platform.request('GET', `/api/admin/orders?customerId=${customer.id}&currency=EUR&minTotal=1000&limit=2`);
      expect((first.body.items as Array<{ id: string }>).map((order) => order.id)).toEqual([orders.large, orders.middle]);
      const second = await platform.request('GET', `/api/admin/orders?customerId=${customer.id}&currency=EUR&minTotal=1000&limit=2&cursor=${String(first.body.nextCursor)}`);
      expect((second.body.items as Array<{ id: string }>).map((order) => order.id)).toEqual([orders.small]);
      expect(second.body.nextCursor).toBeNull();
    });

    it.each([
      ['minTotal=100', 'query.currency'],
      ['currency=EUR&minTotal=500&maxTotal=400', 'query.maxTotal'],
      ['currency=EUR&minTotal=1.5', 'query.minTotal'],
      ['currency=EUR&maxTotal=-1', 'query.maxTotal'],
      ['currency=XXX', 'query.currency'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const refused = await platform.request('GET', `/api/admin/orders?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((refused.body.errors as Array<{ field: string }>).map((issue) => issue.field)).toContain(field);
    });

    it("shows each user's order count and placed totals per currency", async () => {
      const listed = await platform.request('GET', `/api/admin/users?q=${encodeURIComponent(customer.email)}`, { headers: { 'x-consistency-token': lastToken } });
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: customer.id, email: customer.email, orders: { count: 4, placedTotals: [{ amount: 11_000, currency: 'EUR' }, { amount: 5000, currency: 'USD' }] } }),
      ]);
      const everyone = await platform.request('GET', '/api/admin/users?limit=100');
      const admin = (everyone.body.items as Array<{ email: string; orders: unknown }>).find((user) => user.email === 'admin@shop.test');
      expect(admin?.orders).toEqual({ count: 0, placedTotals: [] });
    });
  });

  describe('low-stock thresholds and the low-stock list', () => {
    const setThreshold = (sku: string, threshold: unknown, token?: string) =>
      platform.request('PUT', `/api/admin/inventory/${sku}/low-stock-threshold`, { body: { threshold }, ...(token ? { token } : {}) });

    it('lists SKUs at or below their own threshold or the default, most short first', async () => {
      const stocked = async (initialStock: number) => {
        const body = newProduct({ initialStock });
        expect((await platform.request('POST', '/api/products', { body })).status).toBe(201);
        return String(body.sku);
      };
      const [ownShort, defaultShort, plenty, zeroThreshold, cleared] = await Promise.all([stocked(3), stocked(2), stocked(50), stocked(1), stocked(4)]);
      expect((await setThreshold(ownShort, 10)).status).toBe(202);
      expect((await setThreshold(plenty, 5)).status).toBe(202);
      expect((await setThreshold(zeroThreshold, 0)).status).toBe(202);
      expect((await setThreshold(cleared, 8)).status).toBe(202);
      const last = await setThreshold(cleared, null);
      expect(last.status).toBe(202);

      const listed = await platform.request('GET', '/api/admin/inventory/low-stock?defaultThreshold=4&limit=100', { headers: { 'x-consistency-token': tokenOf(last) } });
      expect(listed.status).toBe(200);
      expect(listed.headers.get('x-read-consistency')).toBe('consistent');
      expect(listed.body.defaultThreshold).toBe(4);
      const mine = (listed.body.items as Array<{ sku: string }>).filter((item) => [ownShort, defaultShort, plenty, zeroThreshold, cleared].includes(item.sku));
      expect(mine).toEqual([
        { sku: ownShort, available: 3, onHand: 3, reserved: 0, threshold: 10, thresholdSource: 'sku', shortfall: 7 },
        { sku: defaultShort, available: 2, onHand: 2, reserved: 0, threshold: 4, thresholdSource: 'default', shortfall: 2 },
        { sku: cleared, available: 4, onHand: 4, reserved: 0, threshold: 4, thresholdSource: 'default', shortfall: 0 },
      ]);
      const shortfalls = (listed.body.items as Array<{ shortfall: number }>).map((item) => item.shortfall);
      expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));

      // the LOW_STOCK_THRESHOLD setting (5) when the query names none: `cleared` (4) is low, `plenty` keeps its own 5
      const bySetting = await platform.request('GET', '/api/admin/inventory/low-stock?limit=100');
      expect(bySetting.body.defaultThreshold).toBe(5);
      expect((bySetting.body.items as Array<{ sku: string }>).map((item) => item.sku)).toEqual(expect.arrayContaining([ownShort, defaultShort, cleared]));
      expect((bySetting.body.items as Array<{ sku: string }>).map((item) => item.sku)).not.toContain(plenty);

      // the limit keeps the most short
      const top = await platform.request('GET', '/api/admin/inventory/low-stock?defaultThreshold=4&limit=1');
      expect(top.body.items).toHaveLength(1);
      expect((top.body.items as Array<{ shortfall: number }>)[0]?.shortfall).toBe(Math.max(...shortfalls));

      // the stock view keeps its meaning
      const stock = await platform.request('GET', `/api/inventory/${ownShort}`);
      expect(stock.body).toMatchObject({ sku: ownShort, onHand: 3, available: 3, reserved: 0 });
    });

    it('appends nothing for the same threshold again, and refuses bad ones naming the field', async () => {
      const body = newProduct({ initialStock: 9 });
      await platform.request('POST', '/api/products', { body });
      const sku = String(body.sku);
      const first = await setThreshold(sku, 6);
      const again = await setThreshold(sku, 6);
      expect(again.status).toBe(202);
      expect(again.body.revision).toBe(first.body.revision);
      expect((await platform.eventStore.readStream(`inventory-${sku}`)).filter((event) => event.type === 'LowStockThresholdSet')).toHaveLength(1);

      for (const threshold of [-1, 1.5, '3', 2 ** 31]) {
        const refused = await setThreshold(sku, threshold);
        expect({ threshold, status: refused.status }).toEqual({ threshold, status: 400 });
        expect((refused.body.errors as Array<{ field: string }>).map((issue) => issue.field)).toContain('threshold');
      }
      const missing = await platform.request('PUT', `/api/admin/inventory/${sku}/low-stock-threshold`, { body: {} });
      expect(missing.status).toBe(400);
      expect((await setThreshold('NO-SUCH-SKU-1', 3)).status).toBe(404);
      expect((await setThreshold(sku, 3, customer.token)).status).toBe(403);
      expect((await platform.request('GET', '/api/admin/inventory/low-stock', { token: customer.token })).status).toBe(403);
      expect((await platform.request('GET', '/api/admin/inventory/low-stock?limit=0')).status).toBe(400);
    });
  });

  describe('the dead-letter queue', () => {
    it('lists a real dead letter with where it came from and why', async () => {
      const { urlId, topic, partition, offset } = await produceDeadLetter(platform);
      const listed = await platform.request('GET', '/api/admin/dlq?limit=100');
      expect(listed.status).toBe(200);
      const entry = (listed.body.items as Array<Record<string, unknown>>).find((item) => item.id === urlId);
      expect(entry).toMatchObject({
        id: urlId,
        reason: expect.stringMatching(/magic byte|wire format/),
        attempts: 0,
        source: { kind: 'message', consumerGroup: usersProjectionGroup, topic, partition, offset, position: null },
        eventType: 'UserRegistered',
        replayable: true,
      });
      expect(Date.parse(String(entry?.at))).not.toBeNaN();
    });

    it('pages newest first with the cursor', async () => {
      await produceDeadLetter(platform);
      await produceDeadLetter(platform);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: TestResponse = await platform.request('GET', `/api/admin/dlq?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        ids.push(...(page.body.items as Array<{ id: string }>).map((item) => item.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      const all = (await platform.request('GET', '/api/admin/dlq?limit=100')).body.items as Array<{ id: string }>;
      expect(ids).toEqual(all.map((item) => item.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect((await platform.request('GET', '/api/admin/dlq?cursor=bm90LWpzb24')).status).toBe(400);
    });

    it('replays a dead letter to its topic once; the consumer reads the copy again', async () => {
      const { urlId, topic, partition, offset, letter } = await produceDeadLetter(platform);
      const endBefore = (await platform.log.endOffsets(topic))[partition] as number;
      const replayed = await platform.request('POST', `/api/admin/dlq/${urlId}/replay`);
      expect(replayed.status).toBe(202);
      expect(replayed.body).toMatchObject({ id: urlId, replayedTo: { topic, partition } });
      const copyOffset = (replayed.body.replayedTo as { offset: number }).offset;
      expect(copyOffset).toBeGreaterThanOrEqual(endBefore);

      const [copy] = await platform.log.read(topic, partition, copyOffset, 1);
      expect(copy?.value).toEqual(letter.value);
      expect(copy?.key).toBe(letter.key);
      expect(copy?.headers['dlq-replayed-from']).toBe(letter.id);
      // handled: the users projection read the copy, and (still not Avro) dead-lettered it from its new offset
      const again = await waitForDeadLetter(platform, topic, partition, copyOffset);
      expect(again.id).not.toBe(letter.id);
      expect(offset).toBeLessThan(copyOffset);

      const twice = await platform.request('POST', `/api/admin/dlq/${urlId}/replay`);
      expect(twice.status).toBe(409);
      expect(String(twice.body.detail)).toContain('already replayed');
      const endAfter = (await platform.log.endOffsets(topic))[partition] as number;
      expect(endAfter).toBe(copyOffset + 1);
    });

    it('publishes one copy when two replays race', async () => {
      const { urlId, topic, partition } = await produceDeadLetter(platform);
      const endBefore = (await platform.log.endOffsets(topic))[partition] as number;
      const answers = await Promise.all([1, 2, 3].map(() => platform.request('POST', `/api/admin/dlq/${urlId}/replay`)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409, 409]);
      expect((await platform.log.endOffsets(topic))[partition]).toBe(endBefore + 1);
    });

    it('answers 404 for an unknown dead letter, 400 for a malformed id, and only to admins', async () => {
      expect((await platform.request('POST', '/api/admin/dlq/0-999999/replay')).status).toBe(404);
      const malformed = await platform.request('POST', '/api/admin/dlq/zero/replay');
      expect(malformed.status).toBe(400);
      expect((malformed.body.errors as Array<{ field: string }>).map((issue) => issue.field)).toContain('params.id');
      expect((await platform.request('GET', '/api/admin/dlq', { token: customer.token })).status).toBe(403);
      expect((await platform.request('GET', '/api/admin/dlq', { anonymous: true })).status).toBe(401);
    });
  });
});
