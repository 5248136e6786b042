import type { Kafka } from 'kafkajs';
import { createKafkaConsumer, quietPartitions } from './consumer';

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

describe('createKafkaConsumer', () => {
  const settings = { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1000, rebalanceTimeoutMs: 30_000, maxWaitTimeMs: 500, partitionsConsumedConcurrently: 1, retryBackoffMs: 100, maxRetryBackoffMs: 5000, stallAfterMs: 5000, commitIntervalMs: 0 };
  const options = { groupId: 'g', topics: ['t'], eachBatch: async () => undefined };
  const unusedClient = {} as Kafka;

  it('refuses a batch window as long as its stall check, which would read every window as a stall', () => {
    expect(() => createKafkaConsumer(unusedClient, { ...options, batchWindowMs: 5000 }, settings)).toThrow('consumer g: its batch window (5000 ms) must be shorter than the stall check\'s 5000 ms');
    expect(() => createKafkaConsumer(unusedClient, { ...options, batchWindowMs: 4999 }, settings)).not.toThrow();
    expect(() => createKafkaConsumer(unusedClient, options, settings)).not.toThrow();
  });

  it('refuses a commit interval over half its stall check, which reads a quiet partition\'s committed offset', () => {
    expect(() => createKafkaConsumer(unusedClient, { ...options, commitIntervalMs: 2501 }, settings)).toThrow('consumer g: its commit interval (2501 ms) must be at most half the stall check\'s 5000 ms');
    expect(() => createKafkaConsumer(unusedClient, options, { ...settings, commitIntervalMs: 2501 })).toThrow('commit interval (2501 ms)');
    expect(() => createKafkaConsumer(unusedClient, { ...options, commitIntervalMs: 2500 }, settings)).not.toThrow();
  });
});
