import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNotifiableEventType, notificationIdOf, openReservations, orderStreamId, refundedOf, satisfiesStockInvariant, userStreamId } from '@ecommerce/domain';
import type { Order } from '@ecommerce/domain';
import { createKafkaLog, createNamespacedLog, deadLetterTopic, Kafka, listDeadLetters, logLevel, openEmbeddedLog, openSqliteEventStore } from '@ecommerce/platform';
import type { EventStore, Log } from '@ecommerce/platform';
import { inboxTopicOf, inventoryActorType, notificationActorType, orderActorType, paymentActorType, senderMessageIdOf, shipmentActorType } from '@ecommerce/processors';
import { inventoryOf, orderOf, restock } from '@ecommerce/processors/src/flow.fixture';
import { notificationsOf, paymentOf, registerUser } from '@ecommerce/processors/src/lifecycle.fixture';
import { startTestSmtpServer } from '@ecommerce/platform/src/notifications/smtp-test-server.fixture';
import type { TestSmtpServer } from '@ecommerce/platform/src/notifications/smtp-test-server.fixture';
import { eventTopic } from '@ecommerce/schemas';
import { verifyEventStore } from '../verify/verify-store';
import { removeDataDir } from './harness';
import { advance, describeJourney, expectedOf, missingSku, newJourney, place, planPaths, skus } from './lifecycle-chaos.fixture';
import type { Journey } from './lifecycle-chaos.fixture';
import { sleep, startComponent, waitUntil } from './processes';
import type { ComponentProcess } from './processes';

jest.setTimeout(360_000);

/**
 * Issue 9: the processors (router, inventory, order, payment, shipment and notification actors,
 * timers) as a real OS process, SIGKILLed at random moments in the middle of 200 order lifecycles
 * and restarted, with the mirror beside them, the event store a shared SQLite file and every
 * email sent over SMTP to a real server in this test. Afterwards every order is where its steps
 * lead, payments and refunds add up, `ecommerce verify` finds nothing, nothing is left in any
 * inbox or the dead-letter topic, and every email arrived — duplicates only where a kill made them.
 */
const orders = 200;
const customers = 40;
/** One order placed every this many ms: about 45 s of steady load, the kills land inside it. */
const placeEveryMs = 225;
const minKills = 3;
const emailDomain = 'ecommerce';

/** The Message-ID (without brackets) of the email a notifiable event makes, as the SMTP sender writes it. */
const emailMessageIdOf = (eventId: string) => `${senderMessageIdOf(notificationIdOf(eventId, 'email'))}@${emailDomain}`;

const countBy = <T>(items: readonly T[], keyOf: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
};

/** The lines a process logged at warn and above (the platform's logger writes the level as a label; a number is read too). */
const warningLines = (component: ComponentProcess): Array<{ text: string; level: string; msg: string }> =>
  component.output().split('\n').flatMap((text) => {
    try {
      const entry = JSON.parse(text) as { level?: number | string; msg?: string };
      const level = String(entry.level ?? '');
      return ['warn', 'error', 'fatal', '40', '50', '60'].includes(level) ? [{ text, level, msg: entry.msg ?? '' }] : [];
    } catch {
      return [];
    }
  });

/** The warnings and errors each process of the test logged, oldest process first: the last 40 lines of each. */
const warningsOf = (processes: readonly ComponentProcess[]) =>
  processes
    .map((component, index) => {
      const lines = warningLines(component);
      return `process ${index} (pid ${component.child.pid}): ${lines.length} warnings and errors\n${lines.slice(-40).map((line) => line.text).join('\n')}`;
    })
    .join('\n');

/** What one kill interrupted. */
interface Kill {
  at: number;
  /** Events the actors appended in the window before the kill (the driver's own appends carry no causation). */
  actorEventsBefore: number;
  /** Emails that reached the SMTP server in that window. */
  emailsBefore: number;
  /** Journeys waiting for the processors at the kill. */
  journeysInFlight: number;
  /** Emails the server accepted from the killed process whose NotificationSent was not in the store when it died: the sends in flight. */
  acceptedNotRecorded: string[];
  /** How many customers (actor keys) those in-flight emails were for. */
  inFlightRecipients: number;
  /** SMTP transactions the kill cut before the server's 250 (the server saw the connection die mid-message). */
  smtpCut: number;
}

