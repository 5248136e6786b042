import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLoginThrottle, openSqliteEventStore } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';
import { createAccounts } from './accounts';

const password = 'Tangerine-claims-Orbit-9';
const emailStream = (email: string) => `user-email-${createHash('sha256').update(email).digest('hex')}`;

describe('registration and an email claimed without its user', () => {
  let dir: string;
  let eventStore: EventStore;
  let now = Date.now();
  const accounts = () =>
    createAccounts({ eventStore, clock: () => new Date(now) }, {
      keyRing: () => { throw new Error('no tokens in this test'); }, throttle: createLoginThrottle(), accessTokenTtlSeconds: 300, refreshTokenTtlDays: 30,
    });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accounts-'));
    eventStore = openSqliteEventStore(path.join(dir, 'events.db'));
    now = Date.now();
  });
  afterEach(async () => {
    await eventStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const plantClaim = (email: string, userId: string) =>
    eventStore.append(emailStream(email), [{ id: 'a6f0d8b2-1c3e-4f5a-8b7c-9d0e1f2a3b4c', type: 'EmailClaimed', data: { email, userId } }], { expectedRevision: 'no_stream' });

  it('finishes a registration that stopped after claiming the email, once the claim is old', async () => {
    const orphan = '7d4c4a7e-0e0e-4c4c-9a9a-123456789abc';
    await plantClaim('ada@example.com', orphan);
    // a registration still under way: not taken over
    await expect(accounts().register({ email: 'ada@example.com', password, name: 'Ada' })).rejects.toMatchObject({ code: 'conflict' });
    now += 61_000;
    const registered = await accounts().register({ email: 'ada@example.com', password, name: 'Ada' });
    expect(registered.id).toBe(orphan);
  });

  it('lets one of many identical concurrent registrations through; no other sets a password on its account', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => accounts().register({ email: 'grace@example.com', password, name: 'Grace' })));
    const registered = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(registered).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason.code)).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
    const userId = (registered[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    expect((await eventStore.readStream(`credentials-${userId}`)).length).toBe(1);
  });
});
