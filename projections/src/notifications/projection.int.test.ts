import type { ReadCollection, ReadStore, RecordedEvent } from '@ecommerce/platform';
import { notificationCollections } from '@ecommerce/schemas';
import type { NotificationDocument } from '@ecommerce/schemas';
import { countingReads } from '../counting-reads.fixture';
import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { notificationsProjection } from './projection';

const userId = 'u-1';
const queuedAt = '2026-12-05T22:00:00.000Z';

/** The user's notification stream from `revision` on: earlier notifications came in earlier batches. */
const recorded = (revision: number, type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: `n-${revision}`, type, streamId: `notification-${userId}`, revision, position: 1000 + revision,
  data: { userId, ...data }, metadata: { occurredAt: queuedAt }, recordedAt: new Date(queuedAt),
});
const queued = (revision: number, sourceEventId: string, channel: 'inApp' | 'email') =>
  recorded(revision, 'NotificationQueued', {
    notificationId: `${sourceEventId}:${channel}`, channel, kind: 'order_confirmed', sourceEventId,
    recipient: channel === 'email' ? 'ada@example.com' : null, subject: 'Order confirmed', text: 'Your order is confirmed.', queuedAt,
  });
const sent = (revision: number, notificationId: string, channel: 'inApp' | 'email') =>
  recorded(revision, 'NotificationSent', { notificationId, channel, providerMessageId: null, sentAt: queuedAt });
const read = (revision: number, notificationId: string) => recorded(revision, 'NotificationRead', { notificationId, readAt: '2026-12-05T22:05:00.000Z' });

describe.each(testReadStores)('the notifications projection on the %s read store', (_name, open) => {
  const version = 1;
  let opened: TestReadStore;
  let reads: () => number;
  let store: ReadStore;

  beforeEach(async () => {
    opened = await open();
    // every findOne of the projection counted, whichever collection it asks for
    const counted = new Map<string, { collection: ReadCollection<never>; reads: () => number }>();
    store = Object.assign(Object.create(opened.store) as ReadStore, {
      collection: (name: string) => {
        let entry = counted.get(name);
        if (!entry) {
          entry = countingReads(opened.store.collection<never>(name));
          counted.set(name, entry);
        }
        return entry.collection;
      },
    });
    reads = () => [...counted.values()].reduce((sum, entry) => sum + entry.reads(), 0);
    await notificationsProjection.setup(opened.store, version);
  });
  afterEach(async () => {
    await opened.cleanup();
  });

  const inbox = () => opened.store.collection<NotificationDocument>(notificationCollections(version).notifications).find({}, { sort: { _id: 1 } });

  it('writes the in-app message of a batch that queues it without reading first, and nothing for email', async () => {
    await notificationsProjection.apply(store, version, [queued(4, 'e-2', 'inApp'), sent(5, 'e-2:inApp', 'inApp'), queued(6, 'e-2', 'email')]);
    expect(reads()).toBe(0);
    expect((await inbox()).map(({ _id, read: isRead, revision }) => [_id, isRead, revision])).toEqual([['e-2:inApp', false, 4]]);
    // its reading comes in a later batch, which has to read it
    await notificationsProjection.apply(store, version, [sent(7, 'e-2:email', 'email'), read(8, 'e-2:inApp')]);
    expect(reads()).toBe(1);
    expect((await inbox()).map(({ _id, read: isRead, readAt }) => [_id, isRead, readAt])).toEqual([['e-2:inApp', true, '2026-12-05T22:05:00.000Z']]);
    // the queueing batch again (a redelivery) leaves the read message as it is
    await notificationsProjection.apply(store, version, [queued(4, 'e-2', 'inApp'), sent(5, 'e-2:inApp', 'inApp'), queued(6, 'e-2', 'email')]);
    expect((await inbox()).map(({ _id, read: isRead }) => [_id, isRead])).toEqual([['e-2:inApp', true]]);
  });
});