describe('the order lifecycle while the processors are SIGKILLed (issue 9)', () => {
  let dataDir: string;
  let eventStore: EventStore;
  let smtp: TestSmtpServer;
  const running: ComponentProcess[] = [];
  /** Stops the test's own load (placement and driver) if the test ends early. */
  let stopLoad: () => Promise<void> = async () => undefined;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-lifecycle-chaos-'));
    eventStore = openSqliteEventStore(join(dataDir, 'events.db'));
    smtp = await startTestSmtpServer();
  });

  afterEach(async () => {
    await stopLoad();
    for (const component of running.splice(0)) await component.kill();
    await smtp.stop();
    await eventStore.close();
    removeDataDir(dataDir);
  });

  async function run(logEnv: Record<string, string>, openLog: () => Log): Promise<void> {
    const started = Date.now();
    const env = (extra: Record<string, string> = {}) => ({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      PARTITIONS: '4',
      METRICS_PORT: '0',
      // No order may expire while the processors are down: every unpaid end here is a cancel or a rejection.
      PAYMENT_WINDOW_MS: '600000',
      ...logEnv,
      ...extra,
    });
    const start = (command: string, extra?: Record<string, string>) => {
      const component = startComponent([command], env(extra));
      running.push(component);
      return component;
    };

    // Customers with an email address each (their welcome email is one of the expected ones), and stock for everything but one SKU.
    const users: Array<{ userId: string; email: string }> = [];
    for (let index = 0; index < customers; index += 1) {
      const email = `chaos.${index}@lifecycle.test`;
      users.push({ userId: await registerUser(eventStore, { email, name: `Customer ${index}` }), email });
    }
    for (const sku of skus) await restock(eventStore, sku, 10_000);

    start('mirror');
    let processors = start('processors', { SMTP_URL: smtp.url });
    // Where the SMTP server's arrivals from the current processors process begin.
    let arrivalsFrom = 0;
    const journeys = planPaths(orders).map((path, index) => newJourney(index, path, (users[index % customers] as { userId: string }).userId));
    const placed: Journey[] = [];

    // The load: a steady stream of new orders, and a driver taking each order's next step once the store shows it is due.
    let loadError: unknown = null;
    const checkLoad = () => {
      if (loadError !== null) throw loadError;
    };
    let placing = true;
    let driving = true;
    const placement = (async () => {
      for (const journey of journeys) {
        if (loadError !== null || !driving) return;
        await place(eventStore, journey);
        placed.push(journey);
        await sleep(placeEveryMs);
      }
    })()
      .catch((error: unknown) => (loadError = error))
      .finally(() => (placing = false));
    const driver = (async () => {
      while (driving && loadError === null) {
        for (const journey of [...placed]) await advance(eventStore, journey);
        await sleep(100);
      }
    })().catch((error: unknown) => (loadError = error));
    stopLoad = async () => {
      driving = false;
      await Promise.all([placement, driver]);
    };
    const inFlight = () => placed.filter((journey) => journey.doneAt === null).length;

    const emailsNotRecorded = async (): Promise<Set<string>> => {
      const unsent = new Set<string>();
      for (const { userId } of users) {
        const { notifications } = await notificationsOf(eventStore, userId);
        for (const [notificationId, notification] of notifications.entries()) {
          if (notification.channel === 'email' && notification.status !== 'sent') unsent.add(`${senderMessageIdOf(notificationId)}@${emailDomain}`);
        }
      }
      return unsent;
    };

    const kills: Kill[] = [];
    // Past the load, kill only while orders are still in flight: a kill of an idle process proves nothing.
    while (placing || (kills.length < minKills && inFlight() > 0)) {
      await waitUntil(() => processors.output().includes('health and metrics listening'), 'the processors to start', 60_000).catch((error: unknown) => {
        process.stdout.write(`processors output:\n${processors.output().slice(-6000)}\n`);
        throw error;
      });
      // Working: the new process appended something of its own (after a kill it first waits for the dead member's partitions).
      const startedAt = await eventStore.headPosition();
      await waitUntil(async () => (await eventStore.readAll({ after: startedAt })).some((event) => event.metadata.causationId !== undefined), 'the restarted processors to work', 60_000, 200);
      const windowStart = await eventStore.headPosition();
      const emailsAtWindowStart = smtp.messages().length;
      await sleep(700 + Math.random() * 2300);
      const journeysInFlight = inFlight();
      const cutBefore = smtp.connectionsCut();
      await processors.kill('SIGKILL');
      const at = Date.now() - started;
      // A message whose DATA was complete may still be parsed and accepted by the server just after the kill.
      await sleep(500);
      const actorEventsBefore = (await eventStore.readAll({ after: windowStart })).filter((event) => event.metadata.causationId !== undefined).length;
      const unsent = await emailsNotRecorded();
      const arrivals = smtp.messages();
      // Sent by this process: an email left unrecorded by an earlier kill and not sent again before this one is not counted twice.
      const acceptedNotRecorded = [...new Set(arrivals.slice(arrivalsFrom).map((mail) => mail.messageId ?? ''))].filter((messageId) => unsent.has(messageId));
      const inFlightRecipients = new Set(arrivals.filter((mail) => acceptedNotRecorded.includes(mail.messageId ?? '')).map((mail) => mail.to.join())).size;
      kills.push({ at, actorEventsBefore, emailsBefore: arrivals.length - emailsAtWindowStart, journeysInFlight, acceptedNotRecorded, inFlightRecipients, smtpCut: smtp.connectionsCut() - cutBefore });
      arrivalsFrom = arrivals.length;
      processors = start('processors', { SMTP_URL: smtp.url });
      checkLoad();
    }
    await placement;
    checkLoad();

    // Every order reaches the end of its path.
    try {
      await waitUntil(() => {
        checkLoad();
        return placed.length === orders && inFlight() === 0;
      }, 'every order to reach the end of its path', 120_000, 250);
    } catch (error) {
      const stuck = placed.filter((journey) => journey.doneAt === null).slice(0, 10);
      process.stdout.write(`stuck orders:\n${(await Promise.all(stuck.map((journey) => describeJourney(eventStore, journey)))).join('\n')}\nprocessors output:\n${processors.output().slice(-4000)}\n`);
      throw error;
    }
    driving = false;
    await driver;
    checkLoad();
    const loadDoneAt = Date.now() - started;

    // Every order in the state its steps lead to, with its payments and refunds.
    const ends: Record<string, number> = {};
    const expectedSold: Record<string, number> = {};
    const expectedReturned: Record<string, number> = {};
    const expectedEmails = new Map<string, string>();
    const emailOfUser = new Map(users.map(({ userId, email }) => [userId, email]));
    const raceOutcomes: Record<string, number> = {};
    for (const journey of journeys) {
      const expected = expectedOf(journey);
      const order = (await orderOf(eventStore, journey.orderId)) as Order;
      const refunded = Object.values(order.refunds).reduce((sum, money) => sum + money.amount, 0);
      const payments = [];
      for (const paymentId of journey.paymentIds) {
        const payment = await paymentOf(eventStore, paymentId);
        payments.push({ status: payment.status, refunded: payment.status === 'captured' ? refundedOf(payment) : 0 });
      }
      const events = await eventStore.readStream(orderStreamId(journey.orderId));
      const notified = events.filter((event) => isNotifiableEventType(event.type));
      const actual = { status: order.status, refunded, payments, notifiedEvents: notified.map((event) => event.type) };
      const wanted = { status: expected.status, refunded: expected.refunded, payments: expected.payments, notifiedEvents: expected.notifiedEvents ?? actual.notifiedEvents };
      expect({ orderId: journey.orderId, path: journey.path, ...actual }).toEqual({ orderId: journey.orderId, path: journey.path, ...wanted });
      if (journey.path === 'payThenCancel') {
        // The capture before the cancel (refunded as a cancellation) or after it (refunded as a late payment): one refund either way.
        expect([['OrderConfirmed', 'OrderPaid', 'OrderRefunded'], ['OrderConfirmed', 'OrderRefunded']]).toContainEqual(actual.notifiedEvents);
        const outcome = actual.notifiedEvents.includes('OrderPaid') ? 'paid, then cancelled' : 'cancelled, then a late capture';
        raceOutcomes[outcome] = (raceOutcomes[outcome] ?? 0) + 1;
      }
      ends[`${journey.path} → ${order.status}`] = (ends[`${journey.path} → ${order.status}`] ?? 0) + 1;
      for (const [sku, quantity] of Object.entries(expected.sold)) expectedSold[sku] = (expectedSold[sku] ?? 0) + quantity;
      for (const [sku, quantity] of Object.entries(expected.returned)) expectedReturned[sku] = (expectedReturned[sku] ?? 0) + quantity;
      for (const event of notified) expectedEmails.set(emailMessageIdOf(event.id), emailOfUser.get(journey.customerId) as string);
    }
    for (const { userId, email } of users) {
      for (const event of await eventStore.readStream(userStreamId(userId))) if (event.type === 'UserRegistered') expectedEmails.set(emailMessageIdOf(event.id), email);
    }

    // The stock: every held unit settled (sold, or released), the returned units back, invariant 5 and the ledger (verify).
    const stockOf = async () => Object.fromEntries(await Promise.all(skus.map(async (sku) => [sku, await inventoryOf(eventStore, sku)] as const)));
    await waitUntil(async () => Object.values(await stockOf()).every((state) => state.reserved === 0), 'every held unit sold or released', 60_000, 250);
    for (const [sku, state] of Object.entries(await stockOf())) {
      expect({ sku, reserved: state.reserved, sold: state.sold, returned: state.returned, held: openReservations(state).length, invariant: satisfiesStockInvariant(state) }).toEqual({
        sku,
        reserved: 0,
        sold: expectedSold[sku] ?? 0,
        returned: expectedReturned[sku] ?? 0,
        held: 0,
        invariant: true,
      });
    }
    expect((await inventoryOf(eventStore, missingSku)).reserved).toBe(0);

    // Every expected email arrived, to its customer; every email that arrived was expected.
    await waitUntil(() => new Set(smtp.messages().map((mail) => mail.messageId)).size >= expectedEmails.size, `${expectedEmails.size} distinct emails at the SMTP server`, 60_000, 250).catch(() => undefined);
    const received = smtp.messages();
    const counts = smtp.countByMessageId();
    expect(Object.keys(counts).sort()).toEqual([...expectedEmails.keys()].sort());
    for (const mail of received) expect({ messageId: mail.messageId, to: mail.to }).toEqual({ messageId: mail.messageId, to: [expectedEmails.get(mail.messageId ?? '')] });
    for (const { userId } of users) {
      const { notifications } = await notificationsOf(eventStore, userId);
      expect([...notifications.values()].filter((notification) => notification.status !== 'sent' && notification.channel === 'email')).toEqual([]);
    }

    // Nothing left to do: after a quiet period the store does not move, and every consumer group has read its topics to the end.
    const head = await eventStore.headPosition();
    await sleep(3000);
    expect(await eventStore.headPosition()).toBe(head);
    const log = openLog();
    try {
      const groups: Array<[string, string[]]> = [
        ['ecommerce-router', [...new Set((['OrderPlaced', 'StockReserved', 'PaymentRequested', 'ShipmentOpened', 'NotificationQueued', 'UserRegistered'] as const).map(eventTopic))]],
        ...[inventoryActorType, orderActorType, paymentActorType, shipmentActorType, notificationActorType].map((type): [string, string[]] => [`ecommerce-${type}-actor`, [inboxTopicOf(type)]]),
      ];
      const partitionsBehind = async () => {
        const behind: string[] = [];
        for (const [groupId, topics] of groups) {
          for (const topic of topics) {
            const endOffsets = await log.endOffsets(topic);
            const committed = await log.committedOffsets(groupId, topic);
            endOffsets.forEach((end, partition) => {
              if ((committed[partition] ?? 0) < end) behind.push(`${groupId} ${topic}/${partition}: committed ${committed[partition]}, end ${end}`);
            });
          }
        }
        return behind;
      };
      // The store's last events (the notifications' sent marks) may still be on their way through the mirror and the
      // router when the store goes quiet; read to the end means within a while, not at this instant. The while covers
      // the platform's own recoveries: a partition kafkajs holds without fetching is relaunched after 30 s of quiet
      // (stallAfterMs, checked every 10 s; seen in CI: the router's group at 162 of 164 on one partition until then),
      // and a transaction a SIGKILL left open holds read_committed readers at its start until the coordinator aborts
      // it, after the 60 s transaction timeout.
      await waitUntil(async () => (await partitionsBehind()).length === 0, 'every consumer group at the end of its topics', 150_000, 500).catch(() => undefined);
      const behind = await partitionsBehind();
      // Why a group stayed short is in the processes' warnings (a batch that keeps failing, a relaunch): show them.
      if (behind.length > 0) process.stdout.write(`partitions behind: ${behind.join('; ')}\n${warningsOf(running)}\n`);
      expect(behind).toEqual([]);
      const deadLetters = await listDeadLetters(log, { limit: 1000 });
      expect(deadLetters.map((letter) => `${letter.headers['event-type'] ?? letter.key}: ${letter.reason}`)).toEqual([]);
      expect(await log.endOffsets(deadLetterTopic)).toEqual([0]);
    } finally {
      await log.close();
    }

    // `ecommerce verify`: no SKU oversold at any moment, the ledger adds up, totals, refunds ≤ captures.
    const report = await verifyEventStore(eventStore);
    expect(report.findings).toEqual([]);

    /*
     * Duplicates. The notification actor hands a queued email to the SMTP sender inside
     * `toCommand`, and its `Deliver` messages are `effectful`: the actor host appends each one's NotificationSent
     * before it handles the key's next message. A SIGKILL between the server's 250 and that append
     * leaves the notification queued and its Deliver uncommitted: the restarted process sends it
     * again, with the same Message-ID. Nothing else resends (a send cut before the 250 is not at the
     * server; a recorded one is skipped). So a kill can duplicate at most one email per key being
     * handled at that moment: per partition handled at once (min(PARTITIONS, partitionsAtOnce) = 4
     * here), the keys of its batch run concurrently, one send in flight each.
     * We measure that set after each kill (`acceptedNotRecorded`) and require it exactly: each email
     * in it arrived once more per kill that caught it, and no other email arrived twice.
     */
    const inFlightAtKills = countBy(kills.flatMap((kill) => kill.acceptedNotRecorded), (messageId) => messageId);
    const duplicated = Object.entries(counts).filter(([, count]) => count > 1);
    const report9 = {
      durationMs: Date.now() - started,
      loadDoneAtMs: loadDoneAt,
      ends,
      raceOutcomes,
      kills: kills.map(({ at, actorEventsBefore, emailsBefore, journeysInFlight, acceptedNotRecorded, inFlightRecipients, smtpCut }) => ({
        atMs: at,
        actorEventsBefore,
        emailsBefore,
        journeysInFlight,
        emailsInFlight: acceptedNotRecorded.length,
        inFlightRecipients,
        smtpCut,
      })),
      emails: { expected: expectedEmails.size, received: received.length, distinct: Object.keys(counts).length, duplicatedMessageIds: duplicated.length, duplicateDeliveries: received.length - Object.keys(counts).length },
      events: report.events,
      // What the processes logged at warn and above (the killed ones included), by message.
      warnings: countBy(
        running.flatMap((component) => warningLines(component)),
        ({ level, msg }) => `${level} ${msg}`,
      ),
    };
    process.stdout.write(`lifecycle chaos: ${JSON.stringify(report9, null, 2)}\n`);
    // Exactly: each email in flight at a kill arrived once more per such kill, and no other email arrived twice.
    for (const messageId of new Set([...duplicated.map(([id]) => id), ...Object.keys(inFlightAtKills)])) {
      expect({ messageId, count: counts[messageId] }).toEqual({ messageId, count: 1 + (inFlightAtKills[messageId] ?? 0) });
    }
    expect(duplicated.length).toBeLessThanOrEqual(kills.reduce((sum, kill) => sum + kill.acceptedNotRecorded.length, 0));

    // The kills interrupted real work: the actors were appending, and orders were in flight. On a
    // loaded machine the load may end before the third kill; then at least two hit it.
    const interrupting = kills.filter((kill) => kill.actorEventsBefore > 0 && kill.journeysInFlight > 0);
    expect(interrupting.length).toBeGreaterThanOrEqual(Math.min(minKills, Math.max(2, kills.length)));
  }

  it('200 lifecycles, processors SIGKILLed at random moments and restarted: every order where its steps lead, verify clean, every email at the SMTP server (embedded log)', async () => {
    await run({}, () => openEmbeddedLog(join(dataDir, 'log.db')));
  });

  const kafka = process.env.KAFKA_BROKERS;
  if (!kafka) it.todo('the same on Kafka: set KAFKA_BROKERS to run it');
  const onKafkaOnly = kafka ? it : it.skip;
  onKafkaOnly('the same with the log on Kafka', async () => {
    const namespace = `lcchaos-${dataDir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '') ?? 'x'}.`;
    await run({ KAFKA_BROKERS: kafka as string, LOG_NAMESPACE: namespace }, () =>
      createNamespacedLog(createKafkaLog(new Kafka({ clientId: 'lifecycle-chaos-test', brokers: (kafka as string).split(','), logLevel: logLevel.NOTHING })), namespace),
    );
  });
});
