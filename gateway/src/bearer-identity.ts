import type { Request } from 'express';
import { AppError } from '@ecommerce/platform';
import type { Principal, TokenVerifier } from '@ecommerce/platform';

const bearer = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * The caller of a request: nobody without an Authorization header; the token's subject and
 * role with a valid access token (verified against the JWKS, cached by the verifier); and a
 * 401 for anything else — a bad token is never treated as anonymous.
 */
export function bearerIdentity(verifier: TokenVerifier): (req: Request) => Promise<Principal | null> {
  return async (req) => {
    const header = req.header('authorization');
    if (header === undefined) return null;
    const token = bearer.exec(header.trim())?.[1];
    if (!token) throw new AppError('unauthorized', 'Authorization must be "Bearer <access token>"');
    return verifier.verify(token);
  };
}
