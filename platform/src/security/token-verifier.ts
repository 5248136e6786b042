import { createLocalJWKSet, decodeProtectedHeader } from 'jose';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors';
import type { Principal } from '../http/principal';
import { verifyWithKeys } from './tokens';
import type { VerifyOptions } from './tokens';

export interface TokenVerifierOptions extends Omit<VerifyOptions, 'now'> {
  /** A token with an unknown kid refetches the key set at most this often (tokens are attacker input). */
  minRefreshIntervalSeconds?: number;
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

  return {
    async verify(jwt) {
      let kid: unknown;
      try {
        kid = decodeProtectedHeader(jwt).kid;
      } catch (cause) {
        throw new AppError('unauthorized', 'invalid access token', { cause });
      }
      if (typeof kid !== 'string') throw new AppError('unauthorized', 'invalid access token');
      const keys = await keysFor(kid);
      return verifyWithKeys(jwt, keys.getKey, { ...options, now: now() });
    },
  };
}
