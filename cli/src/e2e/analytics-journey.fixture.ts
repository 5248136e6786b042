/**
 * Drives a few orders through the real platform (processors included), as customers and admins
 * would, for the analytics and recommendations e2e: each step through the gateway, waiting on the
 * read models the way a client would.
 */
import { newProduct } from './harness';
import type { PlatformUnderTest, TestResponse } from './harness';
import { rowAddress } from './lifecycle-steps.fixture';

export type Body = Record<string, unknown>;

/** Reads until `until` holds (the processors and projections work asynchronously), or fails naming the last answer. */
export async function eventually(platform: PlatformUnderTest, path: string, options: { token?: string; anonymous?: boolean }, until: (body: Body) => boolean, what: string, timeoutMs = 45_000): Promise<Body> {
  let last: TestResponse | undefined;
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    last = await platform.request('GET', path, options);
    if (last.status === 200 && until(last.body)) return last.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: ${path} answered ${String(last?.status)} ${JSON.stringify(last?.body).slice(0, 800)}`);
}

export const accepted = (response: TestResponse, status = 202): TestResponse => {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response;
};

export function analyticsJourney(platform: PlatformUnderTest) {
  let serial = 0;
  const orderStatus = (token: string, orderId: string, status: string) => eventually(platform, `/api/orders/${orderId}`, { token }, (order) => order.status === status, `order ${orderId} to become ${status}`);

  const steps = {
    async customer(): Promise<string> {
      const email = `analytics.${Date.now()}.${serial++}@analytics.test`;
      const password = 'Juniper-Lighthouse-Quartz-42';
      accepted(await platform.request('POST', '/api/auth/register', { anonymous: true, body: { email, password, name: 'Analytics Customer' } }), 201);
      return String(accepted(await platform.request('POST', '/api/auth/login', { anonymous: true, body: { email, password } }), 200).body.accessToken);
    },

    /** A product the admin lists, with plenty of stock; its id. */
    async product(category: string, amount: number): Promise<string> {
      const created = accepted(await platform.request('POST', '/api/products', { body: newProduct({ category, initialStock: 100, price: { amount, currency: 'EUR' } }) }), 201);
      return String(created.body.id);
    },

    /** The customer's cart filled with `lines` and checked out; the order id once it is confirmed. */
    async checkedOutCart(token: string, lines: Array<{ productId: string; quantity: number }>): Promise<string> {
      const address = accepted(await platform.request('POST', '/api/me/addresses', { token, body: rowAddress() }), 201);
      for (const { productId, quantity } of lines) accepted(await platform.request('PUT', `/api/cart/items/${productId}`, { token, body: { quantity } }));
      const checkout = accepted(await platform.request('POST', '/api/cart/checkout', { token, body: { shippingAddressId: String(address.body.id) } }));
      const orderId = String(checkout.body.orderId);
      await orderStatus(token, orderId, 'confirmed');
      return orderId;
    },

    async confirmedOrder(token: string, lines: Array<{ productId: string; quantity: number }>): Promise<string> {
      const placed = accepted(await platform.request('POST', '/api/orders', { token, body: { lines, shippingAddress: rowAddress() } }));
      const orderId = String(placed.body.orderId);
      await orderStatus(token, orderId, 'confirmed');
      return orderId;
    },

    /** Paid by card through the sandbox; the payment id. */
    async paid(token: string, orderId: string): Promise<string> {
      const payment = accepted(await platform.request('POST', `/api/orders/${orderId}/pay`, { token, body: { paymentMethod: 'pm_card_visa' } }));
      await orderStatus(token, orderId, 'paid');
      return String(payment.body.paymentId);
    },

    /** Dispatched and delivered by the admin, then accepted by the customer. */
    async completed(token: string, orderId: string): Promise<void> {
      const withShipment = await eventually(platform, `/api/orders/${orderId}`, { token }, (order) => Boolean(order.shipment), `a shipment for order ${orderId}`);
      const shipmentId = String((withShipment.shipment as Body).shipmentId);
      await eventually(platform, '/api/admin/shipments?status=open&limit=100', {}, (page) => (page.items as Body[]).some((item) => item.id === shipmentId), 'the shipment in the admin list');
      accepted(await platform.request('POST', `/api/admin/shipments/${shipmentId}/dispatch`, { body: { carrier: 'La Poste', trackingNumber: 'LP-7781-0042' } }));
      await orderStatus(token, orderId, 'shipped');
      accepted(await platform.request('POST', `/api/admin/shipments/${shipmentId}/deliver`));
      await orderStatus(token, orderId, 'delivered');
      accepted(await platform.request('POST', `/api/orders/${orderId}/accept`, { token }));
      await orderStatus(token, orderId, 'completed');
    },

    async refunded(token: string, paymentId: string, amount: number): Promise<void> {
      accepted(await platform.request('POST', `/api/admin/payments/${paymentId}/refund`, { body: { amount: { amount, currency: 'EUR' }, reason: 'goodwill' } }));
      await eventually(platform, `/api/payments/${paymentId}`, { token }, (payment) => (payment.refunded as Body | undefined)?.amount === amount, 'the refund on the payment');
    },
  };
  return steps;
}
