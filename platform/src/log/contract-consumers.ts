import { createAssignmentTracker, createCollector, range, text, textOf, uniqueName, waitFor } from './contract-helpers';
import type { LogContractContext } from './contract-helpers';
import { partitionUnit } from './port';
import type { Log, ProducerRecord } from './port';

const TIMEOUT_MS = 120_000;

const keyed = (topic: string, values: readonly string[]): ProducerRecord[] =>
  values.map((value) => ({ topic, key: `key-${value}`, value: text(value) }));

const committedAll = async (log: Log, groupId: string, topic: string) => {
  const [ends, committed] = await Promise.all([log.endOffsets(topic), log.committedOffsets(groupId, topic)]);
  return ends.every((end, partition) => end === 0 || committed[partition] === end);
};

/** Consumer groups: delivery, commits, redelivery, rebalancing. */
export function registerConsumerContract(context: LogContractContext): void {
  it('keeps per-partition order for a consumer', async () => {
    const topic = await context.newTopic(3);
    const producer = context.producer();
    const keys = ['a', 'b', 'c', 'd', 'e'];
    for (let round = 0; round < 4; round++) {
      await producer.send(range(15).map((index) => ({ topic, key: keys[index % 5] ?? 'a', value: text(`${round * 15 + index}`) })));
    }
    const collector = createCollector();
    await context.consume({ groupId: uniqueName('group'), topics: [topic], maxBatchSize: 7, eachBatch: async (batch) => collector.add(batch) });
    await waitFor('all 60 messages', () => collector.messages.length >= 60);
    for (const key of keys) {
      const values = collector.messages.filter((message) => message.key === key).map((message) => Number(textOf(message)));
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(values).toHaveLength(12);
    }
    for (const partition of range(3)) {
      const offsets = collector.messages.filter((message) => message.partition === partition).map((message) => message.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(new Set(offsets).size).toBe(offsets.length);
    }
  }, TIMEOUT_MS);

  it('delivers every message to a group and commits the offsets', async () => {
    const topic = await context.newTopic(4);
    const groupId = uniqueName('group');
    const values = range(100).map(String);
    await context.producer().send(keyed(topic, values));
    const collector = createCollector();
    await context.consume({ groupId, topics: [topic], eachBatch: async (batch) => collector.add(batch) });
    await waitFor('every message', () => collector.hasAll(values));
    await waitFor('offsets committed up to the end', () => committedAll(context.log(), groupId, topic));
  }, TIMEOUT_MS);

  it('resumes from committed offsets: committed is not redelivered, uncommitted is', async () => {
    const topic = await context.newTopic(2);
    const groupId = uniqueName('group');
    const producer = context.producer();
    await producer.send([
      ...range(5).map((index) => ({ topic, partition: 0, key: null, value: text(`p0-${index}`) })),
      ...range(5).map((index) => ({ topic, partition: 1, key: null, value: text(`p1-${index}`) })),
    ]);
    const first = createCollector();
    const failing = await context.consume({
      groupId,
      topics: [topic],
      eachBatch: async (batch) => {
        first.add(batch);
        if (batch.partition === 1) throw new Error('partition 1 always fails here');
      },
    });
    await waitFor('partition 0 committed and partition 1 attempted', async () => {
      const committed = await context.log().committedOffsets(groupId, topic);
      return committed[0] === 5 && first.messages.some((message) => message.partition === 1);
    });
    await context.stop(failing);
    expect((await context.log().committedOffsets(groupId, topic))[1] ?? 0).toBe(0);

    const second = createCollector();
    await context.consume({ groupId, topics: [topic], eachBatch: async (batch) => second.add(batch) });
    await waitFor('partition 1 redelivered', () => second.hasAll(range(5).map((index) => `p1-${index}`)));
    await producer.send([{ topic, partition: 0, key: null, value: text('p0-marker') }]);
    await waitFor('the new marker on partition 0', () => second.hasAll(['p0-marker']));
    expect(second.messages.filter((message) => message.partition === 0).map(textOf)).toEqual(['p0-marker']);
    await waitFor('offsets committed up to the end', () => committedAll(context.log(), groupId, topic));
  }, TIMEOUT_MS);

  it('redelivers a batch whose handler threw, then goes on', async () => {
    const topic = await context.newTopic(1);
    const groupId = uniqueName('group');
    const producer = context.producer();
    await producer.send(keyed(topic, ['m0', 'm1', 'm2', 'm3']));
    const attempts = new Map<string, number>();
    const handled: string[] = [];
    await context.consume({
      groupId,
      topics: [topic],
      maxBatchSize: 2,
      eachBatch: async (batch) => {
        const values = batch.messages.map((message) => textOf(message) ?? '');
        for (const value of values) attempts.set(value, (attempts.get(value) ?? 0) + 1);
        if (values.includes('m2') && (attempts.get('m2') ?? 0) < 3) throw new Error('transient failure');
        handled.push(...values);
      },
    });
    await waitFor('m3 handled after the retries', () => handled.includes('m3'));
    expect(attempts.get('m2')).toBe(3);
    expect(handled.filter((value) => value === 'm2')).toHaveLength(1);
    await producer.send(keyed(topic, ['m4']));
    await waitFor('a later message', () => handled.includes('m4'));
    await waitFor('offsets committed up to the end', () => committedAll(context.log(), groupId, topic));
  }, TIMEOUT_MS);

  it('with a batch window, handles a message after a quiet spell at once and those sent within the window in one round', async () => {
    const windowMs = 1500;
    const topic = await context.newTopic(8);
    const producer = context.producer();
    const batches: Array<{ at: number; partition: number; values: string[] }> = [];
    await context.consume({
      groupId: uniqueName('group'),
      topics: [topic],
      batchWindowMs: windowMs,
      eachBatch: async (batch) => void batches.push({ at: Date.now(), partition: batch.partition, values: batch.messages.map((message) => textOf(message) ?? '') }),
    });
    await producer.send([{ topic, partition: 4, key: null, value: text('first') }]);
    // Timed from the send's answer, not its start: a producer's first send connects first.
    const sentAt = Date.now();
    await waitFor('the first message', () => batches.length === 1);
    // At once: well before the window would have ended.
    expect((batches[0]?.at ?? Infinity) - sentAt).toBeLessThan(windowMs / 2);
    // Ten more, one at a time: without the window each would be a batch of its own (every send wakes the waiting consumer).
    for (const index of range(10)) {
      await producer.send([{ topic, partition: index % 8, key: null, value: text(`then-${index}`) }]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitFor('all 11 messages', () => batches.flatMap((batch) => batch.values).length === 11);
    // Sent within a window: read together once the first batch's window is over, a batch a partition, one after another.
    const round = batches.slice(1);
    expect(round.map((batch) => batch.partition).sort((a, b) => a - b)).toEqual(range(8));
    expect((round[0]?.at ?? 0) - (batches[0]?.at ?? 0)).toBeGreaterThanOrEqual(windowMs - 50);
    expect((round.at(-1)?.at ?? Infinity) - (round[0]?.at ?? 0)).toBeLessThan(windowMs / 2);
  }, TIMEOUT_MS);

  it('splits the partitions between two consumers of a group, each message handled once', async () => {
    const topic = await context.newTopic(4);
    const groupId = uniqueName('group');
    const collectors = [createCollector(), createCollector()] as const;
    const trackers = [createAssignmentTracker(), createAssignmentTracker()] as const;
    for (const index of [0, 1] as const) {
      await context.consume({ groupId, topics: [topic], ...trackers[index], eachBatch: async (batch) => collectors[index].add(batch) });
    }
    await waitFor('a settled split of the 4 partitions', () => {
      const [a, b] = trackers.map((tracker) => tracker.partitions());
      return !!a && !!b && a.length > 0 && b.length > 0 && new Set([...a, ...b]).size === 4 && a.length + b.length === 4;
    });
    const values = range(200).map(String);
    await context.producer().send(keyed(topic, values));
    await waitFor('every message', () => values.every((value) => collectors.some((collector) => collector.counts.has(value))));
    await waitFor('offsets committed up to the end', () => committedAll(context.log(), groupId, topic));
    for (const value of values) {
      expect((collectors[0].counts.get(value) ?? 0) + (collectors[1].counts.get(value) ?? 0)).toBe(1);
    }
    expect(collectors[0].messages.length).toBeGreaterThan(0);
    expect(collectors[1].messages.length).toBeGreaterThan(0);
  }, TIMEOUT_MS);

  it('assigns partitions in units when asked: a member holds every partition of its units, in each topic', async () => {
    const topics = [await context.newTopic(6), await context.newTopic(6)];
    const groupId = uniqueName('group');
    const units = 3;
    const collectors = [createCollector(), createCollector()] as const;
    const trackers = [createAssignmentTracker(), createAssignmentTracker()] as const;
    for (const index of [0, 1] as const) {
      await context.consume({ groupId, topics, partitionUnits: units, ...trackers[index], eachBatch: async (batch) => collectors[index].add(batch) });
    }
    const unitsOf = (held: ReadonlySet<string>) => [...new Set([...held].map((key) => partitionUnit(Number(key.slice(key.lastIndexOf('#') + 1)), units)))].sort();
    const wholeUnits = (held: ReadonlySet<string>) => topics.flatMap((topic) => range(6).filter((partition) => unitsOf(held).includes(partitionUnit(partition, units))).map((partition) => `${topic}#${partition}`));
    // Round-robin over the 12 partitions would give each member 6, none of them whole units of 3.
    await waitFor('a split of the 12 partitions in whole units', () =>
      trackers.every((tracker) => tracker.current.size > 0 && tracker.current.size === wholeUnits(tracker.current).length) && trackers[0].current.size + trackers[1].current.size === 12,
    );
    expect([...unitsOf(trackers[0].current), ...unitsOf(trackers[1].current)].sort()).toEqual(range(units));
    const values = range(120).map(String);
    await context.producer().send(topics.flatMap((topic) => keyed(topic, values.map((value) => `${topic}-${value}`))));
    await waitFor('every message', () => topics.every((topic) => values.every((value) => collectors.some((collector) => collector.counts.has(`${topic}-${value}`)))));
    for (const topic of topics) {
      for (const value of values) expect((collectors[0].counts.get(`${topic}-${value}`) ?? 0) + (collectors[1].counts.get(`${topic}-${value}`) ?? 0)).toBe(1);
    }
  }, TIMEOUT_MS);

  it('hands a stopped consumer’s partitions to another one, losing nothing', async () => {
    const topic = await context.newTopic(4);
    const groupId = uniqueName('group');
    const slow = createCollector();
    const other = createCollector();
    const slowTracker = createAssignmentTracker();
    const otherTracker = createAssignmentTracker();
    const slowConsumer = await context.consume({
      groupId, topics: [topic], maxBatchSize: 3, ...slowTracker,
      eachBatch: async (batch) => {
        await new Promise((resolve) => setTimeout(resolve, 40));
        slow.add(batch);
      },
    });
    await context.consume({ groupId, topics: [topic], maxBatchSize: 3, ...otherTracker, eachBatch: async (batch) => other.add(batch) });
    await waitFor('a split of the partitions', () => slowTracker.current.size > 0 && otherTracker.current.size > 0 && slowTracker.current.size + otherTracker.current.size === 4);
    const slowPartitions = slowTracker.partitions();
    const values = range(300).map(String);
    await context.producer().send(keyed(topic, values));
    await waitFor('the slow consumer to be mid-stream', () => slow.messages.length >= 9);
    await context.stop(slowConsumer);
    await waitFor('every message handled at least once', () => values.every((value) => slow.counts.has(value) || other.counts.has(value)));
    await waitFor('offsets committed up to the end', () => committedAll(context.log(), groupId, topic));
    await waitFor('the other consumer to own every partition', () => otherTracker.partitions().length === 4);
    const takenOver = other.messages.filter((message) => slowPartitions.includes(message.partition));
    expect(takenOver.length).toBeGreaterThan(0);
  }, TIMEOUT_MS);
}
