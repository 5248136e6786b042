import fc from 'fast-check';
import { avroSchemaOf } from '@ecommerce/schemas';
import { formatMoney, notifiableEventTypes, notificationsDecider, notificationsStateFromJson, notificationsStateToJson, notificationStreamId, planNotifications, unreadCountOf } from '..';
import type { NotifiableEvent, NotificationCommand, NotificationEvent, NotificationRecipient } from '..';
import { foldEvents } from '../shared';
import { specificationFor } from '../shared/testing';

const given = specificationFor(notificationsDecider);
const eventId = '6f1c2d3e-4b5a-5c6d-9e8f-7a6b5c4d3e2f';
const recipient = (preferences: Partial<NotificationRecipient['preferences']> = {}): NotificationRecipient => ({
  userId: 'u-1',
  name: 'Ada',
  email: 'ada@example.com',
  preferences: { email: true, sms: false, phoneNumber: null, ...preferences },
});
const shipped: NotifiableEvent = { type: 'OrderShipped', data: { orderId: 'o-1', shipmentId: 's-1', carrier: 'DHL', trackingNumber: 'JD0146000065', shippedAt: '2025-03-15T08:00:00.000Z' } };
const queuedAt = '2025-03-15T08:00:01.000Z';
const queue = (event: NotifiableEvent = shipped, who = recipient()): NotificationCommand => ({
  type: 'QueueNotifications',
  data: { userId: 'u-1', notifications: planNotifications({ eventId, event, recipient: who }), queuedAt },
});
const queued = (): NotificationEvent[] => notificationsDecider.decide(queue(), notificationsDecider.initialState());

const samples: NotifiableEvent[] = [
  { type: 'UserRegistered', data: { userId: 'u-1', email: 'ada@example.com', name: 'Ada', role: 'customer' } },
  { type: 'UserPasswordChanged', data: { userId: 'u-1' } },
  { type: 'OrderConfirmed', data: { orderId: 'o-1', paymentDeadline: '2025-03-14T10:45:00.000Z' } },
  { type: 'OrderRejected', data: { orderId: 'o-1', reason: 'insufficient_stock', shortSkus: ['MUG-001'] } },
  { type: 'OrderExpired', data: { orderId: 'o-1' } },
  { type: 'OrderPaid', data: { orderId: 'o-1', paymentId: 'pay-1', amount: { amount: 3150, currency: 'EUR' } } },
  shipped,
  { type: 'OrderDelivered', data: { orderId: 'o-1', deliveredAt: '2025-03-17T12:00:00.000Z', returnWindowEndsAt: '2025-03-31T12:00:00.000Z', acceptanceDeadline: '2025-03-31T12:00:00.000Z' } },
  { type: 'OrderReturned', data: { orderId: 'o-1', lines: [], refundAmount: { amount: 1250, currency: 'EUR' }, returnedAt: '2025-03-21T11:00:00.000Z' } },
  { type: 'OrderRefunded', data: { orderId: 'o-1', paymentId: 'pay-1', refundId: 'pay-1/items_returned', amount: { amount: 1250, currency: 'EUR' } } },
];

describe('planNotifications', () => {
  it('covers every notifiable event with a subject and a text', () => {
    expect(samples.map((event) => event.type).sort()).toEqual([...notifiableEventTypes].sort());
    for (const event of samples) {
      const [message] = planNotifications({ eventId, event, recipient: recipient() });
      expect(message?.subject.length).toBeGreaterThan(0);
      expect(message?.text).toMatch(/^Hello Ada,/);
    }
  });

  it('tells of the tracking number, and of money exactly', () => {
    expect(planNotifications({ eventId, event: shipped, recipient: recipient() })[0]?.text).toContain('DHL, tracking number JD0146000065');
    expect(formatMoney({ amount: 3150, currency: 'EUR' })).toBe('31.50 EUR');
    expect(formatMoney({ amount: 5, currency: 'EUR' })).toBe('0.05 EUR');
    expect(formatMoney({ amount: 1200, currency: 'JPY' })).toBe('1200 JPY');
    expect(formatMoney({ amount: 1234, currency: 'KWD' })).toBe('1.234 KWD');
  });

  it('sends one message per channel the user wants, with ids from the event id and the channel', () => {
    expect(planNotifications({ eventId, event: shipped, recipient: recipient() }).map((message) => [message.channel, message.notificationId, message.recipient])).toEqual([
      ['inApp', `${eventId}:inApp`, null],
      ['email', `${eventId}:email`, 'ada@example.com'],
    ]);
    const all = planNotifications({ eventId, event: shipped, recipient: recipient({ sms: true, phoneNumber: '+33612345678' }) });
    expect(all.map((message) => message.channel)).toEqual(['inApp', 'email', 'sms']);
    const inboxOnly = planNotifications({ eventId, event: shipped, recipient: recipient({ email: false }) });
    expect(inboxOnly.map((message) => message.channel)).toEqual(['inApp']);
  });

  it('tells of a password change by email even when email is off', () => {
    const event: NotifiableEvent = { type: 'UserPasswordChanged', data: { userId: 'u-1' } };
    expect(planNotifications({ eventId, event, recipient: recipient({ email: false }) }).map((message) => message.channel)).toEqual(['inApp', 'email']);
  });
});

