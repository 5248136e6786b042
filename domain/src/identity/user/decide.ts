import { assertId, assertPostalAddress, assertText, copyPostalAddress, DomainError, samePostalAddress } from '../../shared';
import { assertNormalizedEmail } from '../email';
import { assertUserId, assertUserName, assertUserRole, identityLimits, isPhoneNumber } from '../rules';
import type {
  AddAddress,
  ChangePassword,
  ChangeRole,
  DisableUser,
  EnableUser,
  RegisterUser,
  RemoveAddress,
  SetNotificationPreferences,
  UpdateAddress,
  UpdateProfile,
  UserCommand,
} from './commands';
import type { UserEvent } from './events';
import type { User, UserState } from './state';
import { savedAddressOf } from './state';

const requireUser = (state: UserState): User => {
  if (state.status === 'absent') throw DomainError.notFound('user not found');
  return state;
};

/** Self-service changes need an account that may still log in. */
const requireActive = (state: UserState): User => {
  const user = requireUser(state);
  if (user.status === 'disabled') throw DomainError.conflict('user is disabled');
  return user;
};

export const registerUser = ({ data }: RegisterUser, state: UserState): UserEvent[] => {
  assertUserId(data.userId);
  assertNormalizedEmail(data.email);
  assertUserName(data.name);
  assertUserRole(data.role);
  if (state.status !== 'absent') {
    // The same registration again is a retry: already done.
    const same = state.userId === data.userId && state.email === data.email && state.name === data.name && state.role === data.role;
    if (same) return [];
    throw DomainError.conflict('user already exists', 'userId');
  }
  return [{ type: 'UserRegistered', data: { userId: data.userId, email: data.email, name: data.name, role: data.role } }];
};

export const updateProfile = ({ data }: UpdateProfile, state: UserState): UserEvent[] => {
  assertUserName(data.name);
  const user = requireActive(state);
  if (user.name === data.name) return [];
  return [{ type: 'UserProfileUpdated', data: { userId: user.userId, name: data.name } }];
};

export const changePassword = (_command: ChangePassword, state: UserState): UserEvent[] => {
  const user = requireActive(state);
  // Always recorded: even the same password again ends every other session, which is what users expect of "change password".
  return [{ type: 'UserPasswordChanged', data: { userId: user.userId } }];
};

export const disableUser = ({ data }: DisableUser, state: UserState): UserEvent[] => {
  if (data.reason !== undefined && data.reason !== null) assertText(data.reason, 'reason', { min: 1, max: identityLimits.reasonMax });
  const user = requireUser(state);
  if (user.status === 'disabled') return [];
  return [{ type: 'UserDisabled', data: { userId: user.userId, reason: data.reason ?? null } }];
};

export const enableUser = (_command: EnableUser, state: UserState): UserEvent[] => {
  const user = requireUser(state);
  if (user.status === 'active') return [];
  return [{ type: 'UserEnabled', data: { userId: user.userId } }];
};

/** An admin's decision, allowed on a disabled account too (it takes effect at its next login). */
export const changeRole = ({ data }: ChangeRole, state: UserState): UserEvent[] => {
  assertUserRole(data.role);
  const user = requireUser(state);
  if (user.role === data.role) return [];
  return [{ type: 'UserRoleChanged', data: { userId: user.userId, role: data.role, previousRole: user.role } }];
};

/** A retry (same id, same address) records nothing; the same id for another address is a conflict. */
export const addAddress = ({ data }: AddAddress, state: UserState): UserEvent[] => {
  assertId(data.addressId, 'addressId');
  assertPostalAddress(data.address);
  const user = requireActive(state);
  const saved = savedAddressOf(user, data.addressId);
  if (saved) {
    if (samePostalAddress(saved.address, data.address)) return [];
    throw DomainError.conflict('another address is saved under this id', 'addressId');
  }
  if (user.addresses.length >= identityLimits.addressesMax) {
    throw DomainError.conflict(`a profile keeps at most ${identityLimits.addressesMax} addresses`, 'addressId');
  }
  return [{ type: 'UserAddressAdded', data: { userId: user.userId, addressId: data.addressId, address: copyPostalAddress(data.address) } }];
};

export const updateAddress = ({ data }: UpdateAddress, state: UserState): UserEvent[] => {
  assertId(data.addressId, 'addressId');
  assertPostalAddress(data.address);
  const user = requireActive(state);
  const saved = savedAddressOf(user, data.addressId);
  if (!saved) throw DomainError.notFound('no saved address has this id', 'addressId');
  if (samePostalAddress(saved.address, data.address)) return [];
  return [{ type: 'UserAddressUpdated', data: { userId: user.userId, addressId: data.addressId, address: copyPostalAddress(data.address) } }];
};

/** Removing what is not there is already done (a retried DELETE). */
export const removeAddress = ({ data }: RemoveAddress, state: UserState): UserEvent[] => {
  assertId(data.addressId, 'addressId');
  const user = requireActive(state);
  if (!savedAddressOf(user, data.addressId)) return [];
  return [{ type: 'UserAddressRemoved', data: { userId: user.userId, addressId: data.addressId } }];
};

export const setNotificationPreferences = ({ data }: SetNotificationPreferences, state: UserState): UserEvent[] => {
  if (typeof data.email !== 'boolean') throw DomainError.validation('email must be true or false', 'email');
  if (typeof data.sms !== 'boolean') throw DomainError.validation('sms must be true or false', 'sms');
  if (data.inApp !== undefined && data.inApp !== true) throw DomainError.validation('the in-app inbox cannot be switched off', 'inApp');
  if (data.phoneNumber !== null && !isPhoneNumber(data.phoneNumber)) {
    throw DomainError.validation('phone number must be in E.164 form, like +33612345678', 'phoneNumber');
  }
  if (data.sms && data.phoneNumber === null) throw DomainError.validation('SMS needs a phone number', 'phoneNumber');
  const user = requireActive(state);
  const current = user.notificationPreferences;
  if (current.email === data.email && current.sms === data.sms && current.phoneNumber === data.phoneNumber) return [];
  return [{ type: 'UserNotificationPreferencesChanged', data: { userId: user.userId, email: data.email, sms: data.sms, phoneNumber: data.phoneNumber } }];
};

export const decideUser = (command: UserCommand, state: UserState): UserEvent[] => {
  switch (command.type) {
    case 'RegisterUser':
      return registerUser(command, state);
    case 'UpdateProfile':
      return updateProfile(command, state);
    case 'ChangePassword':
      return changePassword(command, state);
    case 'DisableUser':
      return disableUser(command, state);
    case 'EnableUser':
      return enableUser(command, state);
    case 'ChangeRole':
      return changeRole(command, state);
    case 'AddAddress':
      return addAddress(command, state);
    case 'UpdateAddress':
      return updateAddress(command, state);
    case 'RemoveAddress':
      return removeAddress(command, state);
    case 'SetNotificationPreferences':
      return setNotificationPreferences(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
