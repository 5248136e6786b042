import { createECDH } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { JWK, JSONWebKeySet, KeyLike } from 'jose';
import { ConfigError } from '../errors';

/**
 * ES256 signing keys. The current key signs; keys rotated out stay in the JWKS (public
 * half only) for a grace period at least as long as an access token lives, so tokens
 * they signed keep verifying until they expire. Nothing here logs: a private key must
 * never reach a log line.
 */
export const signingAlgorithm = 'ES256';

export interface PublicSigningJwk extends JWK {
  kid: string;
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  alg: typeof signingAlgorithm;
  use: 'sig';
}

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: PublicSigningJwk;
}

export interface RetiredKey {
  kid: string;
  publicJwk: PublicSigningJwk;
  /** ISO time the key stopped signing; it leaves the JWKS `graceSeconds` later. */
  retiredAt: string;
}

export interface KeyRing {
  current: SigningKey;
  previous: RetiredKey[];
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The public half in the shape a JWKS serves; copies only public members, so `d` cannot leak. */
function publicPart(jwk: JWK, kid: string, setting = 'signingKey'): PublicSigningJwk {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !isText(jwk.x) || !isText(jwk.y)) throw new ConfigError(setting, 'not a P-256 EC key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: signingAlgorithm, use: 'sig' };
}

function publicPointMatches(d: string, publicJwk: PublicSigningJwk): boolean {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(d, 'base64url'));
    const uncompressed = ecdh.getPublicKey(); // 0x04 ‖ x ‖ y
    return uncompressed.subarray(1, 33).toString('base64url') === publicJwk.x && uncompressed.subarray(33).toString('base64url') === publicJwk.y;
  } catch {
    return false;
  }
}

async function signingKeyFrom(privateJwk: JWK, setting: string): Promise<SigningKey> {
  if (!isText(privateJwk.d)) throw new ConfigError(setting, 'not an ES256 private JWK (no private part)');
  const kid = isText(privateJwk.kid) ? privateJwk.kid : await calculateJwkThumbprint(publicPart(privateJwk, 'pending', setting));
  const publicJwk = publicPart(privateJwk, kid, setting);
  let privateKey: KeyLike | Uint8Array;
  try {
    privateKey = await importJWK({ ...privateJwk, alg: signingAlgorithm }, signingAlgorithm);
  } catch (cause) {
    // the cause is jose's message, never the key material
    throw Object.assign(new ConfigError(setting, 'not an ES256 private JWK'), { cause });
  }
  if (privateKey instanceof Uint8Array) throw new ConfigError(setting, 'a symmetric key cannot sign ES256');
  // Node imports a `d` that does not belong to `x`/`y`; such a key would sign tokens nobody can verify.
  if (!publicPointMatches(privateJwk.d, publicJwk)) throw new ConfigError(setting, 'the private part does not match the public part');
  return { kid, privateKey, publicJwk };
}

/** A fresh key pair; the kid is its RFC 7638 thumbprint, so the same key always has the same kid. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicJwk: publicPart(publicJwk, kid) };
}

/** The private JWK of the current key, for saving; its kid goes with it. */
export async function exportPrivateJwk(key: SigningKey): Promise<JWK> {
  return { ...(await exportJWK(key.privateKey)), kid: key.kid, alg: signingAlgorithm, use: 'sig' };
}

export interface KeyRingSource {
  /** A private EC P-256 JWK (with `d`). */
  current: JWK;
  previous?: Array<{ publicJwk: JWK; retiredAt: string }>;
}

export async function createKeyRing(source: KeyRingSource, setting = 'signingKey'): Promise<KeyRing> {
  const current = await signingKeyFrom(source.current, setting);
  const previous = (source.previous ?? []).map(({ publicJwk, retiredAt }) => {
    if (!isText(publicJwk.kid)) throw new ConfigError(setting, 'a previous key has no kid');
    if (Number.isNaN(Date.parse(retiredAt))) throw new ConfigError(setting, `previous key ${publicJwk.kid} has no valid retiredAt`);
    return { kid: publicJwk.kid, publicJwk: publicPart(publicJwk, publicJwk.kid, setting), retiredAt };
  });
  return { current, previous };
}

/** A ring from one private JWK given by settings (a JSON string or an object); no previous keys. */
export async function keyRingFromPrivateJwk(json: string | JWK, setting = 'signingKey'): Promise<KeyRing> {
  let jwk: unknown = json;
  if (typeof json === 'string') {
    try {
      jwk = JSON.parse(json);
    } catch {
      throw new ConfigError(setting, 'is not JSON');
    }
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw new ConfigError(setting, 'is not a JWK object');
  return createKeyRing({ current: jwk as JWK }, setting);
}

/** A new ring whose current key is fresh; the old current joins `previous`, retired at `now`. */
export async function rotateKeyRing(ring: KeyRing, now: Date = new Date()): Promise<KeyRing> {
  const current = await generateSigningKey();
  const retired: RetiredKey = { kid: ring.current.kid, publicJwk: ring.current.publicJwk, retiredAt: now.toISOString() };
  return { current, previous: [retired, ...ring.previous] };
}

/** Drops retired keys whose grace period is over; `graceSeconds` must be ≥ the access-token lifetime. */
export function pruneRetired(ring: KeyRing, now: Date, graceSeconds: number): KeyRing {
  const cutoff = now.getTime() - graceSeconds * 1000;
  return { current: ring.current, previous: ring.previous.filter((key) => Date.parse(key.retiredAt) > cutoff) };
}

/** What `GET /api/auth/jwks.json` serves: public members only, current key first. */
export function publicJwks(ring: KeyRing): JSONWebKeySet & { keys: PublicSigningJwk[] } {
  return { keys: [ring.current.publicJwk, ...ring.previous.map((key) => key.publicJwk)].map((jwk) => ({ ...jwk })) };
}
