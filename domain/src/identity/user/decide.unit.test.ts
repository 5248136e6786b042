import { userDecider } from '.';
import type { UserCommand, UserRole } from '..';
import { specificationFor } from '../../shared/testing';
import {
  createTestRegisterUser,
  createTestUserDisabled,
  createTestUserEnabled,
  createTestUserProfileUpdated,
  createTestUserRegistered,
  createTestUserRoleChanged,
  testUserId as userId,
} from './testing';

const given = specificationFor(userDecider);
const registered = createTestUserRegistered;
const disabled = createTestUserDisabled;

const updateProfile = (name: string): UserCommand => ({ type: 'UpdateProfile', data: { userId, name } });
const changePassword: UserCommand = { type: 'ChangePassword', data: { userId } };
const disableUser = (reason?: string | null): UserCommand => ({ type: 'DisableUser', data: reason === undefined ? { userId } : { userId, reason } });
const enableUser: UserCommand = { type: 'EnableUser', data: { userId } };
const changeRole = (role: UserRole): UserCommand => ({ type: 'ChangeRole', data: { userId, role } });

describe('RegisterUser', () => {
  it('registers an absent user', () => {
    given().when(createTestRegisterUser({ role: 'admin' })).then([registered({ role: 'admin' })]);
  });

  it('records nothing for the same registration again, whatever the status', () => {
    given(registered()).when(createTestRegisterUser()).thenNothingHappens();
    given(registered(), disabled()).when(createTestRegisterUser()).thenNothingHappens();
  });

  it.each([{ email: 'grace@example.com' }, { name: 'Ada King' }, { role: 'admin' as const }])(
    'refuses another registration on an existing user %j',
    (overrides) => {
      given(registered()).when(createTestRegisterUser(overrides)).thenThrows({ code: 'conflict', field: 'userId', message: 'user already exists' });
    },
  );

  it.each([
    [{ email: 'Ada@example.com' }, 'email'],
    [{ email: ' ada@example.com' }, 'email'],
    [{ email: 'ada' }, 'email'],
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'n'.repeat(201) }, 'name'],
    [{ role: 'root' as UserRole }, 'role'],
    [{ userId: '' }, 'userId'],
    [{ userId: 'email-abc' }, 'userId'],
  ])('refuses invalid data %j', (overrides, field) => {
    given().when(createTestRegisterUser(overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('UpdateProfile', () => {
  it('records a new name', () => {
    given(registered()).when(updateProfile('Ada King')).then([createTestUserProfileUpdated('Ada King')]);
  });

  it('compares against the latest name', () => {
    given(registered(), createTestUserProfileUpdated('Ada King')).when(updateProfile('Ada King')).thenNothingHappens();
    given(registered(), createTestUserProfileUpdated('Ada King')).when(updateProfile('Ada Lovelace')).then([createTestUserProfileUpdated('Ada Lovelace')]);
  });

  it('refuses an absent or disabled user and an invalid name', () => {
    given().when(updateProfile('Ada')).thenThrows({ code: 'not_found', message: 'user not found' });
    given(registered(), disabled()).when(updateProfile('Ada')).thenThrows({ code: 'conflict', message: 'user is disabled' });
    given(registered()).when(updateProfile('')).thenThrows({ code: 'validation', field: 'name' });
  });
});

describe('ChangePassword', () => {
  it('records every change, even twice in a row', () => {
    const changed = { type: 'UserPasswordChanged' as const, data: { userId } };
    given(registered()).when(changePassword).then([changed]);
    given(registered(), changed).when(changePassword).then([changed]);
  });

  it('refuses an absent or disabled user', () => {
    given().when(changePassword).thenThrows({ code: 'not_found' });
    given(registered(), disabled()).when(changePassword).thenThrows({ code: 'conflict', message: 'user is disabled' });
  });
});

describe('DisableUser', () => {
  it('disables an active user, with or without a reason', () => {
    given(registered()).when(disableUser('fraud')).then([disabled('fraud')]);
    given(registered()).when(disableUser()).then([disabled(null)]);
    given(registered()).when(disableUser(null)).then([disabled(null)]);
  });

  it('disables again after an enabling', () => {
    given(registered(), disabled(), createTestUserEnabled()).when(disableUser()).then([disabled(null)]);
  });

  it('records nothing for a disabled user', () => {
    given(registered(), disabled('fraud')).when(disableUser('other')).thenNothingHappens();
  });

  it('refuses an absent user and an empty or too long reason', () => {
    given().when(disableUser()).thenThrows({ code: 'not_found' });
    given(registered()).when(disableUser('')).thenThrows({ code: 'validation', field: 'reason' });
    given(registered()).when(disableUser('r'.repeat(501))).thenThrows({ code: 'validation', field: 'reason' });
  });
});

describe('EnableUser', () => {
  it('enables a disabled user', () => {
    given(registered(), disabled()).when(enableUser).then([createTestUserEnabled()]);
  });

  it('records nothing for an active user', () => {
    given(registered()).when(enableUser).thenNothingHappens();
    given(registered(), disabled(), createTestUserEnabled()).when(enableUser).thenNothingHappens();
  });

  it('refuses an absent user', () => {
    given().when(enableUser).thenThrows({ code: 'not_found' });
  });
});

describe('ChangeRole', () => {
  it('records the new and the previous role', () => {
    given(registered()).when(changeRole('admin')).then([createTestUserRoleChanged('admin', 'customer')]);
    given(registered({ role: 'admin' })).when(changeRole('customer')).then([createTestUserRoleChanged('customer', 'admin')]);
  });

  it('uses the latest role as the previous one', () => {
    given(registered(), createTestUserRoleChanged('admin', 'customer')).when(changeRole('customer')).then([createTestUserRoleChanged('customer', 'admin')]);
  });

  it('changes the role of a disabled user too', () => {
    given(registered(), disabled()).when(changeRole('admin')).then([createTestUserRoleChanged('admin', 'customer')]);
  });

  it('records nothing for the same role', () => {
    given(registered()).when(changeRole('customer')).thenNothingHappens();
  });

  it('refuses an absent user and an unknown role', () => {
    given().when(changeRole('admin')).thenThrows({ code: 'not_found' });
    given(registered()).when(changeRole('owner' as UserRole)).thenThrows({ code: 'validation', field: 'role' });
  });
});
