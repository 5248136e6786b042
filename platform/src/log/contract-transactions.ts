import { createCollector, range, text, textOf, uniqueName, waitFor } from './contract-helpers';
import type { LogContractContext } from './contract-helpers';
import type { LogMessage, Producer } from './port';
import { FencedError } from './port';

const TIMEOUT_MS = 120_000;

/** Transactional producers: atomic visibility, offsets in the transaction, fencing. */
export function registerTransactionContract(context: LogContractContext): void {
  it('makes a transaction visible atomically, and a throwing one not at all', async () => {
    const topic = await context.newTopic(2);
    const sinkGroup = uniqueName('group');
    const producer = context.producer({ transactionalId: uniqueName('tx') });
    const failure = new Error('handler failed mid-transaction');
    await expect(
      producer.transaction(async (tx) => {
        await tx.send(range(4).map((index) => ({ topic, key: `k${index}`, value: text(`aborted-${index}`) })));
        await tx.sendOffsets(sinkGroup, [{ topic, partition: 0, offset: 1 }]);
        throw failure;
      }),
    ).rejects.toBe(failure);

    const result = await producer.transaction(async (tx) => {
      await tx.send(range(4).map((index) => ({ topic, key: `k${index}`, value: text(`committed-${index}`) })));
      await tx.send([{ topic, key: 'k0', value: text('marker') }]);
      return 'done';
    });
    expect(result).toBe('done');

    const collector = createCollector();
    await context.consume({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => collector.add(batch) });
    await waitFor('the committed transaction', () => collector.hasAll(['marker', ...range(4).map((index) => `committed-${index}`)]));
    expect([...collector.counts.keys()].filter((value) => value.startsWith('aborted'))).toEqual([]);
    for (const partition of range(2)) {
      const visible = (await context.log().read(topic, partition, 0, 100)).map(textOf);
      expect(visible.filter((value) => value?.startsWith('aborted'))).toEqual([]);
    }
    expect(await context.log().committedOffsets(sinkGroup, topic)).toEqual([null, null]);
  }, TIMEOUT_MS);

  it('commits consumer-group offsets sent inside a transaction with its records', async () => {
    const input = await context.newTopic(2);
    const output = await context.newTopic(1);
    const groupId = uniqueName('group');
    await context.producer().send(range(3).map((index) => ({ topic: input, partition: 0, key: null, value: text(`in-${index}`) })));
    const producer = context.producer({ transactionalId: uniqueName('tx') });
    await producer.transaction(async (tx) => {
      await tx.send([{ topic: output, key: 'out', value: text('transformed') }]);
      await tx.sendOffsets(groupId, [{ topic: input, partition: 0, offset: 3 }]);
    });
    await waitFor('the offsets committed by the transaction', async () => {
      const committed = await context.log().committedOffsets(groupId, input);
      return committed[0] === 3 && committed[1] === null;
    });
    expect((await context.log().read(output, 0, 0, 10)).map(textOf)).toEqual(['transformed']);

    const resumed = createCollector();
    await context.producer().send([{ topic: input, partition: 0, key: null, value: text('in-3') }]);
    await context.consume({ groupId, topics: [input], eachBatch: async (batch) => resumed.add(batch) });
    await waitFor('the message after the committed offset', () => resumed.hasAll(['in-3']));
    expect(resumed.messages.map(textOf)).toEqual(['in-3']);
  }, TIMEOUT_MS);

  it("puts a batch's nextOffset past the input's transaction markers: offsets committed with it in transactions end at the end offset", async () => {
    const input = await context.newTopic(1);
    const output = await context.newTopic(1);
    // the transactions commit for a group of their own, so that the consumer's own commits cannot make the test pass
    const sinkGroup = uniqueName('group');
    const upstream = context.producer({ transactionalId: uniqueName('tx') });
    for (const index of range(3)) await upstream.transaction((tx) => tx.send([{ topic: input, key: 'k', value: text(`in-${index}`) }]));
    const transform = context.producer({ transactionalId: uniqueName('tx') });
    await context.consume({
      groupId: uniqueName('group'),
      topics: [input],
      eachBatch: (batch) =>
        transform.transaction(async (tx) => {
          await tx.send(batch.messages.map((message) => ({ topic: output, key: 'k', value: message.value })));
          await tx.sendOffsets(sinkGroup, [{ topic: input, partition: batch.partition, offset: batch.nextOffset }]);
        }),
    });
    const [end] = await context.log().endOffsets(input);
    await waitFor('the offsets at the end of the input', async () => (await context.log().committedOffsets(sinkGroup, input))[0] === end);
    expect((await context.log().read(output, 0, 0, 10)).map(textOf)).toEqual(['in-0', 'in-1', 'in-2']);
  }, TIMEOUT_MS);

  it('hands a consumer at the tail each committed message as the log holds it, and none of an aborted or fenced transaction', async () => {
    const topic = await context.newTopic(2);
    const collector = createCollector();
    await context.consume({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => collector.add(batch) });
    // The consumer has read both partitions before the writes below: they reach it at the tail.
    await context.producer().send(range(2).map((partition) => ({ topic, partition, key: null, value: text(`warm-${partition}`) })));
    await waitFor('the first message of each partition', () => collector.hasAll(['warm-0', 'warm-1']));

    const transactionalId = uniqueName('tx');
    const zombie = context.producer({ transactionalId });
    await expect(
      zombie.transaction(async (tx) => {
        await tx.send([{ topic, partition: 0, key: 'k', value: text('aborted') }]);
        throw new Error('handler failed mid-transaction');
      }),
    ).rejects.toThrow('handler failed');
    const newer = context.producer({ transactionalId });
    await newer.claim();
    await expect(zombie.transaction((tx) => tx.send([{ topic, partition: 1, key: 'k', value: text('fenced') }]))).rejects.toBeInstanceOf(FencedError);
    await newer.transaction((tx) =>
      tx.send([
        { topic, partition: 0, key: 'with-headers', value: text('committed-0'), headers: { 'content-type': 'text/plain', trace: 'abc' } },
        { topic, partition: 1, key: null, value: text('') },
        { topic, partition: 1, key: 'tombstone', value: null },
        { topic, partition: 0, key: 'long', value: Buffer.alloc(10_000, 7) },
      ]),
    );
    await context.producer().send([{ topic, partition: 1, key: 'plain', value: text('sent-1') }]);
    await waitFor('the committed messages', () => collector.messages.length >= 7);

    // Each partition in the log's order, as received.
    for (const partition of range(2)) {
      const fields = ({ offset, key, value, headers, timestamp }: LogMessage) => ({ offset, key, value, headers, timestamp });
      const received = collector.messages.filter((message) => message.partition === partition).map(fields);
      expect(received).toEqual((await context.log().read(topic, partition, 0, 100)).map(fields));
    }
    expect(collector.messages.map((message) => message.value?.toString('utf8').slice(0, 12) ?? null).sort()).toEqual(
      ['', 'committed-0', 'sent-1', 'warm-0', 'warm-1', '\u0007'.repeat(12), null].sort(),
    );
  }, TIMEOUT_MS);

  it('fences an older producer with the same transactional id', async () => {
    const topic = await context.newTopic(1);
    const transactionalId = uniqueName('tx');
    const older = context.producer({ transactionalId });
    await older.transaction((tx) => tx.send([{ topic, key: 'k', value: text('from-older') }]));
    const newer = context.producer({ transactionalId });
    await newer.transaction((tx) => tx.send([{ topic, key: 'k', value: text('from-newer') }]));
    await expect(older.transaction((tx) => tx.send([{ topic, key: 'k', value: text('zombie') }]))).rejects.toBeInstanceOf(FencedError);
    await newer.transaction((tx) => tx.send([{ topic, key: 'k', value: text('newer-again') }]));

    const collector = createCollector();
    await context.consume({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => collector.add(batch) });
    await waitFor('the newer producer’s messages', () => collector.hasAll(['from-older', 'from-newer', 'newer-again']));
    expect(collector.counts.has('zombie')).toBe(false);
  }, TIMEOUT_MS);

  it('fails a fenced producer\'s transaction alone: other producers\' transactions at the same moment commit', async () => {
    const topic = await context.newTopic(1);
    const fencedId = uniqueName('tx');
    const zombie = context.producer({ transactionalId: fencedId });
    const others = [context.producer({ transactionalId: uniqueName('tx') }), context.producer({ transactionalId: uniqueName('tx') })];
    // All three are open when the zombie is fenced, and end together once released.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sendThenWait = (producer: Producer, value: string) =>
      producer.transaction(async (tx) => {
        await tx.send([{ topic, key: 'k', value: text(value) }]);
        await held;
      });
    const ended = Promise.allSettled([sendThenWait(others[0]!, 'first'), sendThenWait(zombie, 'zombie'), sendThenWait(others[1]!, 'second')]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await context.producer({ transactionalId: fencedId }).claim();
    release();
    const outcomes = await ended;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(FencedError);

    const collector = createCollector();
    await context.consume({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => collector.add(batch) });
    await waitFor('both other producers\' messages', () => collector.hasAll(['first', 'second']));
    expect(collector.counts.has('zombie')).toBe(false);
  }, TIMEOUT_MS);

  it('claims a transactional id before any transaction: the older producer is fenced and its open transaction aborted', async () => {
    const topic = await context.newTopic(1);
    const transactionalId = uniqueName('tx');
    const older = context.producer({ transactionalId });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = older.transaction(async (tx) => {
      await tx.send([{ topic, key: 'k', value: text('left-open') }]);
      await held;
      await tx.send([{ topic, key: 'k', value: text('after-claim') }]);
    });
    const outcome = open.then(() => 'committed', (error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const newer = context.producer({ transactionalId });
    await newer.claim();
    release();
    expect(await outcome).toBeInstanceOf(FencedError);
    await newer.transaction((tx) => tx.send([{ topic, key: 'k', value: text('from-newer') }]));

    const collector = createCollector();
    await context.consume({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => collector.add(batch) });
    await waitFor('the newer producer’s message', () => collector.hasAll(['from-newer']));
    expect(collector.counts.has('left-open')).toBe(false);
    expect(collector.counts.has('after-claim')).toBe(false);
  }, TIMEOUT_MS);
}
