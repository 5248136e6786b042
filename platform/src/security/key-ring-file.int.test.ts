import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateKeyRing, saveKeyRing } from './key-ring-file';
import { publicJwks, rotateKeyRing } from './keys';

const createTestDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'key-ring-'));

describe('key ring file', () => {
  it('generates a key once, in a 0600 file under a new directory, and reads the same key back', async () => {
    const file = path.join(createTestDir(), 'secrets', 'signing-keys.json');
    const created = await loadOrCreateKeyRing(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).current.d).toEqual(expect.any(String));
    const loaded = await loadOrCreateKeyRing(file);
    expect(loaded.current.kid).toBe(created.current.kid);
    expect(publicJwks(loaded)).toEqual(publicJwks(created));
    expect(fs.readdirSync(path.dirname(file))).toEqual(['signing-keys.json']); // no temporary file left
  });

  it('agrees on one key when two loaders race to create it', async () => {
    const file = path.join(createTestDir(), 'signing-keys.json');
    const rings = await Promise.all([loadOrCreateKeyRing(file), loadOrCreateKeyRing(file), loadOrCreateKeyRing(file)]);
    const onDisk = await loadOrCreateKeyRing(file);
    expect(new Set(rings.map((ring) => ring.current.kid))).toEqual(new Set([onDisk.current.kid]));
  });

  it('saves a rotated ring with its retired public key and keeps the file private', async () => {
    const file = path.join(createTestDir(), 'signing-keys.json');
    const rotated = await rotateKeyRing(await loadOrCreateKeyRing(file), new Date('2025-03-01T12:00:00Z'));
    await saveKeyRing(file, rotated);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const loaded = await loadOrCreateKeyRing(file);
    expect(loaded.current.kid).toBe(rotated.current.kid);
    expect(loaded.previous).toEqual(rotated.previous);
    expect(JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')).previous)).not.toMatch(/"d"/);
  });

  it('refuses a file that is not a key ring, naming the file only', async () => {
    const file = path.join(createTestDir(), 'signing-keys.json');
    fs.writeFileSync(file, '{"version":1,"current":{"kty":"EC","d":"c2VjcmV0"}}');
    await expect(loadOrCreateKeyRing(file)).rejects.toThrow(/signing key file/);
    fs.writeFileSync(file, 'garbage');
    await expect(loadOrCreateKeyRing(file)).rejects.toThrow(`${file} is not readable JSON`);
  });
});
