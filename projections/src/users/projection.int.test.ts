import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedReadStore } from '@ecommerce/platform';
import type { ReadStore, RecordedEvent } from '@ecommerce/platform';
import { userCollections } from '@ecommerce/schemas';
import type { UserDocument } from './document';
import { usersProjection } from './projection';

const userId = '00000000-0000-4000-8000-000000000001';

function createTestEvent(revision: number, type: string, data: Record<string, unknown>, id = userId): RecordedEvent {
  const occurredAt = `2024-05-01T10:00:0${revision}.000Z`;
  return { id: `${id}-${revision}`, type, streamId: `user-${id}`, revision, position: revision + 1, data: { userId: id, ...data }, metadata: { occurredAt }, recordedAt: new Date(occurredAt) };
}

const registered = createTestEvent(0, 'UserRegistered', { email: 'ada@example.com', name: 'Ada', role: 'customer' });
const renamed = createTestEvent(1, 'UserProfileUpdated', { name: 'Ada Lovelace' });
const disabled = createTestEvent(2, 'UserDisabled', { reason: null });

describe('usersProjection', () => {
  let dir: string;
  let store: ReadStore;
  const users = () => store.collection<UserDocument>(userCollections(1).users);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'users-projection-'));
    store = openEmbeddedReadStore(path.join(dir, 'read.db'));
    await usersProjection.setup(store, 1);
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds the document with the stream revision recorded', async () => {
    await usersProjection.apply(store, 1, [registered, renamed, disabled]);
    expect(await users().findOne({ _id: userId })).toEqual({
      _id: userId, _revisions: { [`user-${userId}`]: 2 }, email: 'ada@example.com', name: 'Ada Lovelace', role: 'customer', status: 'disabled', revision: 2,
      addresses: [], notificationPreferences: { email: true, sms: false, phoneNumber: null }, createdAt: '2024-05-01T10:00:00.000Z', updatedAt: '2024-05-01T10:00:02.000Z',
    });
  });

  it('changes nothing on redelivery of older or equal revisions', async () => {
    await usersProjection.apply(store, 1, [registered, renamed, disabled]);
    const before = await users().findOne({ _id: userId });
    await usersProjection.apply(store, 1, [registered, renamed, disabled, renamed, registered]);
    expect(await users().findOne({ _id: userId })).toEqual(before);
  });

  it('ignores events before the registration and event types it does not read', async () => {
    await usersProjection.apply(store, 1, [renamed, createTestEvent(0, 'SessionStarted', { sessionId: 's' })]);
    expect(await users().count()).toBe(0);
  });

  it('keeps emails unique', async () => {
    await usersProjection.apply(store, 1, [registered]);
    const twin = createTestEvent(0, 'UserRegistered', { email: 'ada@example.com', name: 'Twin', role: 'customer' }, '00000000-0000-4000-8000-000000000002');
    await expect(usersProjection.apply(store, 1, [twin])).rejects.toMatchObject({ code: 'conflict' });
  });
});
