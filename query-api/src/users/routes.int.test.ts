import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeConsistencyToken, generateOpenApiDocument, openEmbeddedReadStore, principalHeader } from '@ecommerce/platform';
import type { Principal, ReadStore, RecordedEvent } from '@ecommerce/platform';
// test only: the real projector fills the read store the routes read (the API itself never imports projections)
// eslint-disable-next-line no-restricted-imports
import { usersProjection } from '@ecommerce/projections';
import { checkpointKey } from '@ecommerce/schemas';
import type { UserView } from '@ecommerce/schemas';
import { createQueryApi } from '../app';
import { serveQueryApi } from '../test-server.fixture';

const userIdOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let position = 0;

function createTestEvent(userId: string, revision: number, type: string, data: Record<string, unknown>, occurredAt: string): RecordedEvent {
  position += 1;
  return { id: `evt-${position}`, type, streamId: `user-${userId}`, revision, position, data: { userId, ...data }, metadata: { occurredAt }, recordedAt: new Date(occurredAt) };
}

const registration = (n: number, overrides: { email?: string; name?: string; role?: 'customer' | 'admin'; occurredAt?: string } = {}) =>
  createTestEvent(userIdOf(n), 0, 'UserRegistered', {
    email: overrides.email ?? `user${String(n).padStart(2, '0')}@example.com`,
    name: overrides.name ?? `User ${n}`,
    role: overrides.role ?? 'customer',
  }, overrides.occurredAt ?? `2024-05-01T10:${String(n).padStart(2, '0')}:00.000Z`);

