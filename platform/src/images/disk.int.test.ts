import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageStoreContract } from './contract';
import { createDiskImageStore } from './disk';

const root = mkdtempSync(join(tmpdir(), 'ecommerce-images-'));

imageStoreContract('local disk', async () => ({
  store: createDiskImageStore(join(root, 'images')),
  cleanup: async () => rmSync(root, { recursive: true, force: true }),
}));

describe('local disk image store', () => {
  it('leaves no temporary file behind and keeps every object inside its folder', async () => {
    const folder = join(root, 'own');
    const store = createDiskImageStore(folder);
    await store.put('products/p/i/original.png', Buffer.from('png bytes'), 'image/png');
    expect(readdirSync(join(folder, 'tmp'))).toEqual([]);
    expect(readdirSync(join(folder, 'objects', 'products', 'p', 'i'))).toEqual(['original.png']);
    await expect(store.put('products/../../../etc/passwd', Buffer.from('x'), 'image/png')).rejects.toThrow(/invalid image key/);
  });
});
