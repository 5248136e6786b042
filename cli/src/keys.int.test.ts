import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueAccessToken, loadSettings, publicJwks, verifyAccessToken } from '@ecommerce/platform';
import { loadSigningKeys, rotateSigningKeys } from './keys';

describe('signing key rotation', () => {
  it('keeps tokens of the previous key valid while new ones are signed with the new key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    try {
      const settings = loadSettings({ DATA_DIR: dir });
      const before = await loadSigningKeys(settings);
      const oldToken = await issueAccessToken({ sub: 'u1', role: 'customer' }, before);
      const { kid, retired } = await rotateSigningKeys(settings);
      expect(retired).toBe(before.current.kid);
      const after = await loadSigningKeys(settings);
      expect(after.current.kid).toBe(kid);
      expect(kid).not.toBe(retired);
      const jwks = publicJwks(after);
      expect(jwks.keys.map((key) => key.kid).sort()).toEqual([kid, retired].sort());
      await expect(verifyAccessToken(oldToken, jwks)).resolves.toEqual({ sub: 'u1', role: 'customer' });
      const newToken = await issueAccessToken({ sub: 'u2', role: 'admin' }, after);
      await expect(verifyAccessToken(newToken, jwks)).resolves.toEqual({ sub: 'u2', role: 'admin' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
