/**
 * The image store contract: the same behaviour asked of every adapter (DESIGN §4.10).
 * Call it from an adapter's int test with a factory; each test works under keys of its own.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ValidationError } from '../errors';
import type { ImageStore } from './port';

export interface ImageStoreUnderTest {
  store: ImageStore;
  cleanup(): Promise<void>;
}

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
};

export function imageStoreContract(name: string, factory: () => Promise<ImageStoreUnderTest>): void {
  describe(`image store contract: ${name}`, () => {
    let underTest: ImageStoreUnderTest | undefined;
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    let counter = 0;
    const key = (file = 'original.png') => `products/contract-${run}/${(counter += 1)}/${file}`;
    const store = () => {
      if (!underTest) throw new Error('the image store factory has not run');
      return underTest.store;
    };

    beforeAll(async () => {
      underTest = await factory();
    });
    afterAll(async () => {
      await underTest?.cleanup();
    });

    it('gives back what was put: bytes, content type, length and an entity tag', async () => {
      const k = key();
      const bytes = randomBytes(2048);
      const { etag } = await store().put(k, bytes, 'image/png');
      const got = await store().get(k);
      expect(got).not.toBeNull();
      expect(got?.contentType).toBe('image/png');
      expect(got?.contentLength).toBe(bytes.length);
      expect(got?.etag).toBe(etag);
      expect(etag).toMatch(/^"[^"]+"$/);
      expect((await readAll(got!.body)).equals(bytes)).toBe(true);
    });

    it('gives equal bytes equal entity tags, and different bytes different ones', async () => {
      const bytes = randomBytes(512);
      const first = await store().put(key('a.webp'), bytes, 'image/webp');
      const same = await store().put(key('b.webp'), Buffer.from(bytes), 'image/webp');
      const other = await store().put(key('c.webp'), randomBytes(512), 'image/webp');
      expect(same.etag).toBe(first.etag);
      expect(other.etag).not.toBe(first.etag);
    });

    it('answers null and false for a key that was never put', async () => {
      const k = key();
      expect(await store().get(k)).toBeNull();
      expect(await store().exists(k)).toBe(false);
    });

    it('says an object exists once put, and not once deleted; deleting twice is no error', async () => {
      const k = key('medium.webp');
      await store().put(k, randomBytes(64), 'image/webp');
      expect(await store().exists(k)).toBe(true);
      await store().delete(k);
      expect(await store().exists(k)).toBe(false);
      expect(await store().get(k)).toBeNull();
      await expect(store().delete(k)).resolves.toBeUndefined();
    });

    it('replaces an object put again under the same key', async () => {
      const k = key('thumbnail.jpg');
      await store().put(k, Buffer.from('first version'), 'image/jpeg');
      const second = Buffer.from('the second, longer version');
      const { etag } = await store().put(k, second, 'image/jpeg');
      const got = await store().get(k);
      expect(got?.etag).toBe(etag);
      expect(got?.contentLength).toBe(second.length);
      expect((await readAll(got!.body)).equals(second)).toBe(true);
    });

    it('keeps objects of a megabyte and many objects written at once intact', async () => {
      const big = randomBytes(1024 * 1024);
      const keys = Array.from({ length: 12 }, () => key('original.jpg'));
      const bodies = keys.map((_k, index) => (index === 0 ? big : randomBytes(1000 + index)));
      await Promise.all(keys.map((k, index) => store().put(k, bodies[index] as Buffer, 'image/jpeg')));
      const read = await Promise.all(keys.map(async (k) => readAll((await store().get(k))!.body)));
      read.forEach((bytes, index) => expect(bytes.equals(bodies[index] as Buffer)).toBe(true));
    });

    it.each([['../escape.png'], ['/absolute.png'], [`products/${run}/../../x.png`], ['products//x.png'], ['products/./x.png'], [''], ['products/x y.png'], ['products\\x.png'], [`${'a'.repeat(600)}.png`]])(
      'refuses the key %j for every operation',
      async (badKey) => {
        await expect(store().put(badKey, Buffer.from('x'), 'image/png')).rejects.toBeInstanceOf(ValidationError);
        await expect(store().get(badKey)).rejects.toBeInstanceOf(ValidationError);
        await expect(store().exists(badKey)).rejects.toBeInstanceOf(ValidationError);
        await expect(store().delete(badKey)).rejects.toBeInstanceOf(ValidationError);
      },
    );

    it('reports itself healthy', async () => {
      expect((await store().health()).ok).toBe(true);
    });
  });
}
