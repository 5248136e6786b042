import { foldEvents } from '../../shared';
import { userDecider, userStreamId } from '.';
import {
  createTestUserDisabled,
  createTestUserEnabled,
  createTestUserPasswordChanged,
  createTestUserProfileUpdated,
  createTestUserRegistered,
  createTestUserRoleChanged,
} from './testing';

describe('user state', () => {
  it('starts absent', () => {
    expect(foldEvents(userDecider, [])).toEqual({ status: 'absent' });
  });

  it('starts active at credentials version 1', () => {
    expect(foldEvents(userDecider, [createTestUserRegistered()])).toEqual({
      status: 'active',
      userId: 'u-1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'customer',
      credentialsVersion: 1,
      addresses: [],
      notificationPreferences: { email: true, sms: false, phoneNumber: null },
    });
  });

  it('ends sessions on a password change, a disabling and a role change, but not on a profile change or an enabling', () => {
    const versions = [
      createTestUserProfileUpdated('Ada King'),
      createTestUserPasswordChanged(),
      createTestUserDisabled('fraud'),
      createTestUserEnabled(),
      createTestUserRoleChanged('admin', 'customer'),
    ].reduce<number[]>((seen, event, index, events) => {
      const state = foldEvents(userDecider, [createTestUserRegistered(), ...events.slice(0, index + 1)]);
      return [...seen, state.status === 'absent' ? 0 : state.credentialsVersion];
    }, []);
    expect(versions).toEqual([1, 2, 3, 3, 4]);
  });

  it('folds name, status and role', () => {
    const state = foldEvents(userDecider, [
      createTestUserRegistered(),
      createTestUserProfileUpdated('Ada King'),
      createTestUserRoleChanged('admin', 'customer'),
      createTestUserDisabled(),
    ]);
    expect(state).toMatchObject({ status: 'disabled', name: 'Ada King', role: 'admin' });
  });

  it('ignores events of a user it has not seen registered, and a second registration', () => {
    expect(foldEvents(userDecider, [createTestUserDisabled(), createTestUserEnabled()])).toEqual({ status: 'absent' });
    const state = foldEvents(userDecider, [createTestUserRegistered(), createTestUserRegistered({ name: 'Someone else' })]);
    expect(state).toMatchObject({ name: 'Ada Lovelace' });
  });

  it('names the stream after the user', () => {
    expect(userStreamId('u-1')).toBe('user-u-1');
  });
});
