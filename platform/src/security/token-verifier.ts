import { createLocalJWKSet, decodeJwt, decodeProtectedHeader } from 'jose';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors';
import type { Principal } from '../http/principal';
import { verifyWithKeys } from './tokens';
import type { VerifyOptions } from './tokens';

export interface TokenVerifierOptions extends Omit<VerifyOptions, 'now'> {
  /** A token with an unknown kid refetches the key set at most this often (tokens are attacker input). */
  minRefreshIntervalSeconds?: number;
  /** Tokens whose verification is remembered until they expire (default 10,000; 0 turns it off). */
  verifiedCacheSize?: number;
  now?: () => Date;
}

export interface TokenVerifier {
  verify(jwt: string): Promise<Principal>;
}

interface CachedKeySet {
  kids: Set<string>;
  getKey: JWTVerifyGetKey;
}

/**
 * Verifies access tokens against a key set it fetches once and keeps (e.g. the gateway
 * reading `GET /api/auth/jwks.json`). After a rotation, the first token signed by the new
 * key has an unknown kid: that refetches, at most once per interval, one fetch at a time.
 */
export function createTokenVerifier(getJwks: () => Promise<JSONWebKeySet> | JSONWebKeySet, options: TokenVerifierOptions = {}): TokenVerifier {
  const now = options.now ?? (() => new Date());
  const minIntervalMs = (options.minRefreshIntervalSeconds ?? 30) * 1000;
  let cached: CachedKeySet | undefined;
  let fetching: Promise<CachedKeySet> | undefined;
  let lastFetchStartedAt = Number.NEGATIVE_INFINITY;

  async function load(): Promise<CachedKeySet> {
    const jwks = await getJwks();
    const kids = new Set(jwks.keys.flatMap((key) => (typeof key.kid === 'string' ? [key.kid] : [])));
    cached = { kids, getKey: createLocalJWKSet(jwks) };
    return cached;
  }

  /** One fetch at a time; `finally` runs after the assignment even when getJwks throws synchronously. */
  function fetchKeys(): Promise<CachedKeySet> {
    if (!fetching) {
      lastFetchStartedAt = now().getTime();
      fetching = load().finally(() => {
        fetching = undefined;
      });
    }
    return fetching;
  }

  async function keysFor(kid: string): Promise<CachedKeySet> {
    if (!cached) {
      try {
        return await fetchKeys();
      } catch (cause) {
        throw new AppError('unavailable', 'signing keys unavailable', { retriable: true, cause });
      }
    }
    if (cached.kids.has(kid) || now().getTime() - lastFetchStartedAt < minIntervalMs) return cached;
    // A failed refresh keeps the old set (and counts against the interval): the token is then refused as unverifiable.
    return fetchKeys().catch(() => cached as CachedKeySet);
  }

  // An ES256 verification costs ≈0.1 ms of CPU on every request; a customer sends many with one
  // token. Keyed by the whole token, signature included, so only the very bytes verified hit;
  // remembered until the token's own expiry, as verifying again would also accept it until then.
  const cacheSize = options.verifiedCacheSize ?? 10_000;
  const verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  const remember = (jwt: string, principal: Principal) => {
    if (cacheSize <= 0) return;
    const { exp } = decodeJwt(jwt);
    if (typeof exp !== 'number') return;
    if (verified.size >= cacheSize) verified.delete(verified.keys().next().value as string);
    verified.set(jwt, { principal, expiresAtMs: exp * 1000 });
  };
  const recalled = (jwt: string): Principal | undefined => {
    const hit = verified.get(jwt);
    if (!hit) return undefined;
    // stricter than jose (which allows the tolerance past exp): a miss only means verifying again
    if (now().getTime() + (options.clockToleranceSeconds ?? 0) * 1000 < hit.expiresAtMs) return { ...hit.principal };
    verified.delete(jwt);
    return undefined;
  };

  return {
    async verify(jwt) {
      const known = recalled(jwt);
      if (known) return known;
      let kid: unknown;
      try {
        kid = decodeProtectedHeader(jwt).kid;
      } catch (cause) {
        throw new AppError('unauthorized', 'invalid access token', { cause });
      }
      if (typeof kid !== 'string') throw new AppError('unauthorized', 'invalid access token');
      const keys = await keysFor(kid);
      const principal = await verifyWithKeys(jwt, keys.getKey, { ...options, now: now() });
      remember(jwt, principal);
      return principal;
    },
  };
}
