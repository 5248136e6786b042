import { authedFetch } from './authed-fetch';
import { createSession, userOfToken } from './session';

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
const tokenAnswer = (n: number, expiresIn = 300) => new Response(JSON.stringify({ tokenType: 'Bearer', accessToken: jwt({ sub: 'u1', role: 'customer', n }), expiresIn, refreshExpiresAt: '2099-01-01T00:00:00Z' }), { status: 200, headers: { 'content-type': 'application/json' } });

/** A fake gateway: counts session calls, checks the CSRF header, answers API calls by token. */
function fakeGateway(options: { acceptToken: (token: string) => boolean }) {
  const calls: string[] = [];
  let issued = 0;
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://shop.test'), init);
    const path = new URL(request.url, 'http://shop.test').pathname;
    calls.push(`${request.method} ${path}`);
    if (path.startsWith('/api/auth/session')) {
      if (request.headers.get('x-csrf-protection') !== '1') return new Response('{}', { status: 403 });
      if (request.method === 'DELETE') return new Response(null, { status: 204 });
      issued += 1;
      return tokenAnswer(issued);
    }
    const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    return new Response(JSON.stringify({ ok: true }), { status: options.acceptToken(token) ? 200 : 401 });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('the browser session', () => {
  it('reads the user and role from the access token', () => {
    expect(userOfToken(jwt({ sub: 'abc', role: 'admin' }))).toEqual({ id: 'abc', role: 'admin' });
  });

  it('renews an expired access token and replays the request without the caller noticing', async () => {
    const gateway = fakeGateway({ acceptToken: (token) => userOfToken(token) && JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).n >= 2 });
    const session = createSession({ fetch: gateway.fetcher });
    await session.login('ada@shop.test', 'pw');
    const response = await authedFetch(session, gateway.fetcher)(new Request('http://shop.test/api/orders', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(200);
    expect(gateway.calls).toEqual(['POST /api/auth/session', 'POST /api/orders', 'POST /api/auth/session/refresh', 'POST /api/orders']);
  });

  it('renews ahead of expiry, and concurrent callers share one refresh (a second would look like reuse)', async () => {
    let clock = 0;
    const gateway = fakeGateway({ acceptToken: () => true });
    const session = createSession({ fetch: gateway.fetcher, now: () => clock });
    await session.login('ada@shop.test', 'pw');
    clock = 290_000; // 10 s left: inside the renewal margin
    const fetchWithSession = authedFetch(session, gateway.fetcher);
    await Promise.all([1, 2, 3].map(() => fetchWithSession(new Request('http://shop.test/api/cart'))));
    expect(gateway.calls.filter((call) => call === 'POST /api/auth/session/refresh')).toHaveLength(1);
    expect(gateway.calls.filter((call) => call === 'GET /api/cart')).toHaveLength(3);
  });

  it('ends the session when the refresh is refused, and says so once', async () => {
    const changes: Array<string | null> = [];
    const refused = (async (input: RequestInfo | URL) => new Response('{"detail":"reused"}', { status: String(input).endsWith('/refresh') ? 401 : 200 })) as typeof fetch;
    const session = createSession({ fetch: refused, onChange: (state) => changes.push(state ? 'in' : null) });
    expect(await session.refresh()).toBeNull();
    expect(session.current).toBeNull();
    expect(changes).toEqual([null]);
  });

  it('logs out through the gateway and forgets the token even if the call fails', async () => {
    const gateway = fakeGateway({ acceptToken: () => true });
    const session = createSession({ fetch: gateway.fetcher });
    await session.login('ada@shop.test', 'pw');
    await session.logout();
    expect(session.current).toBeNull();
    expect(gateway.calls.at(-1)).toBe('DELETE /api/auth/session');
  });
});
