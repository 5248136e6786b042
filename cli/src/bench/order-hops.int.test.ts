import path from 'node:path';
import { openEmbeddedLog } from '@ecommerce/platform';
import type { Log, ProducerRecord } from '@ecommerce/platform';
import { hopNames, orderPathOffsets, orderPathTopics, readOrderHops } from './order-hops';
import { withTempDir } from './temp-dir';

const [orderingEvents, inventoryEvents] = orderPathTopics.events;
const [inventoryInbox, orderInbox] = orderPathTopics.inboxes;

const eventRecord = (topic: string, id: string, type: string, stream: string, occurredAt: number, cause: string, partition: number): ProducerRecord => ({
  topic, key: stream, value: Buffer.from('{}'), partition,
  headers: { 'event-id': id, 'event-type': type, 'stream-id': stream, 'occurred-at': new Date(occurredAt).toISOString(), 'causation-id': cause },
});
const inboxRecord = (topic: string, id: string, cause: string, partition: number): ProducerRecord => ({ topic, key: id, value: Buffer.from('{}'), partition, headers: { 'message-id': id, 'causation-id': cause } });

/** An order's path as the platform writes it, each message on the partition given; the confirmation apart. */
function orderPath(orderId: string, placedAt: number, partition: number) {
  const path = [
    eventRecord(orderingEvents, `placed-${orderId}`, 'OrderPlaced', `order-${orderId}`, placedAt, 'command', partition),
    inboxRecord(inventoryInbox, `inv-${orderId}`, `placed-${orderId}`, partition),
    eventRecord(inventoryEvents, `reserved-${orderId}`, 'StockReserved', 'inventory-sku', placedAt + 40, `inv-${orderId}`, partition),
    inboxRecord(orderInbox, `ord-${orderId}`, `reserved-${orderId}`, partition),
  ];
  const confirmation = eventRecord(orderingEvents, `confirmed-${orderId}`, 'OrderConfirmed', `order-${orderId}`, placedAt + 90, `ord-${orderId}`, partition);
  return { path, confirmation };
}

async function withLog(work: (log: Log) => Promise<void>): Promise<void> {
  await withTempDir('order-hops', async (dir) => {
    const log = openEmbeddedLog(path.join(dir, 'log.db'), { pollIntervalMs: 10 });
    try {
      await log.ensureTopics([...orderPathTopics.events, ...orderPathTopics.inboxes].map((topic) => ({ topic, partitions: 2 })));
      await work(log);
    } finally {
      await log.close();
    }
  });
}

describe('readOrderHops', () => {
  it("traces the phase's orders from the records written since the offsets taken before it, on every partition", () =>
    withLog(async (log) => {
      const producer = log.createProducer();
      const before = orderPath('before', Date.now() - 60_000, 0);
      await producer.send([...before.path, before.confirmation]);
      const offsets = await orderPathOffsets(log);
      const a = orderPath('a', Date.now() - 1000, 0);
      const b = orderPath('b', Date.now() - 500, 1);
      await producer.send([...a.path, ...b.path, a.confirmation, b.confirmation]);

      const hops = await readOrderHops(log, offsets, ['a', 'b', 'before'], { tries: 1 });
      // the order written before the offsets is not read again
      expect(hops).toMatchObject({ traced: 2, untraced: 1 });
      // the hops add up to the time between the placement and the confirmation, whatever the records' own times
      const totals = [0, 1].map((order) => hopNames.reduce((sum, name) => sum + (hops.delays[name][order] as number), 0));
      expect(totals).toEqual([90, 90]);
    }));

  it('reads again while a confirmation is not yet published, and gives up after its tries', () =>
    withLog(async (log) => {
      const producer = log.createProducer();
      const offsets = await orderPathOffsets(log);
      const late = orderPath('late', Date.now(), 1);
      await producer.send(late.path);
      const published = new Promise<void>((resolve) => setTimeout(() => void producer.send([late.confirmation]).then(() => resolve()), 150));
      await expect(readOrderHops(log, offsets, ['late'], { tries: 20, pauseMs: 50 })).resolves.toMatchObject({ traced: 1, untraced: 0 });
      await published;
      await expect(readOrderHops(log, offsets, ['late', 'never'], { tries: 2, pauseMs: 10 })).resolves.toMatchObject({ traced: 1, untraced: 1 });
    }));
});