describe('user query routes', () => {
  let dir: string;
  let readStore: ReadStore;
  let server: Awaited<ReturnType<typeof serveQueryApi>>;
  let baseUrl: string;

  const get = (url: string, principal: Principal | null, headers: Record<string, string> = {}) => server.get(url, principal, headers);
  const admin: Principal = { sub: userIdOf(1), role: 'admin' };
  const customer: Principal = { sub: userIdOf(2), role: 'customer' };
  const apply = (...events: RecordedEvent[]) => usersProjection.apply(readStore, 1, events);

  /** Every page of a listing, following `nextCursor`. */
  const allPages = async (query: string) => {
    const pages: UserView[][] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/admin/users?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { status, body } = await get(url, admin);
      expect(status).toBe(200);
      pages.push(body.items as UserView[]);
      cursor = body.nextCursor as string | null;
    } while (cursor && pages.length < 50);
    return pages;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'users-query-'));
    readStore = openEmbeddedReadStore(path.join(dir, 'read.db'));
    await usersProjection.setup(readStore, 1);
    // users 1..23; 20..23 registered in the same instant, so ties are broken by id
    const registrations = Array.from({ length: 23 }, (_, index) => index + 1).map((n) =>
      registration(n, { role: n === 1 ? 'admin' : 'customer', occurredAt: n >= 20 ? '2024-05-01T11:00:00.000Z' : undefined, ...(n === 3 ? { name: 'Grace Hopper', email: 'grace@navy.example' } : {}) }));
    await apply(...registrations);
    await apply(
      createTestEvent(userIdOf(2), 1, 'UserProfileUpdated', { name: 'Ada Lovelace' }, '2024-05-02T09:00:00.000Z'),
      createTestEvent(userIdOf(2), 2, 'UserPasswordChanged', {}, '2024-05-02T09:01:00.000Z'),
      createTestEvent(userIdOf(4), 1, 'UserDisabled', { reason: 'chargebacks' }, '2024-05-02T09:02:00.000Z'),
      createTestEvent(userIdOf(5), 1, 'UserRoleChanged', { role: 'admin', previousRole: 'customer' }, '2024-05-02T09:03:00.000Z'),
    );
    server = await serveQueryApi(readStore);
    baseUrl = server.baseUrl;
  });

  afterAll(async () => {
    await server.close();
    await readStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('anonymous', () => {
    it.each(['/api/me', '/api/admin/users'])('gets 401 problem+json from %s', async (url) => {
      const response = await fetch(`${baseUrl}${url}`);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it('gets 401 for an unreadable principal header', async () => {
      const response = await fetch(`${baseUrl}/api/me`, { headers: { [principalHeader]: 'not-base64-json' } });
      expect(response.status).toBe(401);
    });
  });

  describe('customer', () => {
    it('reads their own profile, exactly the public fields, with the revision as ETag', async () => {
      const { status, headers, body } = await get('/api/me', customer);
      expect(status).toBe(200);
      expect(headers.get('etag')).toBe('"2"');
      expect(body).toEqual({
        id: userIdOf(2), email: 'user02@example.com', name: 'Ada Lovelace', role: 'customer', status: 'active', revision: 2,
        createdAt: '2024-05-01T10:02:00.000Z', updatedAt: '2024-05-02T09:01:00.000Z',
        addresses: [], notificationPreferences: { email: true, sms: false, phoneNumber: null },
      });
    });

    it('reads their saved addresses and notification preferences, waiting for the change a token names; admins list neither', async () => {
      const userId = customer.sub;
      const address = { recipient: 'Ada Lovelace', line1: '12 St James Sq', line2: null, city: 'London', region: null, postalCode: 'SW1Y 4JH', country: 'GB' };
      await apply(
        createTestEvent(userId, 3, 'UserAddressAdded', { addressId: userIdOf(500), address }, '2024-05-03T09:00:00.000Z'),
        createTestEvent(userId, 4, 'UserAddressAdded', { addressId: userIdOf(501), address: { ...address, city: 'Bath', postalCode: 'BA1 1AA' } }, '2024-05-03T09:01:00.000Z'),
        createTestEvent(userId, 5, 'UserAddressRemoved', { addressId: userIdOf(501) }, '2024-05-03T09:02:00.000Z'),
      );
      const changed = createTestEvent(userId, 6, 'UserNotificationPreferencesChanged', { email: false, sms: true, phoneNumber: '+447700900123' }, '2024-05-03T09:03:00.000Z');
      setTimeout(() => void apply(changed), 60);
      const token = encodeConsistencyToken({ stream: changed.streamId, revision: 6, position: changed.position });
      const { body, headers } = await get('/api/me', customer, { 'x-consistency-token': token });
      expect([headers.get('x-read-consistency'), headers.get('etag')]).toEqual(['consistent', '"6"']);
      expect(body).toMatchObject({ addresses: [{ id: userIdOf(500), ...address }], notificationPreferences: { email: false, sms: true, phoneNumber: '+447700900123' } });
      const listed = ((await get('/api/admin/users?q=ada', admin)).body.items as Array<Record<string, unknown>>).find((user) => user.id === userId);
      expect(listed).toBeDefined();
      expect(listed).not.toHaveProperty('addresses');
      expect(listed).not.toHaveProperty('notificationPreferences');
      expect((await get('/api/me', admin)).body).toMatchObject({ id: admin.sub, addresses: [] });
    });

    it('is refused the admin list with 403', async () => {
      expect((await get('/api/admin/users', customer)).status).toBe(403);
    });

    it('gets 404 while not projected, and with a consistency token waits for the registration', async () => {
      const newcomer: Principal = { sub: userIdOf(90), role: 'customer' };
      expect((await get('/api/me', newcomer)).status).toBe(404);
      const event = registration(90, { occurredAt: '2024-06-01T00:00:00.000Z' });
      const token = encodeConsistencyToken({ stream: event.streamId, revision: 0, position: event.position });
      setTimeout(() => void apply(event), 60);
      const { status, headers, body } = await get('/api/me', newcomer, { 'x-consistency-token': token });
      expect(status).toBe(200);
      expect(headers.get('x-read-consistency')).toBe('consistent');
      expect(body).toMatchObject({ id: userIdOf(90), email: 'user90@example.com' });
    });

    it('answers stale with what it has when the awaited revision never comes', async () => {
      const token = encodeConsistencyToken({ stream: `user-${customer.sub}`, revision: 9, position: 999 });
      const { status, headers } = await get('/api/me', customer, { 'x-consistency-token': token });
      expect(status).toBe(200);
      expect(headers.get('x-read-consistency')).toBe('stale');
    });
  });

  describe('admin', () => {
    it('pages newest first without gaps or duplicates, ties broken by id', async () => {
      const pages = await allPages('limit=5');
      expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 4]);
      const ids = pages.flat().map((user) => user.id);
      expect(new Set(ids).size).toBe(24);
      const expected = [90, 23, 22, 21, 20, ...Array.from({ length: 19 }, (_, index) => 19 - index)].map(userIdOf);
      expect(ids).toEqual(expected);
    });

    it('pages by email in order', async () => {
      const emails = (await allPages('sort=email&limit=7')).flat().map((user) => user.email);
      expect(emails).toHaveLength(24);
      expect(emails).toEqual([...emails].sort());
      expect(emails[0]).toBe('grace@navy.example');
    });

    it('filters by email or name prefix, case-insensitively', async () => {
      const byName = await get('/api/admin/users?q=gRaCe', admin);
      expect((byName.body.items as UserView[]).map((user) => user.id)).toEqual([userIdOf(3)]);
      const byEmail = await get('/api/admin/users?q=USER1&sort=email', admin);
      expect((byEmail.body.items as UserView[]).map((user) => user.email)).toEqual(Array.from({ length: 10 }, (_, index) => `user1${index}@example.com`));
      const byLaterWord = await get('/api/admin/users?q=hopper', admin);
      expect(byLaterWord.body.items).toEqual([]);
      const regexIsLiteral = await get(`/api/admin/users?q=${encodeURIComponent('.*')}`, admin);
      expect(regexIsLiteral.body.items).toEqual([]);
    });

    it('filters by role and status', async () => {
      const admins = await get('/api/admin/users?role=admin&sort=email', admin);
      expect((admins.body.items as UserView[]).map((user) => user.id)).toEqual([userIdOf(1), userIdOf(5)]);
      const disabled = await get('/api/admin/users?status=disabled', admin);
      expect(disabled.body.items).toEqual([expect.objectContaining({ id: userIdOf(4), status: 'disabled', revision: 1 })]);
      const activeCustomers = await get('/api/admin/users?role=customer&status=active&limit=100', admin);
      expect(activeCustomers.body.items).toHaveLength(21);
    });

    it('refuses bad input with 400 naming the field', async () => {
      for (const query of ['limit=101', 'role=root', 'sort=name', 'unknown=1']) {
        const { status } = await get(`/api/admin/users?${query}`, admin);
        expect(status).toBe(400);
      }
      const first = await get('/api/admin/users?limit=2', admin);
      const otherSort = await get(`/api/admin/users?sort=email&cursor=${encodeURIComponent(first.body.nextCursor as string)}`, admin);
      expect(otherSort.status).toBe(400);
      expect(otherSort.body.errors).toEqual([expect.objectContaining({ field: 'query.cursor' })]);
    });

    it("waits on the users projection's checkpoint for a list with a consistency token", async () => {
      const token = encodeConsistencyToken({ stream: 'user-x', revision: 0, position: 500 });
      const before = await get('/api/admin/users?limit=1', admin, { 'x-consistency-token': token });
      expect(before.headers.get('x-read-consistency')).toBe('stale');
      await readStore.setCheckpoint(checkpointKey('users', 1), { partitions: { 'ecommerce.identity.events:0': { offset: 40, position: 500, endOffset: 40, checkedAt: Date.now() } } });
      const after = await get('/api/admin/users?limit=1', admin, { 'x-consistency-token': token });
      expect(after.status).toBe(200);
      expect(after.headers.get('x-read-consistency')).toBe('consistent');
    });

    it('sees its own profile too', async () => {
      expect((await get('/api/me', admin)).body).toMatchObject({ id: userIdOf(1), role: 'admin' });
    });
  });

  it('describes both routes in the OpenAPI document', () => {
    const document = generateOpenApiDocument([createQueryApi({ readStore }).openapi], { title: 't', version: '1' });
    expect(document.paths?.['/api/me']?.get?.responses).toHaveProperty('200');
    const list = document.paths?.['/api/admin/users']?.get;
    expect(list?.parameters?.map((parameter) => ('name' in parameter ? parameter.name : undefined))).toEqual(expect.arrayContaining(['q', 'role', 'status', 'sort', 'limit', 'cursor']));
    expect(list?.responses).toHaveProperty('403');
  });
});
