import { randomUUID } from 'node:crypto';
import { notificationStreamId, shipmentIdOf } from '@ecommerce/domain';
import type { Order } from '@ecommerce/domain';
import { createLogSmsSender, createSmtpSender, createSmtpTransport } from '@ecommerce/platform';
import { startTestSmtpServer } from '@ecommerce/platform/src/notifications/smtp-test-server.fixture';
import type { TestSmtpServer } from '@ecommerce/platform/src/notifications/smtp-test-server.fixture';
import { notificationInboxTopic } from './actors/lifecycle-messages';
import { senderMessageIdOf } from './actors/notification-actor';
import { line, orderOf, placeOrder, restock, startProcessors, testSettings, useFlowEnvironment } from './flow.fixture';
import { notificationsOf, pay, registerUser, shipmentStep } from './lifecycle.fixture';
import type { Processors, ProcessorsSettings } from './processors';
import { messageIdHeader } from './runtime/actor-host';
import { listDeadLetters } from './runtime/dead-letters';
import { encodeInboxMessage } from './runtime/inbox';
import { logTargets, silentLogger, waitFor } from './runtime/test-support.fixture';

const now = () => new Date().toISOString();

for (const target of logTargets()) {
  describe(`notifications (${target.name})`, () => {
    let smtp: TestSmtpServer | undefined;
    let transport: ReturnType<typeof createSmtpTransport> | undefined;
    let processors: Processors | undefined;
    const env = useFlowEnvironment(target, async () => {
      await processors?.stop();
      processors = undefined;
      transport?.close();
      await smtp?.stop();
    });

    async function start(rejectRecipients: Record<string, number> = {}, settings: Partial<ProcessorsSettings> = {}): Promise<TestSmtpServer> {
      smtp = await startTestSmtpServer({ rejectRecipients });
      transport = createSmtpTransport(smtp.url, { timeoutMs: 2000 });
      const senders = { email: createSmtpSender(transport, { from: 'shop@example.com' }), sms: createLogSmsSender(silentLogger) };
      processors = startProcessors({ ...env, senders }, testSettings(settings));
      await processors.start();
      return smtp;
    }

    /** Every message of the user's stream settled (sent or failed), none left queued. */
    const settled = async (userId: string, count: number) => {
      const messages = [...(await notificationsOf(env.eventStore, userId)).notifications.values()];
      return messages.length === count && messages.every((message) => message.status !== 'queued');
    };

    it('queues each (event, channel) once and sends each email once to the SMTP server, also when messages are redelivered', async () => {
      const server = await start();
      const userId = await registerUser(env.eventStore, { email: 'ada@example.com', sms: '+33612345678' });
      await restock(env.eventStore, 'NOTE-1', 5);
      const orderId = await placeOrder(env.eventStore, userId, [line('NOTE-1')]);
      await waitFor('the order confirmed', async () => (await orderOf(env.eventStore, orderId)).status === 'confirmed');
      await pay(env.eventStore, (await orderOf(env.eventStore, orderId)) as Order, 'pm_card_visa');
      await waitFor('the order paid', async () => (await orderOf(env.eventStore, orderId)).status === 'paid');
      const shipmentId = shipmentIdOf(orderId);
      await waitFor('the shipment open', async () => (await env.eventStore.readStream(`shipment-${shipmentId}`)).length > 0);
      await shipmentStep(env.eventStore, shipmentId, { type: 'DispatchShipment', data: { shipmentId, carrier: 'DHL', trackingNumber: 'JD0146000065', dispatchedAt: now() } });

      // Registered, confirmed, paid, shipped: each on three channels (inbox, email, SMS).
      const mails = await server.waitForMessages(4, 20_000);
      await waitFor('every message settled', () => settled(userId, 12), 20_000);
      expect(mails.map((mail) => mail.to)).toEqual(Array(4).fill(['ada@example.com']));
      expect(mails.find((mail) => mail.subject?.includes('on its way'))?.text).toContain('JD0146000065');

      // Redeliveries: a Deliver of a sent email and a Notify of an event already told change nothing.
      const stream = await env.eventStore.readStream(notificationStreamId(userId));
      const queued = stream.filter((event) => event.type === 'NotificationQueued').map((event) => event.data);
      const email = queued.find((data) => data.channel === 'email' && data.kind === 'order_shipped') as Record<string, unknown>;
      const shipped = (await env.eventStore.readStream(`order-${orderId}`)).find((event) => event.type === 'OrderShipped');
      const producer = env.log.createProducer();
      const send = (value: { type: string } & Record<string, unknown>) => ({ topic: notificationInboxTopic, key: userId, value: encodeInboxMessage(value), headers: { [messageIdHeader]: randomUUID() } });
      await producer.send([
        send({ type: 'Deliver', userId, notificationId: email.notificationId, channel: 'email', kind: 'order_shipped', recipient: 'ada@example.com', subject: email.subject, text: email.text }),
        send({ type: 'Notify', userId, eventId: shipped?.id, event: { type: 'OrderShipped', data: shipped?.data } }),
        // Behind them on the same key: once its message arrives, they were handled.
        send({ type: 'Notify', userId, eventId: randomUUID(), event: { type: 'OrderExpired', data: { orderId } } }),
      ]);
      await producer.close();
      await server.waitForMessages(5, 20_000);
      await waitFor('the last message settled', () => settled(userId, 15), 20_000);

      const counts = server.countByMessageId();
      expect(Object.values(counts)).toEqual([1, 1, 1, 1, 1]);
      const emailIds = (await env.eventStore.readStream(notificationStreamId(userId))).filter((event) => event.type === 'NotificationQueued' && event.data.channel === 'email').map((event) => String(event.data.notificationId));
      expect(Object.keys(counts).sort()).toEqual(emailIds.map((id) => `${senderMessageIdOf(id)}@ecommerce`).sort());
      const queuedIds = (await env.eventStore.readStream(notificationStreamId(userId))).filter((event) => event.type === 'NotificationQueued').map((event) => event.data.notificationId);
      expect(new Set(queuedIds).size).toBe(queuedIds.length);
      expect(await listDeadLetters(env.log)).toHaveLength(0);
    }, 60_000);

    it("a sender failing retriably is retried then dead-lettered without holding up other users' messages; a permanent refusal is recorded as failed", async () => {
      const server = await start({ 'slow@example.com': 450, 'gone@example.com': 550 }, { maxAttempts: 3, retryBaseMs: 20 });
      const slow = await registerUser(env.eventStore, { email: 'slow@example.com' });
      const gone = await registerUser(env.eventStore, { email: 'gone@example.com' });
      const fine = await registerUser(env.eventStore, { email: 'fine@example.com' });

      const [mail] = await server.waitForMessages(1, 20_000);
      expect(mail?.to).toEqual(['fine@example.com']);
      await waitFor('the deferred email dead-lettered', async () => (await listDeadLetters(env.log)).length === 1, 20_000);
      const [letter] = await listDeadLetters(env.log);
      expect(letter?.key).toBe(slow);
      expect(letter?.reason).toMatch(/retries exhausted after 3 attempts.*SMTP deferred/);
      await waitFor('the refused email recorded as failed', async () => [...(await notificationsOf(env.eventStore, gone)).notifications.values()].some((message) => message.status === 'failed'));

      expect([...(await notificationsOf(env.eventStore, slow)).notifications.values()].map((message) => [message.channel, message.status]).sort()).toEqual([['email', 'queued'], ['inApp', 'sent']]);
      // the server has the mail before the actor appends NotificationSent
      await waitFor("fine's messages recorded sent", async () => [...(await notificationsOf(env.eventStore, fine)).notifications.values()].every((message) => message.status === 'sent'));
      expect(server.messages()).toHaveLength(1);
      const failed = (await env.eventStore.readStream(notificationStreamId(gone))).find((event) => event.type === 'NotificationFailed');
      expect(String(failed?.data.reason)).toMatch(/SMTP rejected/);
    }, 60_000);
  });
}
