import { randomUUID } from 'node:crypto';
import { timerCheckpointTopic } from '@ecommerce/platform';
import type { EventStore, Log } from '@ecommerce/platform';
import { messageIdHeader } from './actor-host';
import { decodeInboxMessage } from './inbox';
import { createTimerService } from './timer-service';
import type { TimerSpec } from './timer-service';
import { logTargets, openEventStore, readTopic, silentLogger, sleep, waitFor } from './test-support.fixture';

const inbox = 'ecommerce.order.inbox';
const spec: TimerSpec = {
  eventType: 'OrderTimerScheduled',
  keyOf: (event) => String(event.data.orderId),
  dueAtOf: (event) => String(event.data.dueAt),
  timerIdOf: (event) => String(event.data.timerId),
  inboxTopic: inbox,
};

async function schedule(eventStore: EventStore, timerId: string, dueInMs: number) {
  const orderId = `o-${timerId}`;
  await eventStore.append(`order-${orderId}`, [
    { id: randomUUID(), type: 'OrderPlaced', data: { orderId } },
    { id: randomUUID(), type: 'OrderTimerScheduled', data: { orderId, timerId, dueAt: new Date(Date.now() + dueInMs).toISOString() } },
  ]);
}

const firedIds = async (log: Log) => (await readTopic(log, inbox)).map((message) => String(decodeInboxMessage(message).timerId));

for (const target of logTargets()) {
  describe(`timer service (${target.name})`, () => {
    it('fires due timers once per timer id, across a restart, including timers scheduled while it was down', async () => {
      const log = target.open();
      const { eventStore } = openEventStore();
      await log.ensureTopics([{ topic: inbox, partitions: 2 }]);
      const start = async () => {
        const service = createTimerService({ eventStore, log, timers: [spec], name: 'orders', logger: silentLogger, tickMs: 20, checkpointEveryMs: 50 });
        await service.start();
        return service;
      };
      try {
        // The long timer comes first in $all: the checkpoint cannot move past it, so the fired list must prevent re-firing.
        await schedule(eventStore, 'late', 2500);
        await schedule(eventStore, 'overdue', -1000);
        await schedule(eventStore, 'soon', 300);
        const first = await start();
        await waitFor('overdue and soon fired', async () => (await firedIds(log)).length >= 2);
        // A fresh topic may cost the leader a rejoin on Kafka, and a re-scan: the late timer is pending again after it.
        await waitFor('the late timer pending', () => first.pendingTimers() === 1);
        await first.stop();
        await schedule(eventStore, 'while-down', 200);

        const second = await start();
        try {
          await waitFor('late and while-down fired', async () => (await firedIds(log)).length >= 4, 20_000);
          await sleep(300);
        } finally {
          await second.stop();
        }
        expect((await firedIds(log)).sort()).toEqual(['late', 'overdue', 'soon', 'while-down']);
        const messages = await readTopic(log, inbox);
        const late = messages.find((message) => decodeInboxMessage(message).timerId === 'late');
        expect(late?.key).toBe('o-late');
        expect(decodeInboxMessage(late!)).toMatchObject({ type: 'TimerFired', key: 'o-late' });
        expect(new Set(messages.map((message) => message.headers[messageIdHeader])).size).toBe(4);
        expect((await readTopic(log, timerCheckpointTopic)).length).toBeGreaterThan(0);
      } finally {
        await log.close();
        await eventStore.close();
      }
    }, 60_000);

    it('runs one instance of a name at a time: the other waits, and takes over when the first leaves', async () => {
      const log = target.open();
      const { eventStore } = openEventStore();
      await log.ensureTopics([{ topic: inbox, partitions: 2 }]);
      const create = () => createTimerService({ eventStore, log, timers: [spec], name: 'orders', logger: silentLogger, tickMs: 20, checkpointEveryMs: 50 });
      const [first, second] = [create(), create()];
      try {
        await schedule(eventStore, 'before', 100);
        await first.start();
        await second.start();
        // The group may hand the partition to the newcomer: either way exactly one runs.
        await waitFor('one leader', () => first.isActive() !== second.isActive(), 20_000);
        const [leader, standby] = first.isActive() ? [first, second] : [second, first];
        await waitFor('the first timer fired', async () => (await firedIds(log)).length === 1);
        // A timer due only after the leader left: the standby must fire it.
        await schedule(eventStore, 'after', 1500);
        expect(standby.isActive()).toBe(false);
        await leader.stop();
        await waitFor('the standby to take over', () => standby.isActive(), 20_000);
        await waitFor('the later timer fired', async () => (await firedIds(log)).length >= 2, 20_000);
        await sleep(300);
        expect((await firedIds(log)).sort()).toEqual(['after', 'before']);
      } finally {
        await second.stop();
        await first.stop();
        await log.close();
        await eventStore.close();
      }
    }, 60_000);
  });
}
