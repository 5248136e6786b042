import { createKeyQueue } from './key-queue';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createKeyQueue', () => {
  it('runs the tasks of one key one at a time, in push order', async () => {
    const queue = createKeyQueue();
    const trace: string[] = [];
    let running = 0;
    const runs = [0, 1, 2, 3, 4].map((index) =>
      queue.push('p0', 'k', index, async () => {
        running += 1;
        expect(running).toBe(1);
        trace.push(`start ${index}`);
        await new Promise((resolve) => setTimeout(resolve, 5 - index));
        trace.push(`end ${index}`);
        running -= 1;
      }),
    );
    await Promise.all(runs);
    expect(trace).toEqual([0, 1, 2, 3, 4].flatMap((index) => [`start ${index}`, `end ${index}`]));
  });

  it('runs different keys concurrently', async () => {
    const queue = createKeyQueue();
    const gates = [deferred(), deferred(), deferred()];
    const started: string[] = [];
    const runs = gates.map((gate, index) => queue.push('p0', `k${index}`, index, async () => {
      started.push(`k${index}`);
      await gate.promise;
    }));
    await tick();
    expect(started).toEqual(['k0', 'k1', 'k2']);
    expect(queue.pending()).toBe(3);
    for (const gate of gates) gate.resolve();
    await Promise.all(runs);
    expect(queue.pending()).toBe(0);
  });

  it('commits only up to the last offset whose handling and all earlier ones finished', async () => {
    const queue = createKeyQueue();
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const runs = gates.map((gate, index) => queue.push('p0', `k${index}`, 10 + index, () => gate.promise));
    expect(queue.committable('p0')).toBeUndefined();
    gates[2]?.resolve();
    gates[3]?.resolve();
    await Promise.all([runs[2], runs[3]]);
    expect(queue.committable('p0')).toBeUndefined();
    gates[0]?.resolve();
    await runs[0];
    expect(queue.committable('p0')).toBe(11);
    gates[1]?.resolve();
    await runs[1];
    expect(queue.committable('p0')).toBe(14);
  });

  it('stops a key after a failure (later tasks reject unrun) and never commits past the failed offset', async () => {
    const queue = createKeyQueue();
    const ran: number[] = [];
    const failing = queue.push('p0', 'a', 0, async () => {
      ran.push(0);
      throw new Error('boom');
    });
    const sameKey = queue.push('p0', 'a', 1, async () => void ran.push(1));
    const otherKey = queue.push('p0', 'b', 2, async () => void ran.push(2));
    await expect(failing).rejects.toThrow('boom');
    await expect(sameKey).rejects.toThrow('boom');
    await otherKey;
    expect(ran).toEqual([0, 2]);
    expect(queue.committable('p0')).toBeUndefined();
    // The key is usable again for a redelivery.
    await queue.push('p0', 'a', 0, async () => void ran.push(10));
    expect(ran).toEqual([0, 2, 10]);
  });

  it('tracks partitions separately and forgets them', async () => {
    const queue = createKeyQueue();
    await queue.push('p0', 'k', 5, async () => undefined);
    await queue.push('p1', 'k', 7, async () => undefined);
    expect(queue.committable('p0')).toBe(6);
    expect(queue.committable('p1')).toBe(8);
    queue.forget('p0');
    expect(queue.committable('p0')).toBeUndefined();
  });
});
