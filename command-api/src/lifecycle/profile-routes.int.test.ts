import { randomId } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import { notificationsDecider, notificationStreamId, orderStreamId } from '@ecommerce/domain';
import { handleCommand } from '../handle-command';
import { startTestApp, testAddress, userIdOf } from './test-app.fixture';
import type { TestApp } from './test-app.fixture';

const unknownId = '00000000-0000-4000-8000-0000000000ff';
let serial = 100;
const newCustomer = (): Principal => ({ sub: userIdOf((serial += 1)), role: 'customer' });

describe('profile and inbox routes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const registered = async () => {
    const principal = newCustomer();
    await app.registerUser(principal);
    return principal;
  };
  const saveAddress = async (principal: Principal, address: object = testAddress()) => {
    const answer = await app.call('POST', '/api/me/addresses', principal, address);
    expect(answer.status).toBe(201);
    return String(answer.body.id);
  };
  const userEvents = async (principal: Principal) => (await app.eventStore.readStream(`user-${principal.sub}`)).map(({ type, data }) => ({ type, data }));

  it.each([
    ['POST', '/api/me/addresses', testAddress()],
    ['PATCH', `/api/me/addresses/${unknownId}`, { city: 'Lyon' }],
    ['DELETE', `/api/me/addresses/${unknownId}`, undefined],
    ['PUT', '/api/me/notification-preferences', { email: true, sms: false }],
    ['POST', '/api/notifications/evt-1:inApp/read', undefined],
  ])('%s %s → 401 problem+json without a caller', async (method, url, body) => {
    const answer = await app.call(method, url, null, body);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  describe('addresses', () => {
    it('saves an address under a new id (201), changes some of its fields, and removes it', async () => {
      const principal = await registered();
      const created = await app.call('POST', '/api/me/addresses', principal, { ...testAddress(), line2: undefined, region: undefined });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/api/me');
      const addressId = String(created.body.id);
      expect((await app.call('PATCH', `/api/me/addresses/${addressId}`, principal, { city: ' Lyon ', postalCode: '69001', line2: 'Bâtiment B' })).status).toBe(202);
      expect((await app.call('DELETE', `/api/me/addresses/${addressId}`, principal)).status).toBe(202);
      expect(await userEvents(principal)).toEqual([
        expect.objectContaining({ type: 'UserRegistered' }),
        { type: 'UserAddressAdded', data: { userId: principal.sub, addressId, address: testAddress() } },
        { type: 'UserAddressUpdated', data: { userId: principal.sub, addressId, address: { ...testAddress(), city: 'Lyon', postalCode: '69001', line2: 'Bâtiment B' } } },
        { type: 'UserAddressRemoved', data: { userId: principal.sub, addressId } },
      ]);
      // Removing what is not there is already done.
      expect((await app.call('DELETE', `/api/me/addresses/${addressId}`, principal)).status).toBe(202);
      expect(await userEvents(principal)).toHaveLength(4);
    });

    it("never touches another user's address: a PATCH of it is a 404 in the caller's own profile", async () => {
      const owner = await registered();
      const other = await registered();
      const addressId = await saveAddress(owner);
      expect((await app.call('PATCH', `/api/me/addresses/${addressId}`, other, { city: 'Nice' })).status).toBe(404);
      expect((await app.call('DELETE', `/api/me/addresses/${addressId}`, other)).status).toBe(202);
      expect((await userEvents(owner)).map((event) => event.type)).toEqual(['UserRegistered', 'UserAddressAdded']);
    });

    it.each([
      [{ ...testAddress(), country: 'XX' }, 'country'],
      [{ ...testAddress(), country: 'fr' }, 'country'],
      [{ ...testAddress(), postalCode: '-1' }, 'postalCode'],
      [{ ...testAddress(), postalCode: 'A' }, 'postalCode'],
      [{ ...testAddress(), recipient: '   ' }, 'recipient'],
      [{ ...testAddress(), floor: 3 }, 'floor'],
      [{ line1: 'x' }, 'recipient'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const principal = await registered();
      const answer = await app.call('POST', '/api/me/addresses', principal, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('PUT /api/me/notification-preferences', () => {
    it('records the channels chosen, and nothing when they do not change', async () => {
      const principal = await registered();
      const body = { email: false, sms: true, phoneNumber: '+33612345678' };
      expect((await app.call('PUT', '/api/me/notification-preferences', principal, body)).status).toBe(202);
      expect((await app.call('PUT', '/api/me/notification-preferences', principal, body)).status).toBe(202);
      expect((await userEvents(principal)).slice(1)).toEqual([{ type: 'UserNotificationPreferencesChanged', data: { userId: principal.sub, ...body } }]);
    });

    it.each([
      [{ email: true, sms: true }, 'phoneNumber'],
      [{ email: true, sms: false, phoneNumber: '0612345678' }, 'phoneNumber'],
      [{ email: 'yes', sms: false }, 'email'],
      [{ email: true }, 'sms'],
      [{ email: true, sms: false, inApp: false }, 'inApp'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const principal = await registered();
      const answer = await app.call('PUT', '/api/me/notification-preferences', principal, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
    });
  });

  describe('the shipping address of an order', () => {
    const orderPlaced = async (orderId: string) => (await app.eventStore.readStream(orderStreamId(orderId)))[0]?.data;

    it('is copied from a saved address of the caller (shippingAddressId), on direct placement and on checkout', async () => {
      const principal = await registered();
      const saved = { ...testAddress(), recipient: 'Grace Hopper', region: 'Île-de-France' };
      const addressId = await saveAddress(principal, saved);
      const { productId } = await app.createProduct();
      const placed = await app.call('POST', '/api/orders', principal, { lines: [{ productId, quantity: 1 }], shippingAddressId: addressId });
      expect(placed.status).toBe(202);
      expect(await orderPlaced(String(placed.body.orderId))).toMatchObject({ shippingAddress: saved });

      await app.call('PUT', `/api/cart/items/${productId}`, principal, { quantity: 2 });
      const checkedOut = await app.call('POST', '/api/cart/checkout', principal, { shippingAddress: testAddress() });
      expect(checkedOut.status).toBe(202);
      expect(await orderPlaced(String(checkedOut.body.orderId))).toMatchObject({ shippingAddress: testAddress() });
    });

    it("refuses another user's address id, and both an address and an id, with 400 naming shippingAddressId", async () => {
      const owner = await registered();
      const addressId = await saveAddress(owner);
      const thief = await registered();
      const { productId } = await app.createProduct();
      const before = await app.eventStore.headPosition();
      for (const body of [{ shippingAddressId: addressId }, { shippingAddressId: addressId, shippingAddress: testAddress() }]) {
        const answer = await app.call('POST', '/api/orders', thief, { lines: [{ productId, quantity: 1 }], ...body });
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'shippingAddressId' })]);
      }
      const checkout = await app.call('POST', '/api/cart/checkout', thief, { shippingAddressId: addressId });
      expect(checkout.status).toBe(400);
      expect(await app.eventStore.headPosition()).toBe(before);
    });

    it('may be left out: the order is placed without one (paying it is refused, see the payment routes)', async () => {
      const principal = await registered();
      const { productId } = await app.createProduct();
      const placed = await app.call('POST', '/api/orders', principal, { lines: [{ productId, quantity: 1 }] });
      expect(placed.status).toBe(202);
      expect(await orderPlaced(String(placed.body.orderId))).toMatchObject({ shippingAddress: null });
    });
  });

  describe('POST /api/notifications/:id/read', () => {
    const inboxMessage = async (principal: Principal) => {
      const sourceEventId = randomId();
      const message = { sourceEventId, kind: 'order_paid' as const, recipient: null, subject: 'Paid', text: 'Your order is paid.' };
      await handleCommand({ eventStore: app.eventStore, clock: app.now }, {
        streamId: notificationStreamId(principal.sub),
        decider: notificationsDecider,
        commands: [{ type: 'QueueNotifications', data: { userId: principal.sub, queuedAt: app.now().toISOString(), notifications: [
          { ...message, notificationId: `${sourceEventId}:inApp`, channel: 'inApp' },
          { ...message, notificationId: `${sourceEventId}:email`, channel: 'email', recipient: 'someone@shop.test' },
        ] } }],
      });
      return sourceEventId;
    };

    it('marks an in-app message of the caller read, once', async () => {
      const principal = newCustomer();
      const source = await inboxMessage(principal);
      const answer = await app.call('POST', `/api/notifications/${source}:inApp/read`, principal);
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ id: `${source}:inApp` });
      expect((await app.call('POST', `/api/notifications/${source}:inApp/read`, principal)).status).toBe(202);
      expect(await app.streamTypes(notificationStreamId(principal.sub))).toEqual(['NotificationQueued', 'NotificationSent', 'NotificationQueued', 'NotificationRead']);
    });

    it("answers 404 for another user's message (for an admin too) and 409 for an email", async () => {
      const owner = newCustomer();
      const source = await inboxMessage(owner);
      const before = await app.eventStore.headPosition();
      for (const principal of [newCustomer(), { sub: userIdOf(9), role: 'admin' } as Principal]) {
        expect((await app.call('POST', `/api/notifications/${source}:inApp/read`, principal)).status).toBe(404);
      }
      const email = await app.call('POST', `/api/notifications/${source}:email/read`, owner);
      expect(email.status).toBe(409);
      expect(email.body.detail).toBe('an email message is not in the inbox');
      expect((await app.call('POST', '/api/notifications/bad id/read', owner)).status).toBe(400);
      expect(await app.eventStore.headPosition()).toBe(before);
    });
  });
});
