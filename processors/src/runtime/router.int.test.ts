import { randomUUID } from 'node:crypto';
import { UndecodableMessageError, deadLetterTopic, partitionFor, partitionUnit, deterministicEventId, eventHeaders } from '@ecommerce/platform';
import type { Log, RecordedEvent, Serde } from '@ecommerce/platform';
import { messageIdHeader } from './actor-host';
import { decodeInboxMessage } from './inbox';
import { createRouter, defaultRouterUnits, routerTransactionalId } from './router';
import { logTargets, readTopic, silentLogger, sleep, waitFor } from './test-support.fixture';

// A test-only JSON serde: the router only needs encode/decode, not Avro.
const jsonSerde: Serde = {
  async encode(_topic, recordName, data) {
    return Buffer.from(JSON.stringify({ recordName, data }));
  },
  async decode(buffer) {
    try {
      const { recordName, data } = JSON.parse(buffer.toString()) as { recordName: string; data: Record<string, unknown> };
      return { recordName, schemaId: 1, data };
    } catch {
      throw new UndecodableMessageError('not json');
    }
  },
};

/** The events here are of test types, not the platform's. */
const anyType = () => true;
const eventsTopic = 'ecommerce.shop.events';
const inbox = 'ecommerce.item.inbox';

const eventRecord = (type: string, orderId: string, items: string[]) => {
  const id = randomUUID();
  return {
    id,
    record: {
      topic: eventsTopic,
      key: `order-${orderId}`,
      value: Buffer.from(JSON.stringify({ recordName: `ecommerce.shop.${type}`, data: { orderId, items } })),
      headers: { [eventHeaders.eventId]: id, [eventHeaders.type]: type, [eventHeaders.stream]: `order-${orderId}` },
    },
  };
};

/** Whether the router's group has committed every partition of the topic to its end. */
const routerCaughtUp = async (log: Log, topic: string, groupId = 'router') => {
  const [committed, ends] = await Promise.all([log.committedOffsets(groupId, topic), log.endOffsets(topic)]);
  return ends.every((end, partition) => (committed[partition] ?? 0) >= end);
};

