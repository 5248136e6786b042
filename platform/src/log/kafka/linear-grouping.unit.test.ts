/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's internal modules, against which the grouping is checked */
import { linearGroupingInstalled } from './kafkajs';
import { groupMessagesPerPartition } from './linear-grouping';

type Grouping = typeof groupMessagesPerPartition;

/** kafkajs's own grouping, loaded afresh (the module registry of this file holds the replacement). */
function kafkajsGrouping(): Grouping {
  let original: Grouping | undefined;
  jest.isolateModules(() => {
    original = require('kafkajs/src/producer/groupMessagesPerPartition') as Grouping;
  });
  return original as Grouping;
}

/** A partitioner with state, like kafkajs's round-robin for null keys: the order of its calls shows in its choices. */
function recordingPartitioner(seed: number) {
  const calls: unknown[] = [];
  let state = seed;
  let roundRobin = 0;
  const partitioner = (args: { topic: string; partitionMetadata: unknown[]; message: unknown }) => {
    calls.push({ ...args });
    const { partitionMetadata, message } = args;
    const { key } = message as { key: string | null };
    if (key === null) return roundRobin++ % partitionMetadata.length;
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (key.length + state) % partitionMetadata.length;
  };
  return { partitioner, calls };
}

describe('the grouping of a send by partition', () => {
  it('is what kafkajs groups, with the partitioner asked in the same order', () => {
    const original = kafkajsGrouping();
    expect(original).not.toBe(groupMessagesPerPartition);
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % below;
    };
    for (let round = 0; round < 200; round++) {
      const partitionMetadata = Array.from({ length: 1 + random(12) }, (_, partition) => ({ partitionId: partition }));
      const messages = Array.from({ length: random(300) }, (_, index) => ({ key: random(4) === 0 ? null : `stream-${random(50)}`, value: `${round}.${index}` }));
      const ours = recordingPartitioner(round);
      const theirs = recordingPartitioner(round);
      const topic = `topic-${round}`;
      const grouped = groupMessagesPerPartition({ topic, partitionMetadata, messages, partitioner: ours.partitioner });
      const expected = original({ topic, partitionMetadata, messages, partitioner: theirs.partitioner });
      expect(Object.keys(grouped)).toEqual(Object.keys(expected));
      expect(grouped).toEqual(expected);
      expect(ours.calls).toStrictEqual(theirs.calls);
    }
  });

  it('is empty, without asking the partitioner, for a topic without partitions', () => {
    const { partitioner, calls } = recordingPartitioner(1);
    expect(groupMessagesPerPartition({ topic: 't', partitionMetadata: [], messages: [{ key: 'a' }], partitioner })).toEqual({});
    expect(calls).toEqual([]);
  });

  it('is the one kafkajs\'s producer loads, installed before kafkajs itself', () => {
    expect(linearGroupingInstalled).toBe(true);
    expect(require('kafkajs/src/producer/groupMessagesPerPartition')).toBe(groupMessagesPerPartition);
    // kafkajs's sendMessages, which captures the grouping at its load, loaded after it.
    expect(require.cache[require.resolve('kafkajs/src/producer/sendMessages')]).toBeDefined();
  });
});
