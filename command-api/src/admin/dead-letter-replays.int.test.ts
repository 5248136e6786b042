import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deadLetterRecord, deadLetterTopic, eventDeadLetterRecord, openSqliteEventStore } from '@ecommerce/platform';
import type { EventStore, Log, Principal } from '@ecommerce/platform';
import { createDeadLetterReplays } from './dead-letter-replays';
import { testLogTargets } from '@ecommerce/platform/src/log/test-log-targets.fixture';

/** Replaying a dead letter at most once (issue 11), on the embedded log and, with KAFKA_BROKERS, on a real broker. */
const targets = testLogTargets('dead-letter replay tests');

const admin: Principal = { sub: '00000000-0000-4000-8000-00000000a001', role: 'admin' } as Principal;
const sourceTopic = 'ecommerce.catalog.events';

describe.each(targets)('dead-letter replays on $name', ({ openLog }) => {
  let dir: string;
  let log: Log;
  let eventStore: EventStore;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlq-replays-'));
    log = openLog(dir);
    eventStore = openSqliteEventStore(path.join(dir, 'events.db'));
    await log.ensureTopics([{ topic: deadLetterTopic, partitions: 1 }, { topic: sourceTopic, partitions: 2 }]);
  });

  afterEach(async () => {
    await log.close();
    await eventStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A message on the source topic, dead-lettered by a consumer; the dead letter's id. */
  const deadLettered = async (): Promise<{ id: string; value: Buffer }> => {
    const producer = log.createProducer();
    try {
      const value = Buffer.from(`poison ${randomUUID()}`);
      const [original] = await producer.send([{ topic: sourceTopic, partition: 1, key: 'product-1', value, headers: { 'event-type': 'ProductCreated' } }]);
      const [message] = await log.read(sourceTopic, 1, original?.offset ?? 0, 1);
      const [letter] = await producer.send([deadLetterRecord(message!, 'projection.products.v1', 'undecodable', 0)]);
      return { id: `${letter?.partition}/${letter?.offset}`, value };
    } finally {
      await producer.close();
    }
  };

  it('produces the original bytes to the original topic once, and refuses a second replay with where the first went', async () => {
    const replays = createDeadLetterReplays({ eventStore, log, clock: () => new Date('2024-05-01T10:00:00.000Z') });
    const { id, value } = await deadLettered();
    const endBefore = (await log.endOffsets(sourceTopic))[1] as number;
    const first = await replays.replay(id, admin);
    expect(first).toEqual({ id, replayedTo: { topic: sourceTopic, partition: 1, offset: expect.any(Number) }, replayedAt: '2024-05-01T10:00:00.000Z' });
    const [copy] = await log.read(sourceTopic, 1, first.replayedTo.offset, 1);
    expect(copy?.value).toEqual(value);
    expect(copy?.headers).toMatchObject({ 'event-type': 'ProductCreated', 'dlq-replayed-from': id });

    await expect(replays.replay(id, admin)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(`${sourceTopic}/1@${first.replayedTo.offset}`) });
    expect((await log.endOffsets(sourceTopic))[1]).toBe(endBefore + 1);
  }, 60_000);

  it('publishes one copy when replays race', async () => {
    const replays = createDeadLetterReplays({ eventStore, log, clock: () => new Date() });
    const { id } = await deadLettered();
    const endBefore = (await log.endOffsets(sourceTopic))[1] as number;
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map(() => replays.replay(id, admin)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((candidate) => candidate.status === 'rejected')) expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect((await log.endOffsets(sourceTopic))[1]).toBe(endBefore + 1);
  }, 60_000);

  it('refuses a mirror dead letter and an unknown one, claiming nothing', async () => {
    const replays = createDeadLetterReplays({ eventStore, log, clock: () => new Date() });
    const producer = log.createProducer();
    const recordedAt = new Date();
    const [letter] = await producer.send([eventDeadLetterRecord({ id: randomUUID(), type: 'ProductCreated', streamId: 'product-1', revision: 0, position: 7, data: {}, metadata: {}, recordedAt }, 'ecommerce-mirror', 'cannot encode')]);
    await producer.close();
    const id = `${letter?.partition}/${letter?.offset}`;
    await expect(replays.replay(id, admin)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('mirror could not encode') });
    await expect(replays.replay('0/999999', admin)).rejects.toMatchObject({ code: 'not_found' });
    expect(await eventStore.readStream(`dlq-replay-${id.replace('/', '-')}`)).toEqual([]);
  }, 60_000);
});
