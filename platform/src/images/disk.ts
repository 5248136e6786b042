import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { assertImageKey } from './port';
import type { ImageStore, StoredImage } from './port';

interface ObjectMeta {
  contentType: string;
  etag: string;
}

/**
 * Images as files under `root` (DATA_DIR/images): the bytes under `objects/<key>`, their content
 * type and entity tag under `meta/<key>.json`. Both are written to `tmp/` and renamed into place
 * (a rename is atomic on one filesystem), bytes first: the meta file is the commit marker, so a
 * crash mid-write leaves an object that does not exist rather than a torn one.
 */
export function createDiskImageStore(root: string): ImageStore {
  const base = resolve(root);
  const objectsDir = join(base, 'objects');
  const metaDir = join(base, 'meta');
  const tmpDir = join(base, 'tmp');

  const within = (dir: string, relative: string): string => {
    assertImageKey(relative.replace(/\.json$/, ''));
    const path = resolve(dir, relative);
    // The key pattern already forbids `..`; this is the belt to its braces.
    if (!path.startsWith(dir + sep)) throw new Error(`image key escapes the store: ${relative}`);
    return path;
  };
  const objectPath = (key: string) => within(objectsDir, key);
  const metaPath = (key: string) => within(metaDir, `${key}.json`);

  async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
    await mkdir(tmpDir, { recursive: true });
    await mkdir(dirname(path), { recursive: true });
    const temp = join(tmpDir, randomUUID());
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async function readMeta(key: string): Promise<ObjectMeta | null> {
    try {
      return JSON.parse(await readFile(metaPath(key), 'utf8')) as ObjectMeta;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  return {
    async put(key, body, contentType) {
      const data = objectPath(key);
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      await writeAtomically(data, body);
      await writeAtomically(metaPath(key), JSON.stringify({ contentType, etag } satisfies ObjectMeta));
      return { etag };
    },

    async get(key): Promise<StoredImage | null> {
      const data = objectPath(key);
      const meta = await readMeta(key);
      if (!meta) return null;
      let handle;
      try {
        handle = await open(data, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      // Length from the open file: a concurrent replace cannot make it disagree with the stream.
      const { size } = await handle.stat();
      return { contentType: meta.contentType, etag: meta.etag, contentLength: size, body: handle.createReadStream() };
    },

    async exists(key) {
      return (await readMeta(key)) !== null;
    },

    async delete(key) {
      const data = objectPath(key);
      await rm(metaPath(key), { force: true });
      await rm(data, { force: true });
    },

    async health() {
      try {
        await mkdir(objectsDir, { recursive: true });
        await stat(objectsDir);
        await writeFile(join(base, '.health'), new Date().toISOString());
        return { ok: true, detail: base };
      } catch (error) {
        return { ok: false, detail: (error as Error).message };
      }
    },

    async close() {},
  };
}
