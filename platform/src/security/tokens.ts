import { randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, errors, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors';
import type { Principal, Role } from '../http/principal';
import { publicJwks, signingAlgorithm } from './keys';
import type { KeyRing } from './keys';

/** Short-lived: a stolen access token is good for five minutes; refresh tokens carry the session. */
export const accessTokenDefaults = { ttlSeconds: 300, issuer: 'ecommerce', audience: 'ecommerce-api' } as const;

export interface IssueOptions {
  ttlSeconds?: number;
  issuer?: string;
  audience?: string;
  /** The issuing time; tests pass one to build expired tokens. */
  now?: Date;
}

export interface VerifyOptions {
  issuer?: string;
  audience?: string;
  now?: Date;
  /** Leeway for `exp` between hosts' clocks; 0 by default (issuer and verifier share a clock in our deployments). */
  clockToleranceSeconds?: number;
}

/** An ES256 JWT with kid, sub, role, iat, exp, jti, iss, aud. */
export async function issueAccessToken(principal: Principal, ring: KeyRing, options: IssueOptions = {}): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ role: principal.role })
    .setProtectedHeader({ alg: signingAlgorithm, typ: 'JWT', kid: ring.current.kid })
    .setSubject(principal.sub)
    .setIssuer(options.issuer ?? accessTokenDefaults.issuer)
    .setAudience(options.audience ?? accessTokenDefaults.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.ttlSeconds ?? accessTokenDefaults.ttlSeconds))
    .setJti(randomUUID())
    .sign(ring.current.privateKey);
}

const isRole = (value: unknown): value is Role => value === 'customer' || value === 'admin';

const refused = (message: string, cause?: unknown): AppError => new AppError('unauthorized', message, { cause });

function principalFrom(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '' || !isRole(payload.role)) throw refused('invalid access token');
  return { sub: payload.sub, role: payload.role };
}

/**
 * Verifies with the keys `getKey` finds. Pins ES256, so `alg: none` and HS256 signed with
 * the public key as secret fail before any key is used; demands a kid, so a token cannot
 * make jose pick "the only key". Every failure is an AppError('unauthorized'); only expiry
 * is named (the client then refreshes), the rest says no more than "invalid".
 */
export async function verifyWithKeys(jwt: string, getKey: JWTVerifyGetKey, options: VerifyOptions = {}): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(
      jwt,
      (header, token) => {
        if (typeof header.kid !== 'string') throw refused('invalid access token');
        return getKey(header, token);
      },
      {
        algorithms: [signingAlgorithm],
        issuer: options.issuer ?? accessTokenDefaults.issuer,
        audience: options.audience ?? accessTokenDefaults.audience,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        currentDate: options.now,
        clockTolerance: options.clockToleranceSeconds ?? 0,
      },
    );
    return principalFrom(payload);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof errors.JWTExpired) throw refused('access token expired', error);
    throw refused('invalid access token', error);
  }
}

/** For a verifier holding the ring itself or a fetched JWKS; `createTokenVerifier` caches and refreshes a remote one. */
export function verifyAccessToken(jwt: string, keys: JSONWebKeySet | KeyRing, options: VerifyOptions = {}): Promise<Principal> {
  const jwks = 'keys' in keys ? keys : publicJwks(keys);
  return verifyWithKeys(jwt, createLocalJWKSet(jwks), options);
}
