import { evolveUserFields } from './document';
import type { UserFields } from './document';

const userId = '5b0c1f8e-2d7a-4c59-9a53-0d7f5f3f9c01';

const createTestEvent = (type: string, data: Record<string, unknown>, revision: number, occurredAt = `2024-05-01T10:00:0${revision}.000Z`) => ({
  type, data: { userId, ...data }, revision, occurredAt,
});

const registered = (overrides: Partial<UserFields> = {}): UserFields => {
  const fields = evolveUserFields(null, createTestEvent('UserRegistered', { email: 'ada@example.com', name: 'Ada', role: 'customer' }, 0));
  if (!fields) throw new Error('registration produced no document');
  return { ...fields, ...overrides };
};

describe('evolveUserFields', () => {
  it('builds an active user from UserRegistered', () => {
    expect(registered()).toEqual({
      email: 'ada@example.com', name: 'Ada', role: 'customer', status: 'active', revision: 0,
      addresses: [], notificationPreferences: { email: true, sms: false, phoneNumber: null },
      createdAt: '2024-05-01T10:00:00.000Z', updatedAt: '2024-05-01T10:00:00.000Z',
    });
  });

  it('renames on UserProfileUpdated and keeps createdAt', () => {
    const next = evolveUserFields(registered(), createTestEvent('UserProfileUpdated', { name: 'Ada Lovelace' }, 1));
    expect(next).toMatchObject({ name: 'Ada Lovelace', revision: 1, createdAt: '2024-05-01T10:00:00.000Z', updatedAt: '2024-05-01T10:00:01.000Z' });
  });

  it('disables and enables', () => {
    const disabled = evolveUserFields(registered(), createTestEvent('UserDisabled', { reason: 'fraud' }, 1));
    expect(disabled).toMatchObject({ status: 'disabled', revision: 1 });
    const enabled = evolveUserFields(disabled, createTestEvent('UserEnabled', {}, 2));
    expect(enabled).toMatchObject({ status: 'active', revision: 2 });
  });

  it('changes the role', () => {
    expect(evolveUserFields(registered(), createTestEvent('UserRoleChanged', { role: 'admin', previousRole: 'customer' }, 1))).toMatchObject({ role: 'admin', revision: 1 });
  });

  it('moves only the revision on UserPasswordChanged, and keeps nothing of the event', () => {
    const before = registered();
    const next = evolveUserFields(before, createTestEvent('UserPasswordChanged', { passwordHash: '$argon2id$leak' }, 1));
    expect(next).toEqual({ ...before, revision: 1, updatedAt: '2024-05-01T10:00:01.000Z' });
    expect(JSON.stringify(next)).not.toContain('argon2');
  });

  it('ignores changes to a user it has not seen registered', () => {
    for (const type of ['UserProfileUpdated', 'UserPasswordChanged', 'UserDisabled', 'UserEnabled', 'UserRoleChanged']) {
      expect(evolveUserFields(null, createTestEvent(type, { name: 'x', role: 'admin', previousRole: 'customer', reason: null }, 3))).toBeNull();
    }
  });

  it('leaves the fields unchanged for event types it does not handle', () => {
    const before = registered();
    expect(evolveUserFields(before, createTestEvent('SessionStarted', { sessionId: 's' }, 1))).toBe(before);
  });

  const address = (city: string) => ({ recipient: 'Ada', line1: '1 Main St', line2: null, city, region: null, postalCode: '75001', country: 'FR' });

  it('keeps saved addresses in order: added, updated in place, removed; an id added twice once', () => {
    let fields = evolveUserFields(registered(), createTestEvent('UserAddressAdded', { addressId: 'a1', address: address('Paris') }, 1));
    fields = evolveUserFields(fields, createTestEvent('UserAddressAdded', { addressId: 'a2', address: address('Lyon') }, 2));
    fields = evolveUserFields(fields, createTestEvent('UserAddressAdded', { addressId: 'a1', address: address('Nice') }, 3));
    fields = evolveUserFields(fields, createTestEvent('UserAddressUpdated', { addressId: 'a1', address: address('Lille') }, 4));
    expect(fields?.addresses).toEqual([{ addressId: 'a1', address: address('Lille') }, { addressId: 'a2', address: address('Lyon') }]);
    fields = evolveUserFields(fields, createTestEvent('UserAddressRemoved', { addressId: 'a1' }, 5));
    expect(fields).toMatchObject({ addresses: [{ addressId: 'a2', address: address('Lyon') }], revision: 5, updatedAt: '2024-05-01T10:00:05.000Z' });
  });

  it('starts an address list on a document projected before addresses existed', () => {
    const { addresses: _unused, ...before } = registered();
    expect(evolveUserFields(before, createTestEvent('UserAddressAdded', { addressId: 'a1', address: address('Paris') }, 1))?.addresses).toEqual([{ addressId: 'a1', address: address('Paris') }]);
  });

  it('records the notification preferences as chosen', () => {
    expect(evolveUserFields(registered(), createTestEvent('UserNotificationPreferencesChanged', { email: false, sms: true, phoneNumber: '+33612345678' }, 1)))
      .toMatchObject({ notificationPreferences: { email: false, sms: true, phoneNumber: '+33612345678' }, revision: 1 });
  });
});
