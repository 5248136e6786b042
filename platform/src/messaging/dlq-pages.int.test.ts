import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Log, LogMessage } from '../log';
import { deadLetterRecord } from './dead-letters';
import { readDeadLetter, readDeadLetterPage } from './dlq-pages';
import { deadLetterTopic } from './topics';
import type { DeadLetterPosition } from './dlq-pages';
import { testLogTargets } from '../log/test-log-targets.fixture';

/** The admins' DLQ pages (issue 11), on the embedded log and, with KAFKA_BROKERS, on a real broker. */
const targets = testLogTargets('dead-letter page tests');

const original = (offset: number): LogMessage => ({
  topic: 'ecommerce.catalog.events', partition: 2, offset, key: `product-${offset}`, value: Buffer.from([0, 0, 0, 0, offset]), headers: { 'event-type': 'ProductCreated' }, timestamp: Date.now(),
});

describe.each(targets)('dead-letter pages on $name', ({ openLog }) => {
  let dir: string;
  let log: Log;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlq-pages-'));
    log = openLog(dir);
  });

  afterEach(async () => {
    await log.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const deadLetter = async (offsets: number[]) => {
    await log.ensureTopics([{ topic: deadLetterTopic, partitions: 1 }]);
    const producer = log.createProducer();
    try {
      for (const offset of offsets) await producer.send([deadLetterRecord(original(offset), 'projection.products.v1', `cannot apply ${offset}`, 3)]);
    } finally {
      await producer.close();
    }
  };

  it('answers an empty page when nothing was dead-lettered', async () => {
    expect(await readDeadLetterPage(log, { limit: 5 })).toEqual({ items: [], next: null });
  });

  it('pages through every dead letter newest first, once each, unshifted by new ones', async () => {
    await deadLetter([10, 11, 12, 13, 14]);
    const first = await readDeadLetterPage(log, { limit: 2 });
    expect(first.items.map((letter) => letter.reason)).toEqual(['cannot apply 14', 'cannot apply 13']);
    expect(first.items[0]).toMatchObject({
      source: { kind: 'message', groupId: 'projection.products.v1', topic: 'ecommerce.catalog.events', partition: 2, offset: 14 },
      attempts: 3, key: 'product-14', headers: { 'event-type': 'ProductCreated' },
    });
    await deadLetter([99]);
    const reasons: string[] = [];
    let before: DeadLetterPosition | null = first.next;
    while (before) {
      const page = await readDeadLetterPage(log, { limit: 2, before });
      reasons.push(...page.items.map((letter) => letter.reason));
      before = page.next;
    }
    expect(reasons).toEqual(['cannot apply 12', 'cannot apply 11', 'cannot apply 10']);
    expect((await readDeadLetterPage(log, { limit: 1 })).items[0]?.reason).toBe('cannot apply 99');
  }, 60_000);

  it('reads one dead letter by id, and says which ids there are not', async () => {
    await deadLetter([7]);
    const [listed] = (await readDeadLetterPage(log, { limit: 1 })).items;
    const id = listed?.id as string;
    expect(await readDeadLetter(log, id)).toMatchObject({ id, reason: 'cannot apply 7', value: Buffer.from([0, 0, 0, 0, 7]) });
    await expect(readDeadLetter(log, '0/999999')).rejects.toMatchObject({ code: 'not_found' });
    await expect(readDeadLetter(log, '9/0')).rejects.toMatchObject({ code: 'not_found' });
    await expect(readDeadLetter(log, 'zero')).rejects.toMatchObject({ code: 'validation' });
  }, 60_000);
});
