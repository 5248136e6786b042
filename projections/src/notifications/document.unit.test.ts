import { evolveNotificationFields } from './document';

const userId = '00000000-0000-4000-8000-0000000000c1';
const createTestEvent = (type: string, data: Record<string, unknown>, revision: number) => ({ type, data: { userId, notificationId: 'n1', ...data }, revision, occurredAt: 'x' });
const queued = (channel: string, revision = 0) => createTestEvent('NotificationQueued', {
  channel, kind: 'order_shipped', sourceEventId: 'e1', recipient: channel === 'inApp' ? null : 'ada@example.com', subject: 'Shipped', text: 'DHL JD0001', queuedAt: '2024-05-01T10:00:00.000Z',
}, revision);

describe('evolveNotificationFields', () => {
  it('puts an in-app message in the inbox, unread', () => {
    expect(evolveNotificationFields(null, queued('inApp', 3))).toEqual({
      userId, kind: 'order_shipped', subject: 'Shipped', text: 'DHL JD0001', createdAt: '2024-05-01T10:00:00.000Z', read: false, readAt: null, revision: 3,
    });
  });

  it('leaves email and SMS out of the inbox', () => {
    expect(evolveNotificationFields(null, queued('email'))).toBeNull();
    expect(evolveNotificationFields(null, queued('sms'))).toBeNull();
  });

  it('marks it read once: a second read keeps the first time', () => {
    const read = evolveNotificationFields(evolveNotificationFields(null, queued('inApp')), createTestEvent('NotificationRead', { readAt: '2024-05-02T00:00:00.000Z' }, 1));
    expect(read).toMatchObject({ read: true, readAt: '2024-05-02T00:00:00.000Z', revision: 1 });
    expect(evolveNotificationFields(read, createTestEvent('NotificationRead', { readAt: '2024-05-03T00:00:00.000Z' }, 2))).toBe(read);
  });

  it('ignores a read of a message it does not hold, and a second queueing', () => {
    expect(evolveNotificationFields(null, createTestEvent('NotificationRead', { readAt: 'x' }, 1))).toBeNull();
    const before = evolveNotificationFields(null, queued('inApp'));
    expect(evolveNotificationFields(before, queued('inApp', 4))).toBe(before);
  });
});
