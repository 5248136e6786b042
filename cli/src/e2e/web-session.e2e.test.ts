/**
 * Browser sessions through the gateway: the refresh token lives only in an httpOnly cookie,
 * CSRF is refused, rotation and reuse detection work through the cookie, logout clears it.
 */
import { browserCall, cookieValue, csrf } from './browser-session.fixture';
import { startTestPlatform } from './harness';
import type { TestPlatform } from './harness';

jest.setTimeout(60_000);

const customer = { email: `web.session.${Date.now()}@shop.test`, password: 'Quiet-Harbour-Lantern-51', name: 'Web Session' };



describe('browser sessions (refresh token in an httpOnly cookie)', () => {
  let platform: TestPlatform;
  /** The registration's: a read of the account right after it waits for the projection instead of a 404. */
  let registeredToken: string;

  const call = browserCall(() => platform.baseUrl);
  const login = () => call('POST', '/api/auth/session', { headers: csrf, body: { email: customer.email, password: customer.password } });

  beforeAll(async () => {
    platform = await startTestPlatform({ embeddedOnly: true });
    const registered = await platform.request('POST', '/api/auth/register', { anonymous: true, body: customer });
    expect(registered.status).toBe(201);
    registeredToken = registered.headers.get('x-consistency-token') as string;
  });
  afterAll(() => platform?.close());

  it('logs in: the access token in the body, the refresh token only in an httpOnly, SameSite=Strict cookie scoped to the session path', async () => {
    const answer = await login();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ tokenType: 'Bearer', accessToken: expect.any(String), expiresIn: expect.any(Number), refreshExpiresAt: expect.any(String) });
    expect(answer.body).not.toHaveProperty('refreshToken');
    const flags = (answer.setCookie ?? '').split(';').map((part) => part.trim());
    expect(flags).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth/session']));
    expect(flags).not.toContain('Secure');
    expect(cookieValue(answer.setCookie).length).toBeGreaterThan(10);
    const me = await platform.request('GET', '/api/me', { token: String(answer.body.accessToken), headers: { 'x-consistency-token': registeredToken } });
    expect(me.status).toBe(200);
  });

  it('marks the cookie Secure when the shop is reached over https (TLS ended by a proxy on loopback)', async () => {
    const answer = await call('POST', '/api/auth/session', { headers: { ...csrf, 'x-forwarded-proto': 'https' }, body: { email: customer.email, password: customer.password } });
    expect(answer.status).toBe(200);
    expect((answer.setCookie ?? '').split(';').map((part) => part.trim())).toContain('Secure');
  });

  it('refuses every session route without the CSRF header, and from another origin', async () => {
    for (const [method, path] of [['POST', '/api/auth/session'], ['POST', '/api/auth/session/refresh'], ['DELETE', '/api/auth/session']] as const) {
      const answer = await call(method, path, { body: method === 'POST' ? { email: customer.email, password: customer.password } : undefined });
      expect({ method, path, status: answer.status, field: (answer.body.errors as Array<{ field: string }>)[0]?.field }).toEqual({ method, path, status: 403, field: 'headers.x-csrf-protection' });
      expect(answer.setCookie).toBeNull();
    }
    const forged = await call('POST', '/api/auth/session', { headers: { ...csrf, origin: 'https://evil.example' }, body: { email: customer.email, password: customer.password } });
    expect(forged.status).toBe(403);
    expect(forged.setCookie).toBeNull();
  });

  it('relays the login route\'s refusals: a wrong password is a 401, a bad body a 400 naming the field', async () => {
    const wrong = await call('POST', '/api/auth/session', { headers: csrf, body: { email: customer.email, password: 'not-the-password-at-all' } });
    expect(wrong.status).toBe(401);
    expect(wrong.setCookie).toBeNull();
    const bad = await call('POST', '/api/auth/session', { headers: csrf, body: { email: 42, password: 'x' } });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Array<{ field: string }>).map((issue) => issue.field)).toContain('email');
  });

  it('refreshes with the cookie (rotating it); reusing the old cookie ends the whole session family and clears it', async () => {
    const first = cookieValue((await login()).setCookie);
    const refreshed = await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie: first });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).not.toHaveProperty('refreshToken');
    const second = cookieValue(refreshed.setCookie);
    expect(second).not.toBe(first);
    expect((await platform.request('GET', '/api/me', { token: String(refreshed.body.accessToken) })).status).toBe(200);

    const reused = await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie: first });
    expect(reused.status).toBe(401);
    expect(reused.setCookie).toMatch(/^ecommerce_refresh=;.*Max-Age=0/);
    // the family is revoked: the rotated cookie no longer works either
    expect((await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie: second })).status).toBe(401);
  });

  it('answers 401 to a refresh without a cookie', async () => {
    expect((await call('POST', '/api/auth/session/refresh', { headers: csrf })).status).toBe(401);
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const cookie = cookieValue((await login()).setCookie);
    const out = await call('DELETE', '/api/auth/session', { headers: csrf, cookie });
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/^ecommerce_refresh=;.*Max-Age=0.*HttpOnly/);
    expect((await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie })).status).toBe(401);
    expect((await call('DELETE', '/api/auth/session', { headers: csrf })).status).toBe(204);
  });

  it('describes the session routes in the OpenAPI document', async () => {
    const document = (await platform.request('GET', '/openapi.json', { anonymous: true })).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/api/auth/session'] ?? {}).sort()).toEqual(['delete', 'post']);
    expect(Object.keys(document.paths['/api/auth/session/refresh'] ?? {})).toEqual(['post']);
  });
});
