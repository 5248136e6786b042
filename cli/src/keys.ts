import { join } from 'node:path';
import { keyRingFromPrivateJwk, loadOrCreateKeyRing } from '@ecommerce/platform';
import type { KeyRing, Settings } from '@ecommerce/platform';

/**
 * The token signing keys: from JWT_PRIVATE_KEY (a private JWK), else the file JWT_PRIVATE_KEY_FILE,
 * else a key generated once and kept under DATA_DIR (the embedded default). Never logged.
 * Every command-api instance must get the same key: give it by setting or a shared file.
 */
export async function loadSigningKeys(settings: Settings): Promise<KeyRing> {
  if (settings.JWT_PRIVATE_KEY) return keyRingFromPrivateJwk(settings.JWT_PRIVATE_KEY, 'JWT_PRIVATE_KEY');
  return loadOrCreateKeyRing(settings.JWT_PRIVATE_KEY_FILE ?? join(settings.DATA_DIR, 'keys', 'signing-keys.json'));
}
