import type { Log } from '@ecommerce/platform';
import { sharedEndOffsetsOf } from './end-offsets';

/** A log whose endOffsets answers when told to, counting the reads. */
function slowLog() {
  const pending: Array<{ topic: string; resolve: (ends: number[]) => void; reject: (error: Error) => void }> = [];
  const log = { endOffsets: (topic: string) => new Promise<number[]>((resolve, reject) => pending.push({ topic, resolve, reject })) } as unknown as Log;
  return { log, pending };
}

describe('end offsets shared by the projections of a process', () => {
  afterEach(() => jest.useRealTimers());

  it('reads a topic once for callers within maxAgeMs, and again after', async () => {
    jest.useFakeTimers({ now: 1_000 });
    const { log, pending } = slowLog();
    const endOffsets = sharedEndOffsetsOf(log, 100);
    const first = endOffsets('orders');
    jest.setSystemTime(1_050);
    const second = endOffsets('orders');
    const other = endOffsets('catalog');
    expect(pending.map((read) => read.topic)).toEqual(['orders', 'catalog']);
    pending[0]?.resolve([3, 4]);
    pending[1]?.resolve([7]);
    // both callers get the reading that began at 1,000: it is true of that time, not of 1,050
    expect(await first).toEqual({ ends: [3, 4], readAt: 1_000 });
    expect(await second).toEqual({ ends: [3, 4], readAt: 1_000 });
    expect(await other).toEqual({ ends: [7], readAt: 1_050 });
    jest.setSystemTime(1_101);
    const later = endOffsets('orders');
    expect(pending).toHaveLength(3);
    pending[2]?.resolve([5, 4]);
    expect(await later).toEqual({ ends: [5, 4], readAt: 1_101 });
  });

  it('does not hand a failed reading to the next caller', async () => {
    const { log, pending } = slowLog();
    const endOffsets = sharedEndOffsetsOf(log, 60_000);
    const failed = endOffsets('orders');
    pending[0]?.reject(new Error('broker gone'));
    await expect(failed).rejects.toThrow('broker gone');
    const retried = endOffsets('orders');
    expect(pending).toHaveLength(2);
    pending[1]?.resolve([1]);
    expect((await retried).ends).toEqual([1]);
  });
});
