import { quietPartitions } from './consumer';

describe('quietPartitions', () => {
  const lastSeen = new Map([['a#0', 1000], ['a#1', 9000], ['b#0', 1000]]);

  it('names the held partitions not handed over for stallAfterMs', () => {
    expect(quietPartitions({ held: ['a#0', 'a#1', 'b#0'], lastSeen, paused: new Set(), now: 10_000, stallAfterMs: 5000 })).toEqual(['a#0', 'b#0']);
  });

  it('leaves out a partition paused after its handler failed: its retry is not a stall', () => {
    expect(quietPartitions({ held: ['a#0', 'b#0'], lastSeen, paused: new Set(['b#0']), now: 10_000, stallAfterMs: 5000 })).toEqual(['a#0']);
  });

  it('counts a partition never seen from now on, not as quiet', () => {
    expect(quietPartitions({ held: ['c#0'], lastSeen, paused: new Set(), now: 10_000, stallAfterMs: 5000 })).toEqual([]);
  });
});
