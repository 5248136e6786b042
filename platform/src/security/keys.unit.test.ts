import { calculateJwkThumbprint } from 'jose';
import { ConfigError } from '../errors';
import { createKeyRing, exportPrivateJwk, generateSigningKey, keyRingFromPrivateJwk, pruneRetired, publicJwks, rotateKeyRing } from './keys';
import type { KeyRing } from './keys';

const createTestRing = async (): Promise<KeyRing> => ({ current: await generateSigningKey(), previous: [] });

describe('signing keys', () => {
  it('generates an ES256 key whose kid is its thumbprint', async () => {
    const key = await generateSigningKey();
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: key.kid });
    expect(key.kid).toBe(await calculateJwkThumbprint(key.publicJwk));
    expect(key.privateKey.type).toBe('private');
  });

  it('serves only public members in the JWKS, never d', async () => {
    const ring = await rotateKeyRing(await createTestRing());
    const jwks = publicJwks(ring);
    expect(jwks.keys.map((key) => key.kid)).toEqual([ring.current.kid, ring.previous[0]?.kid]);
    for (const key of jwks.keys) expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
  });

  it('rebuilds the same ring from an exported private JWK, given as JSON text or object', async () => {
    const ring = await createTestRing();
    const privateJwk = await exportPrivateJwk(ring.current);
    expect(privateJwk.d).toEqual(expect.any(String));
    const fromText = await keyRingFromPrivateJwk(JSON.stringify(privateJwk));
    const fromObject = await keyRingFromPrivateJwk(privateJwk);
    expect(fromText.current.publicJwk).toEqual(ring.current.publicJwk);
    expect(fromObject.current.kid).toBe(ring.current.kid);
  });

  it('takes the thumbprint as kid when the JWK has none', async () => {
    const ring = await createTestRing();
    const { kid: _kid, ...withoutKid } = await exportPrivateJwk(ring.current);
    expect((await keyRingFromPrivateJwk(withoutKid)).current.kid).toBe(ring.current.kid);
  });

  it('refuses public-only, symmetric, malformed and non-JSON keys without echoing them', async () => {
    const ring = await createTestRing();
    const privateJwk = await exportPrivateJwk(ring.current);
    const other = await exportPrivateJwk(await generateSigningKey());
    const refusals = [
      () => keyRingFromPrivateJwk(ring.current.publicJwk),
      () => keyRingFromPrivateJwk({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' }),
      () => keyRingFromPrivateJwk({ ...privateJwk, crv: 'P-384' }),
      () => keyRingFromPrivateJwk({ ...privateJwk, d: other.d }),
      () => keyRingFromPrivateJwk('{not json'),
      () => keyRingFromPrivateJwk('[]'),
    ];
    for (const refusal of refusals) {
      const error = await refusal().then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect(String((error as Error).message)).not.toContain(privateJwk.d);
    }
  });

  it('rotates: a fresh current key, the old one retired at the given time', async () => {
    const ring = await createTestRing();
    const now = new Date('2025-03-01T12:00:00Z');
    const rotated = await rotateKeyRing(ring, now);
    expect(rotated.current.kid).not.toBe(ring.current.kid);
    expect(rotated.previous).toEqual([{ kid: ring.current.kid, publicJwk: ring.current.publicJwk, retiredAt: now.toISOString() }]);
    expect(ring.previous).toEqual([]); // the input ring is left as it was
  });

  it('keeps a retired key for the grace period, then prunes it', async () => {
    const retiredAt = new Date('2025-03-01T12:00:00Z');
    const rotated = await rotateKeyRing(await createTestRing(), retiredAt);
    const at = (seconds: number) => new Date(retiredAt.getTime() + seconds * 1000);
    expect(pruneRetired(rotated, at(599), 600).previous).toHaveLength(1);
    expect(pruneRetired(rotated, at(600), 600).previous).toHaveLength(0);
    expect(pruneRetired(rotated, at(600), 600).current).toBe(rotated.current);
  });

  it('builds a ring with previous keys and checks them', async () => {
    const old = await generateSigningKey();
    const current = await exportPrivateJwk(await generateSigningKey());
    const ring = await createKeyRing({ current, previous: [{ publicJwk: old.publicJwk, retiredAt: '2025-03-01T12:00:00.000Z' }] });
    expect(publicJwks(ring).keys[1]).toEqual(old.publicJwk);
    await expect(createKeyRing({ current, previous: [{ publicJwk: old.publicJwk, retiredAt: 'yesterday' }] })).rejects.toBeInstanceOf(ConfigError);
  });
});
