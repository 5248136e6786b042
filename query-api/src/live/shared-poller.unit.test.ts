import { createSharedPoller } from './shared-poller';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A document store of versions per key that counts its reads. */
function createTestSource(initial: Record<string, number> = {}) {
  const versions = new Map(Object.entries(initial));
  const reads: string[] = [];
  return {
    reads,
    set: (key: string, version: number) => void versions.set(key, version),
    read: async (key: string) => {
      reads.push(key);
      return versions.get(key) ?? 0;
    },
  };
}

async function until(condition: () => boolean, what: string, boundMs = 2000): Promise<void> {
  for (let waited = 0; waited < boundMs; waited += 5) {
    if (condition()) return;
    await sleep(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('shared poller', () => {
  it('reads a key once per tick for all of its subscribers, and fans every change out to each', async () => {
    const source = createTestSource({ order: 1 });
    const poller = createSharedPoller({ read: source.read, intervalMs: 20, changed: (previous, next) => previous !== next });
    const seen: number[][] = Array.from({ length: 50 }, () => []);
    const started = Date.now();
    const unsubscribes = seen.map((values) => poller.subscribe('order', (value) => values.push(value)));
    await until(() => seen.every((values) => values.length === 1), 'the first value');
    source.set('order', 2);
    await until(() => seen.every((values) => values.length === 2), 'the change');
    await sleep(100);
    // one read per tick of 20 ms, however many subscribers: a read per subscriber would be 50 a tick
    const elapsedTicks = (Date.now() - started) / 20;
    expect(source.reads.length).toBeGreaterThanOrEqual(3);
    expect(source.reads.length).toBeLessThanOrEqual(elapsedTicks + 2);
    expect(seen.every((values) => values.join() === '1,2')).toBe(true);
    expect(poller.activeKeys()).toBe(1);
    unsubscribes.forEach((unsubscribe) => unsubscribe());
  });

  it('stops reading a key when its last subscriber leaves, and starts again for a new one', async () => {
    const source = createTestSource({ a: 1 });
    const poller = createSharedPoller({ read: source.read, intervalMs: 10 });
    const first = poller.subscribe('a', () => undefined);
    const second = poller.subscribe('a', () => undefined);
    await sleep(50);
    first();
    await sleep(30);
    expect(poller.activeKeys()).toBe(1);
    second();
    expect(poller.activeKeys()).toBe(0);
    const readsWhenLeft = source.reads.length;
    await sleep(60);
    expect(source.reads.length).toBeLessThanOrEqual(readsWhenLeft + 1); // at most the read in flight when it stopped
    const again: number[] = [];
    const unsubscribe = poller.subscribe('a', (value) => again.push(value));
    await until(() => again.length === 1, 'a new first value');
    unsubscribe();
  });

  it('polls each watched key on its own and gives a late subscriber the last value at once', async () => {
    const source = createTestSource({ a: 1, b: 7 });
    const poller = createSharedPoller({ read: source.read, intervalMs: 15, changed: (previous, next) => previous !== next });
    const first: number[] = [];
    const b: number[] = [];
    const stopFirst = poller.subscribe('a', (value) => first.push(value));
    const stopB = poller.subscribe('b', (value) => b.push(value));
    await until(() => first.length === 1 && b.length === 1, 'both keys');
    const late: number[] = [];
    const stopLate = poller.subscribe('a', (value) => late.push(value));
    expect(late).toEqual([1]);
    expect(b).toEqual([7]);
    expect(new Set(source.reads)).toEqual(new Set(['a', 'b']));
    for (const stop of [stopFirst, stopB, stopLate]) stop();
  });

  it('keeps polling after a failed read, and reports it', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const poller = createSharedPoller({
      read: async () => {
        calls += 1;
        if (calls === 1) throw new Error('store away');
        return calls;
      },
      intervalMs: 10,
      onError: (error) => errors.push(error),
    });
    const values: number[] = [];
    const unsubscribe = poller.subscribe('k', (value) => values.push(value));
    await until(() => values.length > 0, 'a value after the failure');
    expect(errors).toHaveLength(1);
    unsubscribe();
  });

  it('close stops every key', async () => {
    const source = createTestSource();
    const poller = createSharedPoller({ read: source.read, intervalMs: 10 });
    poller.subscribe('a', () => undefined);
    poller.subscribe('b', () => undefined);
    await sleep(30);
    poller.close();
    expect(poller.activeKeys()).toBe(0);
    const reads = source.reads.length;
    await sleep(50);
    expect(source.reads.length).toBeLessThanOrEqual(reads + 2);
  });
});
