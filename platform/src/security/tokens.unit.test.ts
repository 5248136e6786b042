import { createPublicKey } from 'node:crypto';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import type { KeyLike } from 'jose';
import { AppError } from '../errors';
import { generateSigningKey, pruneRetired, publicJwks, rotateKeyRing } from './keys';
import type { KeyRing } from './keys';
import { accessTokenDefaults, issueAccessToken, verifyAccessToken } from './tokens';

const createTestRing = async (): Promise<KeyRing> => ({ current: await generateSigningKey(), previous: [] });
const customer = { sub: 'user-1', role: 'customer' } as const;
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const epochSeconds = () => Math.floor(Date.now() / 1000);
const validClaims = () => ({ sub: 'user-1', role: 'customer', jti: 'j-1', iss: accessTokenDefaults.issuer, aud: accessTokenDefaults.audience, iat: epochSeconds(), exp: epochSeconds() + 300 });

/** Signs arbitrary claims with an arbitrary key and header, to build the forgeries below. */
const sign = (claims: Record<string, unknown>, key: KeyLike | Uint8Array, header: { alg: string; kid?: string }) =>
  new SignJWT(claims).setProtectedHeader({ typ: 'JWT', ...header }).sign(key);

async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('unauthorized');
  return error as AppError;
}

describe('access tokens', () => {
  it('issues an ES256 JWT with kid, sub, role, iss, aud, iat, exp (5 minutes) and jti, and verifies it', async () => {
    const ring = await createTestRing();
    const jwt = await issueAccessToken(customer, ring);
    const header = JSON.parse(Buffer.from(jwt.split('.')[0] as string, 'base64url').toString('utf8'));
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: ring.current.kid });
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({ sub: 'user-1', role: 'customer', iss: 'ecommerce', aud: 'ecommerce-api', jti: expect.any(String) });
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
    await expect(verifyAccessToken(jwt, ring)).resolves.toEqual(customer);
    await expect(verifyAccessToken(jwt, publicJwks(ring))).resolves.toEqual(customer);
  });

  it('gives every token its own jti', async () => {
    const ring = await createTestRing();
    const [first, second] = await Promise.all([issueAccessToken(customer, ring), issueAccessToken(customer, ring)]);
    expect(decodeJwt(first).jti).not.toBe(decodeJwt(second).jti);
  });

  it('rejects alg none', async () => {
    const ring = await createTestRing();
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT', kid: ring.current.kid })}.${base64url(validClaims())}.`;
    await refusal(verifyAccessToken(unsigned, ring));
  });

  it('rejects HS256 signed with the public key bytes as the secret', async () => {
    const ring = await createTestRing();
    const publicKey = createPublicKey({ key: { ...ring.current.publicJwk }, format: 'jwk' });
    const secrets = [
      new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }) as string),
      new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
      new TextEncoder().encode(JSON.stringify(ring.current.publicJwk)),
    ];
    for (const secret of secrets) await refusal(verifyAccessToken(await sign(validClaims(), secret, { alg: 'HS256', kid: ring.current.kid }), ring));
  });

  it('rejects an unknown kid and a token with no kid', async () => {
    const ring = await createTestRing();
    await refusal(verifyAccessToken(await sign(validClaims(), ring.current.privateKey, { alg: 'ES256', kid: 'not-our-key' }), ring));
    await refusal(verifyAccessToken(await sign(validClaims(), ring.current.privateKey, { alg: 'ES256' }), ring));
  });

  it('rejects an expired token, saying so', async () => {
    const ring = await createTestRing();
    const jwt = await issueAccessToken(customer, ring, { now: new Date(Date.now() - 301_000) });
    expect((await refusal(verifyAccessToken(jwt, ring))).message).toBe('access token expired');
    await expect(verifyAccessToken(jwt, ring, { now: new Date(Date.now() - 2_000) })).resolves.toEqual(customer);
  });

  it('rejects a tampered payload that keeps the original signature', async () => {
    const ring = await createTestRing();
    const [header, payload, signature] = (await issueAccessToken(customer, ring)).split('.') as [string, string, string];
    const promoted = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), role: 'admin' };
    await refusal(verifyAccessToken(`${header}.${base64url(promoted)}.${signature}`, ring));
  });

  it('rejects a token signed by another key under our kid', async () => {
    const ring = await createTestRing();
    const { privateKey } = await generateKeyPair('ES256');
    await refusal(verifyAccessToken(await sign(validClaims(), privateKey, { alg: 'ES256', kid: ring.current.kid }), ring));
  });

  it('rejects tokens without sub, role, jti or exp, or with an unknown role', async () => {
    const ring = await createTestRing();
    const { sub: _sub, ...noSub } = validClaims();
    const { role: _role, ...noRole } = validClaims();
    const { jti: _jti, ...noJti } = validClaims();
    const { exp: _exp, ...noExp } = validClaims();
    for (const claims of [noSub, noRole, noJti, noExp, { ...validClaims(), role: 'superuser' }, { ...validClaims(), sub: '' }]) {
      await refusal(verifyAccessToken(await sign(claims, ring.current.privateKey, { alg: 'ES256', kid: ring.current.kid }), ring));
    }
    await expect(verifyAccessToken(await sign(validClaims(), ring.current.privateKey, { alg: 'ES256', kid: ring.current.kid }), ring)).resolves.toEqual(customer);
  });

  it('rejects a wrong issuer or audience', async () => {
    const ring = await createTestRing();
    await refusal(verifyAccessToken(await issueAccessToken(customer, ring, { issuer: 'someone-else' }), ring));
    await refusal(verifyAccessToken(await issueAccessToken(customer, ring, { audience: 'another-api' }), ring));
    const custom = await issueAccessToken(customer, ring, { issuer: 'shop', audience: 'shop-api' });
    await expect(verifyAccessToken(custom, ring, { issuer: 'shop', audience: 'shop-api' })).resolves.toEqual(customer);
  });

  it('rejects garbage', async () => {
    const ring = await createTestRing();
    for (const jwt of ['', 'abc', 'a.b.c', 'a.b']) await refusal(verifyAccessToken(jwt, ring));
  });

  it('keeps verifying a token of a rotated-out key while that key is in the JWKS, and not after pruning', async () => {
    const ring = await createTestRing();
    const issuedAt = new Date();
    const jwt = await issueAccessToken(customer, ring, { now: issuedAt });
    const rotated = await rotateKeyRing(ring, issuedAt);
    await expect(verifyAccessToken(jwt, rotated)).resolves.toEqual(customer);
    await expect(verifyAccessToken(jwt, publicJwks(rotated))).resolves.toEqual(customer);
    const fresh = await issueAccessToken(customer, rotated);
    expect(decodeJwt(fresh).sub).toBe('user-1');
    const pruned = pruneRetired(rotated, new Date(issuedAt.getTime() + 300_000), accessTokenDefaults.ttlSeconds);
    await refusal(verifyAccessToken(jwt, pruned));
    await expect(verifyAccessToken(fresh, pruned)).resolves.toEqual(customer);
  });
});