for (const target of logTargets()) {
  describe(`router (${target.name})`, () => {
    let log: Log;
    beforeEach(async () => {
      log = target.open();
      await log.ensureTopics([{ topic: eventsTopic, partitions: 2 }, { topic: inbox, partitions: 3 }, { topic: deadLetterTopic, partitions: 1 }]);
    });
    afterEach(() => log.close());

    it.each(['at-least-once', 'exactly-once'] as const)('routes each event to inbox messages with deterministic ids (%s): a throwing route produces and commits nothing', async (delivery) => {
      let failing = true;
      const routeCalls: string[] = [];
      const route = (event: RecordedEvent) => {
        routeCalls.push(event.id);
        const items = event.data.items as string[];
        // Fails on the second event of its partition, after the first was routed in the same batch.
        if (failing && items.includes('boom')) throw new Error('route failed');
        return items.map((sku) => ({ topic: inbox, key: sku, value: { type: 'Reserve', sku, orderId: String(event.data.orderId) } }));
      };
      const producer = log.createProducer();
      const events = [eventRecord('OrderPlaced', 'o1', ['a', 'b']), eventRecord('OrderPlaced', 'o1', ['boom']), eventRecord('OrderPlaced', 'o2', ['c'])];
      await producer.send(events.map((event) => event.record));
      await producer.send([{ topic: eventsTopic, key: 'order-o1', value: Buffer.from('garbage'), headers: {} }]);
      const router = createRouter({ log, serde: jsonSerde, groupId: 'router', topics: [eventsTopic], route, transactionalId: `router-${randomUUID()}`, logger: silentLogger, isKnownType: anyType, delivery });
      await router.start();
      try {
        await waitFor('a few failed attempts', () => routeCalls.filter((id) => id === events[1]?.id).length >= 2);
        await sleep(300);
        // o2 may sit in the other partition and be routed; nothing of o1's partition is, nor is its offset committed.
        const routedNow = (await readTopic(log, inbox)).map((message) => decodeInboxMessage(message).orderId);
        expect(routedNow).not.toContain('o1');
        const committed = await log.committedOffsets('router', eventsTopic);
        expect(committed[partitionFor('order-o1', 2)] ?? 0).toBe(0);
        failing = false;
        await waitFor('all routed', async () => (await readTopic(log, inbox)).length === 4);
        await waitFor('the garbage dead-lettered', async () => (await readTopic(log, deadLetterTopic)).length === 1);
        await waitFor('offsets committed', () => routerCaughtUp(log, eventsTopic));
      } finally {
        await router.stop();
        await producer.close();
      }
      const routed = await readTopic(log, inbox);
      expect(routed.map((message) => message.key).sort()).toEqual(['a', 'b', 'boom', 'c']);
      const first = events[0]?.id ?? '';
      expect(routed.find((message) => message.key === 'a')?.headers[messageIdHeader]).toBe(deterministicEventId(first, 0));
      expect(routed.find((message) => message.key === 'b')?.headers[messageIdHeader]).toBe(deterministicEventId(first, 1));
      expect(routed.find((message) => message.key === 'b')?.headers['causation-id']).toBe(first);
      expect(new Set(routed.map((message) => message.headers[messageIdHeader])).size).toBe(4);
      const [letter] = await readTopic(log, deadLetterTopic);
      expect(letter?.value?.toString()).toBe('garbage');
      expect(letter?.headers['dlq-reason']).toMatch(/undecodable/);
    }, 60_000);

    it('commits the offsets of events that route nothing without a transaction, and routes the next event in one', async () => {
      const route = (event: RecordedEvent) => (event.type === 'OrderPlaced' ? [{ topic: inbox, key: 'a', value: { type: 'Reserve', sku: 'a', orderId: String(event.data.orderId) } }] : []);
      const transactional: string[] = [];
      // the log as the router sees it: every transactional producer it asks for is counted
      const counted: Log = { ...log, createProducer: (options) => (options?.transactionalId && transactional.push(options.transactionalId), log.createProducer(options)) };
      const producer = log.createProducer();
      await producer.send([eventRecord('OrderConfirmed', 'o6', []).record, eventRecord('OrderShipped', 'o7', []).record]);
      const router = createRouter({ log: counted, serde: jsonSerde, groupId: 'router', topics: [eventsTopic], route, transactionalId: `router-${randomUUID()}`, logger: silentLogger, isKnownType: anyType, delivery: 'exactly-once' });
      const allCommitted = () => routerCaughtUp(log, eventsTopic);
      await router.start();
      try {
        await waitFor('the offsets of the events that route nothing committed', allCommitted);
        expect(transactional).toEqual([]);
        await producer.send([eventRecord('OrderPlaced', 'o6', ['a']).record]);
        await waitFor('the next event routed', async () => (await readTopic(log, inbox)).length === 1);
        await waitFor('its offset committed', allCommitted);
        // after the transaction's own commit of the partition's offset, a plain one goes past the next event
        await producer.send([eventRecord('OrderConfirmed', 'o6', []).record]);
        await waitFor('the offset of an event that routes nothing, after a routed one, committed', allCommitted);
      } finally {
        await router.stop();
        await producer.close();
      }
      expect(transactional).toHaveLength(1);
      expect(await readTopic(log, inbox)).toHaveLength(1);
    }, 60_000);

    it('routes the batches of a unit that arrive together in one transaction', async () => {
      const wide = `${eventsTopic}.wide`;
      await log.ensureTopics([{ topic: wide, partitions: 4 }]);
      const route = (event: RecordedEvent) => (event.data.items as string[]).map((sku) => ({ topic: inbox, key: sku, value: { type: 'Reserve', sku, orderId: String(event.data.orderId) } }));
      let transactions = 0;
      const counted: Log = {
        ...log,
        createProducer: (options) => {
          const producer = log.createProducer(options);
          return { ...producer, transaction: (work) => ((transactions += 1), producer.transaction(work)) };
        },
      };
      // Events of every partition, made visible at once: a fetch finds them all.
      const orders = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'].filter((orderId, index, all) => all.findIndex((other) => partitionFor(`order-${other}`, 4) === partitionFor(`order-${orderId}`, 4)) === index);
      expect(orders).toHaveLength(4);
      const producer = log.createProducer({ transactionalId: `writer-${randomUUID()}` });
      await producer.transaction((tx) => tx.send(orders.map((orderId) => ({ ...eventRecord('OrderPlaced', orderId, [`sku-${orderId}`]).record, topic: wide }))));
      const router = createRouter({ log: counted, serde: jsonSerde, groupId: 'router', topics: [wide], route, transactionalId: `router-${randomUUID()}`, partitionUnits: 1, logger: silentLogger, isKnownType: anyType, delivery: 'exactly-once' });
      await router.start();
      try {
        await waitFor('every event routed', async () => (await readTopic(log, inbox)).length === 4);
        await waitFor('every offset committed', () => routerCaughtUp(log, wide));
      } finally {
        await router.stop();
        await producer.close();
      }
      // Kafka hands the batches of a fetch from one broker over together (a transaction each made 4);
      // the embedded log reads one partition at a time.
      if (target.name === 'kafka') expect(transactions).toBeLessThanOrEqual(2);
      expect((await readTopic(log, inbox)).map((message) => message.key).sort()).toEqual(orders.map((orderId) => `sku-${orderId}`).sort());
    }, 60_000);

    it('goes on with a partition whose producer was fenced while the router kept it (it was out of the group meanwhile)', async () => {
      const route = (event: RecordedEvent) => (event.data.items as string[]).map((sku) => ({ topic: inbox, key: sku, value: { type: 'Reserve', sku, orderId: String(event.data.orderId) } }));
      const transactionalId = `router-${randomUUID()}`;
      const producer = log.createProducer();
      const router = createRouter({ log, serde: jsonSerde, groupId: 'router', topics: [eventsTopic], route, transactionalId, logger: silentLogger, isKnownType: anyType, delivery: 'exactly-once' });
      await router.start();
      try {
        await producer.send([eventRecord('OrderPlaced', 'o5', ['a']).record]);
        await waitFor('the first event routed', async () => (await readTopic(log, inbox)).length === 1);
        // What another member does with the partition's id while this one is evicted and before it rejoins.
        const unit = partitionUnit(partitionFor('order-o5', 2), defaultRouterUnits);
        const usurper = log.createProducer({ transactionalId: routerTransactionalId(transactionalId, unit, defaultRouterUnits) });
        await usurper.claim();
        await usurper.close();
        await producer.send([eventRecord('OrderPlaced', 'o5', ['b']).record]);
        await waitFor('the event after the fencing routed', async () => (await readTopic(log, inbox)).length === 2);
      } finally {
        await router.stop();
        await producer.close();
      }
      expect((await readTopic(log, inbox)).map((message) => message.key)).toEqual(['a', 'b']);
    }, 60_000);

    it('at least once: sends the routed messages without a transaction, commits the offsets after them, and routes a batch again with the same message ids', async () => {
      const route = (event: RecordedEvent) => (event.data.items as string[]).map((sku) => ({ topic: inbox, key: sku, value: { type: 'Reserve', sku, orderId: String(event.data.orderId) } }));
      const transactional: string[] = [];
      const counted: Log = { ...log, createProducer: (options) => (options?.transactionalId && transactional.push(options.transactionalId), log.createProducer(options)) };
      const producer = log.createProducer();
      const events = [eventRecord('OrderPlaced', 'o8', ['a', 'b']), eventRecord('OrderPlaced', 'o9', ['c'])];
      await producer.send(events.map((event) => event.record));
      await producer.close();
      const routeOnce = async (groupId: string) => {
        const router = createRouter({ log: counted, serde: jsonSerde, groupId, topics: [eventsTopic], route, transactionalId: `router-${randomUUID()}`, logger: silentLogger, isKnownType: anyType, delivery: 'at-least-once' });
        await router.start();
        try {
          await waitFor('the offsets committed', () => routerCaughtUp(log, eventsTopic, groupId));
        } finally {
          await router.stop();
        }
      };
      await routeOnce('router');
      const routed = await readTopic(log, inbox);
      expect(routed.map((message) => message.key).sort()).toEqual(['a', 'b', 'c']);
      expect(transactional).toEqual([]);
      // What a router killed before its commit leaves: the batch routed again (here by a group with no commits), with the ids the actor hosts drop.
      await routeOnce('router-again');
      const twice = await readTopic(log, inbox);
      expect(twice).toHaveLength(6);
      const idsOf = (messages: typeof twice) => messages.map((message) => `${message.key}:${message.headers[messageIdHeader]}`).sort();
      expect(idsOf(twice)).toEqual([...idsOf(routed), ...idsOf(routed)].sort());
      expect(new Set(twice.map((message) => message.headers[messageIdHeader])).size).toBe(3);
    }, 60_000);

    it('dead-letters once, after bounded retries, an event whose route throws every time, and routes the events after it', async () => {
      const routeCalls = new Map<string, number>();
      const route = (event: RecordedEvent) => {
        routeCalls.set(event.id, (routeCalls.get(event.id) ?? 0) + 1);
        const items = event.data.items as string[];
        if (items.includes('bug')) throw new TypeError("Cannot read properties of undefined (reading 'sku')");
        return items.map((sku) => ({ topic: inbox, key: sku, value: { type: 'Reserve', sku, orderId: String(event.data.orderId) } }));
      };
      // One order's events share a partition: the poison one sits between the two others.
      const events = [eventRecord('OrderPlaced', 'o3', ['a']), eventRecord('OrderPlaced', 'o3', ['bug']), eventRecord('OrderPlaced', 'o3', ['b'])];
      const producer = log.createProducer();
      await producer.send(events.map((event) => event.record));
      await producer.close();
      const transactionalId = `router-${randomUUID()}`;
      const start = async () => {
        const router = createRouter({ log, serde: jsonSerde, groupId: 'router', topics: [eventsTopic], route, transactionalId, logger: silentLogger, retry: { maxAttempts: 3, baseMs: 5 }, isKnownType: anyType });
        await router.start();
        return router;
      };
      let router = await start();
      try {
        await waitFor('the events around the poison one routed', async () => (await readTopic(log, inbox)).length === 2);
        await waitFor('offsets committed', () => routerCaughtUp(log, eventsTopic));
      } finally {
        await router.stop();
      }
      // A restart redelivers nothing.
      router = await start();
      await sleep(500);
      await router.stop();

      expect((await readTopic(log, inbox)).map((message) => message.key).sort()).toEqual(['a', 'b']);
      expect(routeCalls.get(events[1]?.id ?? '')).toBe(3);
      const letters = await readTopic(log, deadLetterTopic);
      expect(letters).toHaveLength(1);
      expect(letters[0]?.headers[eventHeaders.eventId]).toBe(events[1]?.id);
      expect(letters[0]?.headers['dlq-reason']).toMatch(/route failed 3 times: TypeError: Cannot read properties/);
      expect(letters[0]?.headers['dlq-attempts']).toBe('3');
    }, 60_000);
  });
}
