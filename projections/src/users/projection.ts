import type { RecordedEvent } from '@ecommerce/platform';
import { userCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { evolveUserFields, userEventTypes } from './document';
import type { UserDocument, UserFields } from './document';

const identityTopic = 'ecommerce.identity.events';
const userEvents = new Set<string>(userEventTypes);

const collectionsOf = userCollections;

const occurredAtOf = (event: RecordedEvent): string => String(event.metadata.occurredAt ?? event.recordedAt.toISOString());

/**
 * Users for `/api/me` and the admin list. One writer per document (the user stream), so each
 * write is guarded by that stream's revision: a redelivered or older event changes nothing.
 * Only mirrored events arrive here; hashes, sessions and email reservations stay in the event store.
 */
export const usersProjection: Projection = {
  name: 'users',
  topics: [identityTopic],
  collections: collectionsOf,

  async setup(store, version) {
    const users = store.collection(collectionsOf(version).users);
    await users.createIndex({ keys: { email: 1 }, unique: true, name: 'email_unique' });
    await users.createIndex({ keys: { createdAt: 1 }, name: 'created_at' });
  },

  async apply(store, version, events) {
    const users = store.collection<UserDocument>(collectionsOf(version).users);
    for (const event of events) {
      if (!userEvents.has(event.type)) continue;
      const id = (event.data as { userId: string }).userId;
      const current = await users.findOne({ _id: id });
      if (current && current.revision >= event.revision) continue;
      const fields = evolveUserFields(current && userFieldsOf(current), { type: event.type, data: event.data, revision: event.revision, occurredAt: occurredAtOf(event) });
      if (!fields) continue;
      await users.updateIfNewer({ id, set: fields, guard: { stream: event.streamId, revision: event.revision }, upsert: true });
    }
  },
};

function userFieldsOf(doc: UserDocument): UserFields {
  const { _id: _unusedId, _revisions: _unusedRevisions, ...fields } = doc;
  return fields;
}
