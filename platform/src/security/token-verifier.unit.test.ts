import type { JSONWebKeySet } from 'jose';
import { AppError } from '../errors';
import { generateSigningKey, publicJwks, rotateKeyRing } from './keys';
import type { KeyRing } from './keys';
import { createTokenVerifier } from './token-verifier';
import { issueAccessToken } from './tokens';

const customer = { sub: 'user-1', role: 'customer' } as const;

/** A JWKS endpoint stand-in that counts fetches and serves whatever ring it holds now. */
function createTestJwksSource(ring: KeyRing) {
  const source = { ring, fetches: 0, failing: false, get: (): JSONWebKeySet => {
    source.fetches += 1;
    if (source.failing) throw new Error('jwks endpoint down');
    return publicJwks(source.ring);
  } };
  return source;
}

function createTestClock(start = Date.parse('2025-03-01T12:00:00Z')) {
  const clock = { at: start, now: () => new Date(clock.at), advance: (seconds: number) => void (clock.at += seconds * 1000) };
  return clock;
}

const codeOf = (attempt: Promise<unknown>) => attempt.then(() => 'verified', (error: unknown) => (error instanceof AppError ? error.code : 'other'));

describe('token verifier', () => {
  it('fetches the key set once and reuses it', async () => {
    const ring: KeyRing = { current: await generateSigningKey(), previous: [] };
    const clock = createTestClock();
    const source = createTestJwksSource(ring);
    const verifier = createTokenVerifier(source.get, { now: clock.now });
    const jwt = await issueAccessToken(customer, ring, { now: clock.now() });
    await expect(Promise.all([verifier.verify(jwt), verifier.verify(jwt)])).resolves.toEqual([customer, customer]);
    await expect(verifier.verify(jwt)).resolves.toEqual(customer);
    expect(source.fetches).toBe(1);
  });

  it('remembers a verified token only until it expires, and only those very bytes', async () => {
    const ring: KeyRing = { current: await generateSigningKey(), previous: [] };
    const clock = createTestClock();
    const verifier = createTokenVerifier(createTestJwksSource(ring).get, { now: clock.now });
    const jwt = await issueAccessToken(customer, ring, { now: clock.now(), ttlSeconds: 60 });
    await expect(verifier.verify(jwt)).resolves.toEqual(customer);
    const [header, payload, signature = ''] = jwt.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), role: 'admin' })).toString('base64url');
    await expect(codeOf(verifier.verify(`${header}.${forgedPayload}.${signature}`))).resolves.toBe('unauthorized');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(codeOf(verifier.verify(`${header}.${payload}.${flipped}`))).resolves.toBe('unauthorized');
    clock.advance(59);
    await expect(verifier.verify(jwt)).resolves.toEqual(customer);
    clock.advance(1);
    await expect(codeOf(verifier.verify(jwt))).resolves.toBe('unauthorized');
  });

  it('refetches when a rotated-in kid appears, at most once per interval', async () => {
    const clock = createTestClock();
    const source = createTestJwksSource({ current: await generateSigningKey(), previous: [] });
    const verifier = createTokenVerifier(source.get, { now: clock.now, minRefreshIntervalSeconds: 30 });
    await verifier.verify(await issueAccessToken(customer, source.ring, { now: clock.now() }));

    clock.advance(10);
    source.ring = await rotateKeyRing(source.ring, clock.now());
    const signedByNewKey = await issueAccessToken(customer, source.ring, { now: clock.now() });
    expect(await codeOf(verifier.verify(signedByNewKey))).toBe('unauthorized'); // 10 s since the last fetch: no refetch
    expect(source.fetches).toBe(1);

    clock.advance(20);
    await expect(verifier.verify(signedByNewKey)).resolves.toEqual(customer);
    expect(source.fetches).toBe(2);
  });

  it('does not let tokens with made-up kids hammer the key endpoint', async () => {
    const clock = createTestClock();
    const ring: KeyRing = { current: await generateSigningKey(), previous: [] };
    const source = createTestJwksSource(ring);
    const verifier = createTokenVerifier(source.get, { now: clock.now, minRefreshIntervalSeconds: 30 });
    await verifier.verify(await issueAccessToken(customer, ring, { now: clock.now() }));
    const stranger = await issueAccessToken(customer, { current: await generateSigningKey(), previous: [] }, { now: clock.now() });
    clock.advance(31);
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await codeOf(verifier.verify(stranger))).toBe('unauthorized');
    expect(source.fetches).toBe(2);
  });

  it('answers unavailable while no key set could ever be fetched, and keeps the old set when a refresh fails', async () => {
    const clock = createTestClock();
    const ring: KeyRing = { current: await generateSigningKey(), previous: [] };
    const source = createTestJwksSource(ring);
    source.failing = true;
    const verifier = createTokenVerifier(source.get, { now: clock.now });
    const jwt = await issueAccessToken(customer, ring, { now: clock.now() });
    expect(await codeOf(verifier.verify(jwt))).toBe('unavailable');
    source.failing = false;
    await expect(verifier.verify(jwt)).resolves.toEqual(customer);

    source.failing = true;
    clock.advance(60);
    const stranger = await issueAccessToken(customer, { current: await generateSigningKey(), previous: [] }, { now: clock.now() });
    expect(await codeOf(verifier.verify(stranger))).toBe('unauthorized');
    await expect(verifier.verify(await issueAccessToken(customer, ring, { now: clock.now() }))).resolves.toEqual(customer);
  });

  it('judges expiry by its clock and refuses tokens without a kid or that are not JWTs', async () => {
    const clock = createTestClock();
    const ring: KeyRing = { current: await generateSigningKey(), previous: [] };
    const verifier = createTokenVerifier(() => publicJwks(ring), { now: clock.now });
    const jwt = await issueAccessToken(customer, ring, { now: clock.now() });
    clock.advance(299);
    await expect(verifier.verify(jwt)).resolves.toEqual(customer);
    clock.advance(1);
    expect(await codeOf(verifier.verify(jwt))).toBe('unauthorized');
    expect(await codeOf(verifier.verify('not-a-jwt'))).toBe('unauthorized');
    const noKid = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${jwt.split('.')[1]}.${jwt.split('.')[2]}`;
    expect(await codeOf(verifier.verify(noKid))).toBe('unauthorized');
  });
});
