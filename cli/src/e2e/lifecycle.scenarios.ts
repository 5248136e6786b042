import { newProduct } from './harness';
import type { PlatformUnderTest, TestResponse } from './harness';
import { rowAddress } from './lifecycle-steps.fixture';

type Body = Record<string, unknown>;

/** Reads until `until` holds (the processors and projections work asynchronously), or fails naming the last answer. */
async function eventually(platform: PlatformUnderTest, path: string, token: string | undefined, until: (body: Body) => boolean, what: string, timeoutMs = 45_000): Promise<Body> {
  let last: TestResponse | undefined;
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    last = await platform.request('GET', path, { token });
    if (last.status === 200 && until(last.body)) return last.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: ${path} answered ${String(last?.status)} ${JSON.stringify(last?.body).slice(0, 600)}`);
}

const accepted = (response: TestResponse, status = 202): TestResponse => {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response;
};

export function lifecycleJourneys(platform: () => PlatformUnderTest) {
  let serial = 0;
  const orderStatus = (token: string, orderId: string, status: string) =>
    eventually(platform(), `/api/orders/${orderId}`, token, (order) => order.status === status, `order ${orderId} to become ${status}`);

  async function customer(): Promise<{ token: string; userId: string }> {
    const email = `journey.${Date.now()}.${serial++}@lifecycle.test`;
    const password = 'Juniper-Lighthouse-Quartz-42';
    const registered = accepted(await platform().request('POST', '/api/auth/register', { anonymous: true, body: { email, password, name: 'Journey Customer' } }), 201);
    const login = accepted(await platform().request('POST', '/api/auth/login', { anonymous: true, body: { email, password } }), 200);
    return { token: String(login.body.accessToken), userId: String(registered.body.id) };
  }

  async function product(stock: number, amount: number): Promise<{ id: string; sku: string }> {
    const input = newProduct({ initialStock: stock, price: { amount, currency: 'EUR' } });
    const created = accepted(await platform().request('POST', '/api/products', { body: input }), 201);
    return { id: String(created.body.id), sku: input.sku };
  }

  async function confirmedOrder(token: string, lines: Array<{ productId: string; quantity: number }>): Promise<string> {
    const placed = accepted(await platform().request('POST', '/api/orders', { token, body: { lines, shippingAddress: rowAddress() } }));
    const orderId = String(placed.body.orderId);
    await orderStatus(token, orderId, 'confirmed');
    return orderId;
  }

  async function paid(token: string, orderId: string): Promise<string> {
    const payment = accepted(await platform().request('POST', `/api/orders/${orderId}/pay`, { token, body: { paymentMethod: 'pm_card_visa' } }));
    await orderStatus(token, orderId, 'paid');
    return String(payment.body.paymentId);
  }

  /** The admin dispatches and delivers the order's shipment, as the admin console would, from the order's view. */
  async function shippedAndDelivered(token: string, orderId: string): Promise<void> {
    const withShipment = await eventually(platform(), `/api/orders/${orderId}`, token, (order) => order.shipment !== null, `a shipment for order ${orderId}`);
    const shipmentId = String((withShipment.shipment as Body).shipmentId);
    const open = await eventually(platform(), '/api/admin/shipments?status=open&limit=100', undefined, (page) => (page.items as Body[]).some((item) => item.id === shipmentId), 'the shipment in the admin list');
    expect((open.items as Body[]).find((item) => item.id === shipmentId)).toMatchObject({ orderId, address: rowAddress() });
    accepted(await platform().request('POST', `/api/admin/shipments/${shipmentId}/dispatch`, { body: { carrier: 'La Poste', trackingNumber: 'LP-7781-0042' } }));
    const shipped = await orderStatus(token, orderId, 'shipped');
    expect(shipped.shipment).toMatchObject({ carrier: 'La Poste', trackingNumber: 'LP-7781-0042' });
    accepted(await platform().request('POST', `/api/admin/shipments/${shipmentId}/deliver`));
    await orderStatus(token, orderId, 'delivered');
  }

  const inventoryOf = (sku: string, until: (inventory: Body) => boolean, what: string) => eventually(platform(), `/api/inventory/${sku}`, undefined, until, what);

  return {
    'register → address → cart → checkout → pay → dispatch → deliver → accept: completed, held units sold': async () => {
      const { token } = await customer();
      const address = accepted(await platform().request('POST', '/api/me/addresses', { token, body: rowAddress() }), 201);
      const item = await product(10, 2_500);
      accepted(await platform().request('PUT', `/api/cart/items/${item.id}`, { token, body: { quantity: 2 } }));
      const checkout = accepted(await platform().request('POST', '/api/cart/checkout', { token, body: { shippingAddressId: String(address.body.id) } }));
      const orderId = String(checkout.body.orderId);
      const confirmed = await orderStatus(token, orderId, 'confirmed');
      expect(confirmed).toMatchObject({ total: { amount: 5_000, currency: 'EUR' }, shippingAddress: rowAddress() });
      const paymentId = await paid(token, orderId);
      expect(await eventually(platform(), `/api/payments/${paymentId}`, token, (payment) => payment.status === 'captured', 'the payment captured')).toMatchObject({ captured: { amount: 5_000, currency: 'EUR' } });
      await shippedAndDelivered(token, orderId);
      accepted(await platform().request('POST', `/api/orders/${orderId}/accept`, { token }));
      const completed = await orderStatus(token, orderId, 'completed');
      expect(completed.completion).toMatchObject({ acceptedBy: 'customer' });
      expect((completed.timeline as Body[]).map((entry) => entry.status)).toEqual(expect.arrayContaining(['placed', 'confirmed', 'paid', 'shipped', 'delivered', 'completed']));
      await inventoryOf(item.sku, (inventory) => inventory.sold === 2 && inventory.reserved === 0, 'the two held units sold');
      const inbox = await eventually(platform(), '/api/notifications', token, (page) => (page.items as Body[]).some((message) => message.kind === 'order_shipped'), 'the dispatch in the inbox');
      expect((inbox.items as Body[]).map((message) => message.kind)).toEqual(expect.arrayContaining(['order_confirmed', 'order_paid', 'order_shipped']));
      const illegal = await platform().request('POST', `/api/orders/${orderId}/cancel`, { token, body: {} });
      expect(illegal.status).toBe(409);
    },

    'two lines → one returned to stock → partial refund through the provider': async () => {
      const { token } = await customer();
      const [kept, sentBack] = [await product(5, 4_000), await product(5, 1_500)];
      const orderId = await confirmedOrder(token, [{ productId: kept.id, quantity: 1 }, { productId: sentBack.id, quantity: 2 }]);
      const paymentId = await paid(token, orderId);
      await shippedAndDelivered(token, orderId);
      accepted(await platform().request('POST', `/api/orders/${orderId}/return`, { token, body: { lines: [{ productId: sentBack.id, quantity: 2 }], reason: 'too small' } }));
      const requested = await orderStatus(token, orderId, 'return_requested');
      const shipmentId = String((requested.shipment as Body).shipmentId);
      await eventually(platform(), '/api/admin/shipments?status=return_requested&limit=100', undefined, (page) => (page.items as Body[]).some((item) => item.id === shipmentId), 'the shipment expecting the return');
      accepted(await platform().request('POST', `/api/admin/shipments/${shipmentId}/returned`, { body: { lines: [{ sku: sentBack.sku, restocked: 2, damaged: 0 }] } }));
      // The order's status comes from its stream, its refund from the payment's: two partitions, each in its own time.
      const refunded = await eventually(platform(), `/api/orders/${orderId}`, token, (order) => order.status === 'refunded' && (order.refund as Body | null)?.status !== 'pending', `order ${orderId} refunded, with its refund settled`);
      expect(refunded.refund).toMatchObject({ status: 'partially_refunded', succeeded: { amount: 3_000, currency: 'EUR' } });
      expect(await eventually(platform(), `/api/payments/${paymentId}`, token, (payment) => (payment.refunded as Body).amount === 3_000, 'the refund on the payment')).toMatchObject({ refundable: { amount: 4_000 } });
      await inventoryOf(sentBack.sku, (inventory) => inventory.returned === 2 && inventory.onHand === 5 && inventory.reserved === 0, 'the returned units back in stock');
      await inventoryOf(kept.sku, (inventory) => inventory.sold === 1 && inventory.onHand === 4, 'the kept unit sold');
    },

    'a declined card leaves the order confirmed; a retry with another card pays it': async () => {
      const { token } = await customer();
      const item = await product(3, 999);
      const orderId = await confirmedOrder(token, [{ productId: item.id, quantity: 1 }]);
      const declined = accepted(await platform().request('POST', `/api/orders/${orderId}/pay`, { token, body: { paymentMethod: 'pm_card_visa_chargeDeclined' } }));
      const payment = await eventually(platform(), `/api/payments/${String(declined.body.paymentId)}`, token, (view) => view.status === 'declined', 'the decline');
      expect(payment).toMatchObject({ declineCode: 'card_declined' });
      expect((await platform().request('GET', `/api/orders/${orderId}`, { token })).body.status).toBe('confirmed');
      await paid(token, orderId);
    },
  };
}

/** An order nobody pays expires when its payment window ends, and its stock comes back. */
export function expiryJourney(platform: () => PlatformUnderTest) {
  return async () => {
    const email = `expiry.${Date.now()}@lifecycle.test`;
    const password = 'Juniper-Lighthouse-Quartz-42';
    accepted(await platform().request('POST', '/api/auth/register', { anonymous: true, body: { email, password, name: 'Late Payer' } }), 201);
    const token = String(accepted(await platform().request('POST', '/api/auth/login', { anonymous: true, body: { email, password } }), 200).body.accessToken);
    const input = newProduct({ initialStock: 2 });
    const created = accepted(await platform().request('POST', '/api/products', { body: input }), 201);
    const placed = accepted(await platform().request('POST', '/api/orders', { token, body: { lines: [{ productId: String(created.body.id), quantity: 2 }], shippingAddress: rowAddress() } }));
    const orderId = String(placed.body.orderId);
    await eventually(platform(), `/api/orders/${orderId}`, token, (order) => order.status === 'expired', 'the order to expire');
    await eventually(platform(), `/api/inventory/${input.sku}`, undefined, (inventory) => inventory.available === 2 && inventory.reserved === 0, 'the stock back');
    expect((await platform().request('POST', `/api/orders/${orderId}/pay`, { token, body: { paymentMethod: 'pm_card_visa' } })).status).toBe(409);
  };
}
