import { createHash } from 'node:crypto';
import { hashRefreshToken, newRefreshToken, sessionIdOfRefreshToken } from './refresh-tokens';

describe('refresh tokens', () => {
  it('is the session id, a dot and 32 random bytes in base64url, stored as the sha256 hex of the whole', () => {
    const { token, hash } = newRefreshToken('session-7f3a');
    expect(token).toMatch(/^session-7f3a\.[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.split('.')[1] as string, 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashRefreshToken(token)).toBe(hash);
  });

  it('never repeats a secret', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newRefreshToken('s').token));
    expect(tokens.size).toBe(1000);
  });

  it('reads the session id back, and nothing from a token not shaped like ours', () => {
    expect(sessionIdOfRefreshToken(newRefreshToken('session-7f3a').token)).toBe('session-7f3a');
    for (const token of ['', 'session-7f3a', '.abc', 'session-7f3a.short', `session.${'a'.repeat(44)}`, `s.${'!'.repeat(43)}`]) {
      expect(sessionIdOfRefreshToken(token)).toBeNull();
    }
  });

  it('refuses a session id that would make the token ambiguous', () => {
    expect(() => newRefreshToken('a.b')).toThrow();
    expect(() => newRefreshToken('')).toThrow();
  });
});
