import { join } from 'node:path';
import { keyRingFromPrivateJwk, loadOrCreateKeyRing, pruneRetired, rotateKeyRing, saveKeyRing } from '@ecommerce/platform';
import type { KeyRing, Logger, Settings } from '@ecommerce/platform';

const keyFileOf = (settings: Settings) => settings.JWT_PRIVATE_KEY_FILE ?? join(settings.DATA_DIR, 'keys', 'signing-keys.json');

/**
 * The token signing keys: from JWT_PRIVATE_KEY (a private JWK), else the file JWT_PRIVATE_KEY_FILE,
 * else a key generated once and kept under DATA_DIR (the embedded default). Never logged.
 * Every command-api instance must get the same key: give it by setting or a shared file.
 */
export async function loadSigningKeys(settings: Settings): Promise<KeyRing> {
  if (settings.JWT_PRIVATE_KEY) return keyRingFromPrivateJwk(settings.JWT_PRIVATE_KEY, 'JWT_PRIVATE_KEY');
  return loadOrCreateKeyRing(keyFileOf(settings));
}

/**
 * Signing keys that follow their file: `ecommerce keys rotate` rewrites it, and every process
 * signing from it picks the new key up within `reloadMs`, while the old public key stays in
 * the JWKS until tokens it signed have expired.
 */
export async function watchSigningKeys(settings: Settings, logger: Logger, reloadMs = 30_000): Promise<{ current(): KeyRing; stop(): void }> {
  let ring = await loadSigningKeys(settings);
  if (settings.JWT_PRIVATE_KEY) return { current: () => ring, stop: () => undefined };
  const timer = setInterval(() => {
    loadOrCreateKeyRing(keyFileOf(settings)).then(
      (next) => {
        if (next.current.kid !== ring.current.kid) logger.info({ kid: next.current.kid }, 'signing key rotated');
        ring = next;
      },
      (error: unknown) => logger.warn({ err: error }, 'could not reload the signing keys; keeping the current ones'),
    );
  }, reloadMs);
  timer.unref();
  return { current: () => ring, stop: () => clearInterval(timer) };
}

/** A new signing key; the previous one stays verifiable for the access-token lifetime. */
export async function rotateSigningKeys(settings: Settings): Promise<{ kid: string; retired: string }> {
  if (settings.JWT_PRIVATE_KEY) throw new Error('the signing key comes from JWT_PRIVATE_KEY: rotate it there');
  const file = keyFileOf(settings);
  const ring = await loadOrCreateKeyRing(file);
  const now = new Date();
  const rotated = pruneRetired(await rotateKeyRing(ring, now), now, settings.ACCESS_TOKEN_TTL_SECONDS * 2);
  await saveKeyRing(file, rotated);
  return { kid: rotated.current.kid, retired: ring.current.kid };
}
