import { assertText, DomainError } from '../../shared';
import { assertNormalizedEmail } from '../email';
import { assertUserId, assertUserName, assertUserRole, identityLimits } from '../rules';
import type { ChangePassword, ChangeRole, DisableUser, EnableUser, RegisterUser, UpdateProfile, UserCommand } from './commands';
import type { UserEvent } from './events';
import type { User, UserState } from './state';

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
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
