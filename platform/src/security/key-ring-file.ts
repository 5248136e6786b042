import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { ConfigError } from '../errors';
import { createKeyRing, exportPrivateJwk, generateSigningKey } from './keys';
import type { KeyRing } from './keys';

/**
 * The embedded default: the signing key lives in a JSON file under the data dir, readable
 * by the owner only (0600, directory 0700). Its content is never logged; errors name the
 * file, not what is in it.
 */
interface KeyRingFile {
  version: 1;
  current: JWK;
  previous: Array<{ publicJwk: JWK; retiredAt: string }>;
}

const setting = 'signing key file';

async function toFile(ring: KeyRing): Promise<string> {
  const file: KeyRingFile = {
    version: 1,
    current: await exportPrivateJwk(ring.current),
    previous: ring.previous.map(({ publicJwk, retiredAt }) => ({ publicJwk, retiredAt })),
  };
  return JSON.stringify(file, null, 2);
}

function writePrivate(filePath: string, content: string): string {
  fs.mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const temporary = `${filePath}.${randomUUID()}.tmp`;
  fs.writeFileSync(temporary, content, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(temporary, 0o600); // the umask may have narrowed it further, never widened; be explicit
  return temporary;
}

async function readKeyRing(filePath: string): Promise<KeyRing> {
  let parsed: Partial<KeyRingFile>;
  try {
    parsed = JSON.parse(fs.readFileSync(filePath, 'utf8')) as Partial<KeyRingFile>;
  } catch {
    throw new ConfigError(setting, `${filePath} is not readable JSON`);
  }
  if (parsed.version !== 1 || typeof parsed.current !== 'object' || parsed.current === null) throw new ConfigError(setting, `${filePath} is not a key ring file`);
  return createKeyRing({ current: parsed.current, previous: parsed.previous ?? [] }, setting);
}

/** Replaces the file atomically (write aside, then rename), e.g. after `rotateKeyRing`. */
export async function saveKeyRing(filePath: string, ring: KeyRing): Promise<void> {
  const temporary = writePrivate(filePath, await toFile(ring));
  fs.renameSync(temporary, filePath);
}

/**
 * Reads the ring, or generates a key and saves it when the file does not exist. Two
 * processes starting together agree on one key: the file appears by an atomic link that
 * fails when it already exists, and the loser reads the winner's.
 */
export async function loadOrCreateKeyRing(filePath: string): Promise<KeyRing> {
  if (fs.existsSync(filePath)) return readKeyRing(filePath);
  const ring: KeyRing = { current: await generateSigningKey(), previous: [] };
  const temporary = writePrivate(filePath, await toFile(ring));
  try {
    fs.linkSync(temporary, filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyRing(filePath);
  } finally {
    fs.unlinkSync(temporary);
  }
  return ring;
}