describe('the notification stream', () => {
  it('queues each (event, channel) once; the inbox message is delivered at once', () => {
    const events = queued();
    expect(events.map((event) => [event.type, event.data.notificationId])).toEqual([
      ['NotificationQueued', `${eventId}:inApp`],
      ['NotificationSent', `${eventId}:inApp`],
      ['NotificationQueued', `${eventId}:email`],
    ]);
    given(...events).when(queue()).thenNothingHappens();
    expect(notificationStreamId('u-1')).toBe('notification-u-1');
  });

  it('records a send or a failure of a queued message, once', () => {
    const sent: NotificationCommand = { type: 'RecordNotificationSent', data: { userId: 'u-1', notificationId: `${eventId}:email`, providerMessageId: '<m1@shop>', sentAt: queuedAt } };
    const failed: NotificationCommand = { type: 'RecordNotificationFailed', data: { userId: 'u-1', notificationId: `${eventId}:email`, reason: 'SMTP 550', attempts: 5, failedAt: queuedAt } };
    given(...queued()).when(sent).then([{ type: 'NotificationSent', data: { notificationId: `${eventId}:email`, userId: 'u-1', channel: 'email', providerMessageId: '<m1@shop>', sentAt: queuedAt } }]);
    given(...queued()).when(failed).then([{ type: 'NotificationFailed', data: { notificationId: `${eventId}:email`, userId: 'u-1', channel: 'email', reason: 'SMTP 550', attempts: 5, failedAt: queuedAt } }]);
    const afterSend = [...queued(), ...notificationsDecider.decide(sent, foldEvents(notificationsDecider, queued()))];
    given(...afterSend).when(sent).thenNothingHappens();
    given(...afterSend).when(failed).thenNothingHappens();
    given().when(sent).thenThrows({ code: 'not_found', field: 'notificationId' });
  });

  it('marks an in-app message read, once, and only in-app ones', () => {
    const read = (channel: string): NotificationCommand => ({ type: 'MarkNotificationRead', data: { userId: 'u-1', notificationId: `${eventId}:${channel}`, readAt: queuedAt } });
    const readEvent: NotificationEvent = { type: 'NotificationRead', data: { notificationId: `${eventId}:inApp`, userId: 'u-1', readAt: queuedAt } };
    given(...queued()).when(read('inApp')).then([readEvent]);
    given(...queued(), readEvent).when(read('inApp')).thenNothingHappens();
    given(...queued()).when(read('email')).thenThrows({ code: 'conflict', field: 'notificationId' });
    expect(unreadCountOf(foldEvents(notificationsDecider, queued()))).toBe(1);
    expect(unreadCountOf(foldEvents(notificationsDecider, [...queued(), readEvent]))).toBe(0);
  });

  it('survives a snapshot: plain JSON there and back gives the same messages, any id included', () => {
    const proto: NotificationEvent = { type: 'NotificationQueued', data: { notificationId: '__proto__', userId: 'u-1', channel: 'inApp', kind: 'order_paid', sourceEventId: 'e-0', recipient: null, subject: 'Hi', text: 'Hello', queuedAt } };
    const state = foldEvents(notificationsDecider, [...queued(), proto]);
    const restored = notificationsStateFromJson(JSON.parse(JSON.stringify(notificationsStateToJson(state))) as ReturnType<typeof notificationsStateToJson>);
    expect(notificationsStateToJson(restored)).toEqual(notificationsStateToJson(state));
    expect(restored.notifications.get('__proto__')).toMatchObject({ channel: 'inApp', status: 'queued' });
    expect(unreadCountOf(restored)).toBe(unreadCountOf(state));
  });

  it('refuses malformed messages', () => {
    const [inApp] = planNotifications({ eventId, event: shipped, recipient: recipient() });
    const bad = (change: object): NotificationCommand => ({ type: 'QueueNotifications', data: { userId: 'u-1', notifications: [{ ...inApp!, ...change }], queuedAt } });
    given().when(bad({ channel: 'fax' })).thenThrows({ code: 'validation', field: 'notifications.0.channel' });
    given().when(bad({ recipient: 'ada@example.com' })).thenThrows({ code: 'validation', field: 'notifications.0.recipient' });
    given().when(bad({ channel: 'email', recipient: null })).thenThrows({ code: 'validation', field: 'notifications.0.recipient' });
    given().when(bad({ subject: '' })).thenThrows({ code: 'validation', field: 'notifications.0.subject' });
  });

  it('sends each (event, channel) at most once under any redelivery, and every event encodes', () => {
    const delivery = fc.record({ event: fc.constantFrom(...samples), id: fc.constantFrom('e-1', 'e-2', 'e-3'), sms: fc.boolean(), email: fc.boolean() });
    fc.assert(
      fc.property(fc.array(delivery, { maxLength: 30 }), (deliveries) => {
        const history: NotificationEvent[] = [];
        for (const { event, id, sms, email } of deliveries) {
          const who = recipient({ email, sms, phoneNumber: sms ? '+33612345678' : null });
          const command: NotificationCommand = { type: 'QueueNotifications', data: { userId: 'u-1', notifications: planNotifications({ eventId: id, event, recipient: who }), queuedAt } };
          history.push(...notificationsDecider.decide(command, foldEvents(notificationsDecider, history)));
        }
        const queuedIds = history.filter((event) => event.type === 'NotificationQueued').map((event) => event.data.notificationId);
        expect(new Set(queuedIds).size).toBe(queuedIds.length);
        for (const event of history) expect(avroSchemaOf(event.type).type.isValid(event.data)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
