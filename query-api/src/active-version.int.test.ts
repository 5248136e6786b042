import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { consistencyHeader, openEmbeddedReadStore } from '@ecommerce/platform';
import type { ReadStore } from '@ecommerce/platform';
import { activeVersionKey } from '@ecommerce/schemas';
import { createActiveVersions, versionReadOf } from './active-version';

describe('the serving version of a read model', () => {
  let dir: string;
  let readStore: ReadStore;
  let pointerReads: number;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'active-version-'));
    const store = openEmbeddedReadStore(path.join(dir, 'read.db'));
    pointerReads = 0;
    readStore = Object.assign(Object.create(store) as ReadStore, {
      getCheckpoint: (name: string) => {
        pointerReads += 1;
        return store.getCheckpoint(name);
      },
      close: () => store.close(),
    });
  });
  afterEach(async () => {
    await readStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const activate = (version: number) => readStore.setCheckpoint(activeVersionKey('orders'), { version, activatedAt: new Date().toISOString(), rebuiltThrough: 0 });

  it('is read once a ttl, and a switch is served once it has passed', async () => {
    let clock = 0;
    const versions = createActiveVersions(readStore, 1000, () => clock);
    expect(await versions.version('orders')).toBe(1);
    await activate(2);
    clock = 999;
    expect(await versions.version('orders')).toBe(1);
    expect(pointerReads).toBe(1);
    clock = 1000;
    expect(await versions.version('orders')).toBe(2);
    expect(pointerReads).toBe(2);
  });

  it('shares a read under way, and keeps the read that began last', async () => {
    const versions = createActiveVersions(readStore, 60_000);
    const [first, second] = await Promise.all([versions.version('orders'), versions.version('orders')]);
    expect({ first, second, pointerReads }).toEqual({ first: 1, second: 1, pointerReads: 1 });
    await activate(2);
    // a token's read begins after the remembered one: what it reads stays remembered
    expect(await versions.version('orders', { fresh: true })).toBe(2);
    expect(await versions.version('orders')).toBe(2);
  });

  it('is read now for a request with a consistency token, which waits on the version that serves', async () => {
    const versions = createActiveVersions(readStore, 60_000);
    const request = (headers: Record<string, string>) => ({ header: (name: string) => headers[name.toLowerCase()] });
    expect(await versions.version('orders', versionReadOf(request({})))).toBe(1);
    await activate(2);
    expect(await versions.version('orders', versionReadOf(request({})))).toBe(1);
    expect(await versions.version('orders', versionReadOf(request({ [consistencyHeader.toLowerCase()]: 'token' })))).toBe(2);
    // what it read is remembered for the others
    expect(await versions.version('orders')).toBe(2);
    expect(pointerReads).toBe(2);
  });
});
