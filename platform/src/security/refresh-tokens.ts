import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens are opaque: `<sessionId>.<secret>`, the secret 32 random bytes in
 * base64url. The session id tells the handler which stream to load; only the sha256 of
 * the whole token is stored, so the event store never holds a usable token.
 */
export interface RefreshToken {
  token: string;
  hash: string;
}

const secretPattern = /^[A-Za-z0-9_-]{43}$/;

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export function newRefreshToken(sessionId: string): RefreshToken {
  if (sessionId === '' || sessionId.includes('.')) throw new Error('a session id must be non-empty and contain no dot');
  const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token) };
}

/** The session a presented token claims to belong to, or null when it is not shaped like ours. */
export function sessionIdOfRefreshToken(token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const secret = token.slice(dot + 1);
  return secretPattern.test(secret) ? token.slice(0, dot) : null;
}
