import { newProduct, startTestPlatform } from './harness';
import { sandboxTwin } from './lifecycle-steps.fixture';
import type { TestPlatform } from './harness';

jest.setTimeout(60_000);

/** DESIGN §4.9: bad input gets a 4xx problem+json naming the field, never a 5xx, and changes nothing. */
describe('bad input through the gateway', () => {
  let platform: TestPlatform;
  let sku: string;
  let productId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const input = newProduct();
    sku = input.sku;
    productId = String((await platform.request('POST', '/api/products', { body: input })).body.id);
  });

  afterAll(async () => {
    await platform.close();
  });

  const fieldsOf = (body: Record<string, unknown>) => ((body.errors ?? []) as Array<{ field: string }>).map((error) => error.field);

  it.each([
    ['malformed JSON', { rawBody: '{"sku": "X1", "name": ' }, 400, 'body'],
    ['a price as a float', { body: newProduct({ price: { amount: 12.5, currency: 'EUR' } }) }, 400, 'price.amount'],
    ['a price as a string', { body: newProduct({ price: { amount: '1250', currency: 'EUR' } }) }, 400, 'price.amount'],
    ['a lower-case currency', { body: newProduct({ price: { amount: 1250, currency: 'eur' } }) }, 400, 'price.currency'],
    ['a negative price', { body: newProduct({ price: { amount: -1, currency: 'EUR' } }) }, 400, 'price.amount'],
    ['an unknown field', { body: { ...newProduct(), colour: 'red' } }, 400, 'colour'],
    ['a name of the wrong type', { body: newProduct({ name: 42 }) }, 400, 'name'],
    ['a missing name', { body: { ...newProduct(), name: undefined } }, 400, 'name'],
    ['a fractional initial stock', { body: newProduct({ initialStock: 1.5 }) }, 400, 'initialStock'],
    ['a negative initial stock', { body: newProduct({ initialStock: -4 }) }, 400, 'initialStock'],
    ['a malformed SKU', { body: newProduct({ sku: 'no spaces allowed' }) }, 400, 'sku'],
  ])('POST /api/products with %s → %i naming %s', async (_case, request, status, field) => {
    const headBefore = await platform.eventStore.headPosition();
    const response = await platform.request('POST', '/api/products', request);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(response.body)).toContain(field);
    expect(await platform.eventStore.headPosition()).toBe(headBefore);
  });

  it.each([
    ['a negative quantity', { quantity: -3 }, 'quantity'],
    ['a fractional quantity', { quantity: 2.5 }, 'quantity'],
    ['a zero quantity', { quantity: 0 }, 'quantity'],
    ['a quantity as a string', { quantity: '3' }, 'quantity'],
  ])('restock with %s → 400 naming the field', async (_case, body, field) => {
    const response = await platform.request('POST', `/api/inventory/${sku}/restock`, { body });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain(field);
  });

  it('an adjustment of zero is refused', async () => {
    const response = await platform.request('POST', `/api/inventory/${sku}/adjust`, { body: { delta: 0, reason: 'none' } });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain('delta');
  });

  it('an oversize body → 413', async () => {
    const response = await platform.request('POST', '/api/products', { body: newProduct({ description: 'x'.repeat(70_000) }) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('a body that is not JSON → 415', async () => {
    const response = await platform.request('POST', '/api/products', { rawBody: 'sku=X', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(415);
  });

  it.each([
    ['GET', '/api/products/6f1c3c2e-4b7a-4d2e-9a51-0c6b3f9e8d10', 404, undefined],
    ['PATCH', '/api/products/6f1c3c2e-4b7a-4d2e-9a51-0c6b3f9e8d10', 404, { name: 'x' }],
    ['GET', '/api/products/not-a-uuid', 400, undefined],
    ['POST', '/api/inventory/NO-SUCH-SKU/restock', 404, { quantity: 1 }],
    ['GET', '/api/nowhere', 404, undefined],
  ])('%s %s → %i', async (method, path, status, body) => {
    const response = await platform.request(method, path, body === undefined ? {} : { body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    ['an unknown sort', '/api/products?sort=colour', 'query.sort'],
    ['a fractional price bound', '/api/products?minPrice=9.99', 'query.minPrice'],
    ['an inverted price range', '/api/products?minPrice=500&maxPrice=100', 'query.minPrice'],
    ['a limit over 100', '/api/products?limit=1000', 'query.limit'],
    ['a forged cursor', '/api/products?cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
    ['an unknown parameter', '/api/products?colour=red', 'query.colour'],
  ])('search with %s → 400 naming %s', async (_case, path, field) => {
    const response = await platform.request('GET', path);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain(field);
  });

  it('a malformed If-Match → 400; a malformed consistency token → 400', async () => {
    const ifMatch = await platform.request('PATCH', `/api/products/${productId}`, { body: { name: 'x' }, headers: { 'if-match': 'yesterday' } });
    expect(ifMatch.status).toBe(400);
    expect(fieldsOf(ifMatch.body)).toContain('if-match');
    const token = await platform.request('GET', `/api/products/${productId}`, { headers: { 'x-consistency-token': 'garbage' } });
    expect(token.status).toBe(400);
  });

  const unknownId = '6f1c3c2e-4b7a-4d2e-9a51-0c6b3f9e8d10';
  const address = { recipient: 'Ada', line1: '1 Rue', city: 'Paris', postalCode: '75001', country: 'FR' };

  it.each([
    ['an unknown country', 'POST', '/api/me/addresses', { ...address, country: 'XX' }, 'country'],
    ['a lower-case country', 'POST', '/api/me/addresses', { ...address, country: 'fr' }, 'country'],
    ['a postal code with punctuation', 'POST', '/api/me/addresses', { ...address, postalCode: '75.001' }, 'postalCode'],
    ['an unknown address field', 'POST', '/api/me/addresses', { ...address, floor: 2 }, 'floor'],
    ['an order address and a saved one', 'POST', '/api/orders', { lines: [{ productId: unknownId, quantity: 1 }], shippingAddress: address, shippingAddressId: unknownId }, 'shippingAddressId'],
    ['a raw card number', 'POST', `/api/orders/${unknownId}/pay`, { paymentMethod: '4242424242424242' }, 'paymentMethod'],
    ['a refund of a float amount', 'POST', `/api/admin/payments/${unknownId}/refund`, { amount: { amount: 12.5, currency: 'EUR' }, reason: 'x' }, 'amount.amount'],
    ['a refund of nothing', 'POST', `/api/admin/payments/${unknownId}/refund`, { amount: { amount: 0, currency: 'EUR' }, reason: 'x' }, 'amount.amount'],
    ['a malformed tracking number', 'POST', `/api/admin/shipments/${unknownId}/dispatch`, { carrier: 'DHL', trackingNumber: 'no/slashes' }, 'trackingNumber'],
    ['a negative restocked count', 'POST', `/api/admin/shipments/${unknownId}/returned`, { lines: [{ sku: 'ABC-1', restocked: -1, damaged: 0 }] }, 'lines.0.restocked'],
    ['a return without a reason', 'POST', `/api/orders/${unknownId}/return`, { lines: [{ productId: unknownId, quantity: 1 }] }, 'reason'],
    ['SMS preferences with a local phone number', 'PUT', '/api/me/notification-preferences', { email: true, sms: true, phoneNumber: '0612345678' }, 'phoneNumber'],
  ])('%s → 400 naming the field, nothing appended', async (_case, method, path, body, field) => {
    const headBefore = await platform.eventStore.headPosition();
    const response = await platform.request(method, path, { body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(response.body)).toContain(field);
    expect(await platform.eventStore.headPosition()).toBe(headBefore);
  });

  it('a webhook is verified on its bytes as sent, through the gateway: a signed delivery is received, a tampered or unsigned one is 400', async () => {
    const event = { id: 'evt_bad_input', occurredAt: new Date().toISOString(), type: 'payment_succeeded' as const, paymentId: unknownId, providerReference: 'pi_x', amount: 100, currency: 'EUR' };
    const signed = sandboxTwin.signWebhook(event);
    // Spaces the gateway's JSON parser would not keep: the signature holds only over the raw bytes.
    const rawBody = signed.rawBody.toString('utf8').replace('{', '{ ');
    const headBefore = await platform.eventStore.headPosition();
    const received = await platform.request('POST', '/api/payments/webhooks/stripe', { anonymous: true, rawBody: signed.rawBody.toString('utf8'), headers: signed.headers });
    expect(received.status).toBe(200);
    expect(received.body).toEqual({ received: true, eventId: 'evt_bad_input', applied: false });
    for (const headers of [signed.headers, {}]) {
      const refused = await platform.request('POST', '/api/payments/webhooks/stripe', { anonymous: true, rawBody, headers });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(refused.body)).toContain('headers.sandbox-signature');
    }
    expect(await platform.eventStore.headPosition()).toBe(headBefore);
  });
});
