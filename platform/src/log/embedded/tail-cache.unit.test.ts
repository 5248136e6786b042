import { createTailCache } from './tail-cache';
import type { LogMessage } from '../port';

const message = (offset: number, partition = 0): LogMessage => ({
  topic: 't', partition, offset, key: `k${offset}`, value: Buffer.from(`v${offset}`), headers: { n: String(offset) }, timestamp: offset,
});
const messages = (from: number, count: number, partition = 0) => Array.from({ length: count }, (_, index) => message(from + index, partition));
const offsets = (held: readonly LogMessage[]) => held.map((held) => held.offset);

describe('tail cache of an embedded log connection', () => {
  it('holds nothing at first', () => {
    expect(createTailCache().get('t', 0, 0, 5)).toEqual([]);
  });

  it('hands out the same objects for a range it holds, and the held prefix of one that goes further', () => {
    const cache = createTailCache();
    const read = messages(10, 5);
    cache.put('t', 0, 10, read);
    const again = cache.get('t', 0, 11, 3);
    expect(offsets(again)).toEqual([11, 12, 13]);
    expect(again[0]).toBe(read[1]);
    expect(offsets(cache.get('t', 0, 13, 10))).toEqual([13, 14]);
    expect(cache.get('t', 0, 15, 1)).toEqual([]);
    expect(cache.get('t', 0, 9, 3)).toEqual([]);
    expect(cache.get('t', 1, 10, 3)).toEqual([]);
  });

  it('extends its window with a read that follows or overlaps its end, keeping the objects it had', () => {
    const cache = createTailCache();
    const first = messages(0, 3);
    cache.put('t', 0, 0, first);
    cache.put('t', 0, 2, messages(2, 4));
    const held = cache.get('t', 0, 0, 6);
    expect(offsets(held)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(held[2]).toBe(first[2]);
  });

  it('moves its window to a read ahead of it, and keeps it for a read behind it', () => {
    const cache = createTailCache();
    cache.put('t', 0, 0, messages(0, 3));
    cache.put('t', 0, 10, messages(10, 2));
    expect(cache.get('t', 0, 0, 1)).toEqual([]);
    expect(offsets(cache.get('t', 0, 10, 2))).toEqual([10, 11]);
    cache.put('t', 0, 5, messages(5, 2));
    expect(cache.get('t', 0, 5, 1)).toEqual([]);
    expect(offsets(cache.get('t', 0, 10, 2))).toEqual([10, 11]);
  });

  it('keeps nothing of a read whose offsets have gaps', () => {
    const cache = createTailCache();
    cache.put('t', 0, 0, [message(0), message(2)]);
    expect(cache.get('t', 0, 0, 1)).toEqual([]);
  });

  it('drops the oldest messages past its capacity', () => {
    const cache = createTailCache(4);
    cache.put('t', 0, 0, messages(0, 6));
    cache.put('t', 0, 6, messages(6, 3));
    expect(cache.get('t', 0, 0, 1)).toEqual([]);
    expect(offsets(cache.get('t', 0, 5, 4))).toEqual([5, 6, 7, 8]);
    cache.put('t', 0, 20, messages(20, 12));
    expect(cache.get('t', 0, 20, 1)).toEqual([]);
    expect(offsets(cache.get('t', 0, 24, 8))).toEqual([24, 25, 26, 27, 28, 29, 30, 31]);
  });

  it('reads a partition once something of it is held, and holds a whole batch of 500 by default', () => {
    const cache = createTailCache();
    expect(cache.reads('t', 0)).toBe(false);
    cache.put('t', 0, 0, messages(0, 500));
    expect(cache.reads('t', 0)).toBe(true);
    expect(cache.reads('t', 1)).toBe(false);
    expect(offsets(cache.get('t', 0, 0, 500))).toEqual(offsets(messages(0, 500)));
  });
});
