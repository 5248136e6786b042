/**
 * The web shop's static files and the browser session in the distributed topology: the gateway is
 * its own OS process, relaying the session routes to the command-api process over HTTP and
 * serving the built shop itself. The same promises as the embedded suite (web-session.e2e.test.ts):
 * the refresh token only in an httpOnly SameSite=Strict cookie, CSRF refused, rotation, reuse
 * detection and logout through the cookie.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { refreshCookieName } from '@ecommerce/gateway';
import { browserCall, cookieValue, csrf } from './browser-session.fixture';
import { webShopRoot } from '../components';
import { distributedStartHookMs, startDistributedPlatform } from './distributed';
import { waitUntil } from './processes';
import type { PlatformUnderTest } from './harness';

jest.setTimeout(180_000);

const servers = ['KAFKA_BROKERS', 'MONGO_URL', 'SCHEMA_REGISTRY_URL'].filter((name) => !process.env[name]);
const built = existsSync(join(webShopRoot, 'index.html'));
const describeIfServers = servers.length === 0 && built ? describe : describe.skip;
if (servers.length > 0) process.stdout.write(`distributed web session e2e skipped: set ${servers.join(', ')} to run it\n`);
else if (!built) process.stdout.write(`distributed web session e2e skipped: the shop is not built (${webShopRoot}; npm run build -w web)\n`);

const customer = { email: `web.distributed.${Date.now()}@shop.test`, password: 'Quiet-Harbour-Lantern-52', name: 'Distributed Session' };


describeIfServers('web shop and browser session through the gateway process (distributed)', () => {
  let platform: PlatformUnderTest;
  // The profile is read from the query-api process's projection: the registration's token makes the read wait for it.
  let registeredToken = '';
  const readMe = (accessToken: unknown) => platform.request('GET', '/api/me', { token: String(accessToken), headers: { 'x-consistency-token': registeredToken } });

  const call = browserCall(() => platform.baseUrl);
  const login = () => call('POST', '/api/auth/session', { headers: csrf, body: { email: customer.email, password: customer.password } });

  beforeAll(async () => {
    platform = await startDistributedPlatform();
    const registered = await platform.request('POST', '/api/auth/register', { anonymous: true, body: customer });
    expect(registered.status).toBe(201);
    registeredToken = String(registered.body.consistencyToken);
    // The query API waits a bounded time for a consistency token; on a loaded machine the projections process can take longer.
    // The profile being projected is this suite's precondition, not what it tests.
    const first = await login();
    await waitUntil(async () => (await readMe(first.body.accessToken)).status === 200, "the registration in the query-api process's profile read model", 60_000, 250);
  }, distributedStartHookMs + 60_000);
  afterAll(() => platform?.close());

  describe('the static site', () => {
    it("serves the shop's index.html at / , revalidated on every load", async () => {
      const response = await fetch(`${platform.baseUrl}/`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="app"');
    });

    it('serves a hashed asset with immutable caching', async () => {
      const asset = readdirSync(join(webShopRoot, 'assets')).find((name) => /-[A-Za-z0-9_-]{6,}\.js$/.test(name));
      expect(asset).toBeDefined();
      const response = await fetch(`${platform.baseUrl}/assets/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const missing = await fetch(`${platform.baseUrl}/assets/not-there-0000.js`, { headers: { accept: 'text/html' } });
      expect(missing.status).toBe(404);
    });

    it('answers a deep link of the shop with index.html (the client routes it)', async () => {
      const response = await fetch(`${platform.baseUrl}/orders/some-order-id`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="app"');
    });

    it('never answers an unknown API path with the page', async () => {
      const response = await fetch(`${platform.baseUrl}/api/unknown`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<div id="app"');
    });
  });

  it("tells the shop which pay step to show: the command-api process answers it through the gateway (the sandbox's card form here)", async () => {
    const answer = await platform.request('GET', '/api/checkout/payment', { anonymous: true });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ provider: 'sandbox', checkout: 'card_form' });
  });

  describe('the browser session', () => {
    it('logs in: the access token in the body, the refresh token only in an httpOnly, SameSite=Strict cookie', async () => {
      const answer = await login();
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ tokenType: 'Bearer', accessToken: expect.any(String), expiresIn: expect.any(Number), refreshExpiresAt: expect.any(String) });
      const flags = (answer.setCookie ?? '').split(';').map((part) => part.trim());
      expect(flags).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth/session']));
      expect(cookieValue(answer.setCookie).length).toBeGreaterThan(10);
      expect((await readMe(answer.body.accessToken)).status).toBe(200);
    });

    it('refreshes through the cookie with the CSRF header, and refuses it without', async () => {
      const cookie = cookieValue((await login()).setCookie);
      const refused = await call('POST', '/api/auth/session/refresh', { cookie });
      expect(refused.status).toBe(403);
      expect(refused.setCookie).toBeNull();
      const refreshed = await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).not.toHaveProperty('refreshToken');
      expect(cookieValue(refreshed.setCookie)).not.toBe(cookie);
      expect((await readMe(refreshed.body.accessToken)).status).toBe(200);
    });

    it('a reused refresh cookie revokes the whole family', async () => {
      const first = cookieValue((await login()).setCookie);
      const second = cookieValue((await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie: first })).setCookie);
      expect(second.length).toBeGreaterThan(10);
      const reused = await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie: first });
      expect(reused.status).toBe(401);
      expect(reused.setCookie).toMatch(new RegExp(`^${refreshCookieName}=;.*Max-Age=0`));
      expect((await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie: second })).status).toBe(401);
    });

    it('logs out: the cookie is cleared and no longer refreshes', async () => {
      const cookie = cookieValue((await login()).setCookie);
      const out = await call('DELETE', '/api/auth/session', { headers: csrf, cookie });
      expect(out.status).toBe(204);
      expect(out.setCookie).toMatch(new RegExp(`^${refreshCookieName}=;.*Max-Age=0.*HttpOnly`));
      expect((await call('POST', '/api/auth/session/refresh', { headers: csrf, cookie })).status).toBe(401);
    });
  });
});
