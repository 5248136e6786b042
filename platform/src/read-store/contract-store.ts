/** Contract: indexes, drop, collections, checkpoints, health and copy safety. */
import type { ContractContext } from './contract-helpers';
import type { Document } from './port';

interface Account extends Document {
  email: string;
  profile?: { tags: string[] };
}

const account = (id: string, email: string): Account => ({ _id: id, email });

export function storeContract({ store, uniqueName, freshCollection }: ContractContext): void {
  describe('indexes', () => {
    it('enforces a unique index, naming it in the conflict', async () => {
      const accounts = freshCollection<Account>();
      await accounts.createIndex({ keys: { email: 1 }, unique: true, name: 'email_unique' });
      await accounts.createIndex({ keys: { email: 1 }, unique: true, name: 'email_unique' });
      await accounts.upsert(account('a', 'a@example.com'));
      await accounts.upsert({ ...account('a', 'a@example.com'), profile: { tags: ['x'] } });
      await expect(accounts.upsert(account('b', 'a@example.com'))).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('email_unique') });
      await expect(
        accounts.replaceIfNewer({ id: 'c', doc: account('c', 'a@example.com'), guard: { stream: 'user-c', revision: 1 } }),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(accounts.updateIfNewer({ id: 'c', set: { email: 'a@example.com' }, guard: { stream: 'user-c', revision: 1 }, upsert: true })).rejects.toMatchObject({
        code: 'conflict',
      });
      await expect(
        accounts.updateManyIfNewer([
          { id: 'c', set: { email: 'a@example.com' }, guard: { stream: 'user-c', revision: 1 }, upsert: true },
          { id: 'd', set: { email: 'd@example.com' }, guard: { stream: 'user-d', revision: 1 }, upsert: true },
        ]),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect(await accounts.find({ _id: { $in: ['a', 'c'] } }, { sort: { _id: 1 } })).toEqual([{ ...account('a', 'a@example.com'), profile: { tags: ['x'] } }]);
      // A live document's write refused by the index, in a batch (claimed first on FerretDB): the same conflict, at once.
      await accounts.updateIfNewer({ id: 'e', set: { email: 'e@example.com' }, guard: { stream: 'user-e', revision: 1 }, upsert: true });
      const refused = { id: 'e', set: { email: 'a@example.com' }, guard: { stream: 'user-e', revision: 2 } };
      await expect(accounts.updateManyIfNewer([refused, { id: 'f', set: { email: 'f@example.com' }, guard: { stream: 'user-f', revision: 1 }, upsert: true }])).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('email_unique'),
      });
      await expect(accounts.replaceManyIfNewer([{ id: 'e', doc: account('e', 'a@example.com'), guard: { stream: 'user-e', revision: 2 } }])).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('email_unique'),
      });
      expect(await accounts.findOne({ _id: 'e' })).toMatchObject({ email: 'e@example.com' });
      expect(await accounts.replaceIfNewer({ id: 'c', doc: account('c', 'c@example.com'), guard: { stream: 'user-c', revision: 1 } })).toBe('applied');
    });

    it('lets deleted documents free their unique keys, and tombstones never collide', async () => {
      const accounts = freshCollection<Account>();
      await accounts.createIndex({ keys: { email: 1 }, unique: true });
      for (const id of ['a', 'b']) {
        await accounts.replaceIfNewer({ id, doc: account(id, `${id}@example.com`), guard: { stream: `user-${id}`, revision: 1 } });
        expect(await accounts.replaceIfNewer({ id, doc: null, guard: { stream: `user-${id}`, revision: 2 } })).toBe('applied');
      }
      expect(await accounts.replaceIfNewer({ id: 'z', doc: account('z', 'a@example.com'), guard: { stream: 'user-z', revision: 1 } })).toBe('applied');
    });

    it('refuses a unique index over duplicates already stored; plain indexes allow them', async () => {
      const accounts = freshCollection<Account>();
      await accounts.upsert(account('a', 'same@example.com'));
      await accounts.upsert(account('b', 'same@example.com'));
      await accounts.createIndex({ keys: { email: 1 } });
      await expect(accounts.createIndex({ keys: { email: 1 }, unique: true, name: 'email_unique' })).rejects.toMatchObject({ code: 'conflict' });
      expect(await accounts.count({ email: 'same@example.com' })).toBe(2);
    });
  });

  describe('collections', () => {
    it('lists collections and drops one with its documents, tombstones and indexes', async () => {
      const name = uniqueName('dropped');
      const accounts = store().collection<Account>(name);
      await accounts.createIndex({ keys: { email: 1 }, unique: true });
      await accounts.replaceIfNewer({ id: 'a', doc: account('a', 'a@example.com'), guard: { stream: 'user-a', revision: 5 } });
      await accounts.replaceIfNewer({ id: 'gone', doc: null, guard: { stream: 'user-gone', revision: 5 } });
      expect(await store().listCollections()).toContain(name);
      await accounts.drop();
      expect(await accounts.count()).toBe(0);
      expect(await store().listCollections()).not.toContain(name);
      // Revisions, tombstones and the unique index went with it.
      expect(await accounts.replaceIfNewer({ id: 'gone', doc: account('gone', 'x@example.com'), guard: { stream: 'user-gone', revision: 1 } })).toBe('applied');
      await accounts.upsert(account('b', 'x@example.com'));
      expect(await accounts.count({ email: 'x@example.com' })).toBe(2);
      await accounts.drop();
      await accounts.drop();
    });
  });

  describe('checkpoints', () => {
    it('reads null when missing, then the latest value set', async () => {
      const name = uniqueName('checkpoint');
      expect(await store().getCheckpoint(name)).toBeNull();
      await store().setCheckpoint(name, { position: '42', partitions: { 0: 7, 1: 9 } });
      expect(await store().getCheckpoint(name)).toEqual({ position: '42', partitions: { 0: 7, 1: 9 } });
      await store().setCheckpoint(name, { position: '43', partitions: { 0: 8 } });
      expect(await store().getCheckpoint(name)).toEqual({ position: '43', partitions: { 0: 8 } });
      const other = uniqueName('checkpoint');
      await store().setCheckpoint(other, 17);
      expect(await store().getCheckpoint(other)).toBe(17);
      expect(await store().getCheckpoint(name)).toEqual({ position: '43', partitions: { 0: 8 } });
      expect(await store().listCollections()).not.toContain(name);
    });

    it('reads several in one call, leaving out the missing ones', async () => {
      const [first, second, missing] = [uniqueName('checkpoint'), uniqueName('checkpoint'), uniqueName('checkpoint')];
      await store().setCheckpoints([{ name: first, value: { version: 2 } }, { name: second, value: 0 }]);
      const read = await store().getCheckpoints([first, missing, second]);
      expect([...read.entries()].sort(([a], [b]) => (a < b ? -1 : 1))).toEqual([[first, { version: 2 }], [second, 0]].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
      expect((await store().getCheckpoints([])).size).toBe(0);
    });

    it('sets several in one call, each to its own value, and takes an empty list', async () => {
      const [first, second] = [uniqueName('checkpoint'), uniqueName('checkpoint')];
      await store().setCheckpoint(first, { offset: 1 });
      await store().setCheckpoints([{ name: first, value: { offset: 2 } }, { name: second, value: { offset: 9 } }]);
      expect(await store().getCheckpoint(first)).toEqual({ offset: 2 });
      expect(await store().getCheckpoint(second)).toEqual({ offset: 9 });
      await store().setCheckpoints([]);
      await store().setCheckpoints([{ name: second, value: null }]);
      expect(await store().getCheckpoint(second)).toBeNull();
      expect(await store().getCheckpoint(first)).toEqual({ offset: 2 });
    });
  });

  describe('copies', () => {
    it('hands out copies: mutating a result or a written document changes nothing stored', async () => {
      const accounts = freshCollection<Account>();
      const written = { ...account('a', 'a@example.com'), profile: { tags: ['one'] } };
      await accounts.upsert(written);
      written.profile.tags.push('written later');
      const found = await accounts.findOne({ _id: 'a' });
      found?.profile?.tags.push('mutated');
      const [listed] = await accounts.find({ email: 'a@example.com' });
      if (listed) listed.email = 'changed';
      expect(await accounts.findOne({ _id: 'a' })).toEqual({ ...account('a', 'a@example.com'), profile: { tags: ['one'] } });
      const guarded = { _id: 'b', email: 'b@example.com', profile: { tags: ['two'] } };
      await accounts.replaceIfNewer({ id: 'b', doc: guarded, guard: { stream: 'user-b', revision: 1 } });
      guarded.profile.tags.length = 0;
      const revisions = (await accounts.findOne({ _id: 'b' }))?._revisions;
      if (revisions) revisions['user-b'] = 99;
      expect(await accounts.findOne({ _id: 'b' })).toEqual({ ...guarded, profile: { tags: ['two'] }, _revisions: { 'user-b': 1 } });
    });
  });

  describe('health', () => {
    it('reports ok', async () => {
      expect(await store().health()).toEqual({ ok: true });
    });
  });
}
