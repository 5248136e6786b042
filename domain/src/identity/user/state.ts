import type { UserRole } from '../rules';
import type { UserEvent } from './events';

export interface User {
  status: 'active' | 'disabled';
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  /**
   * Starts at 1 and goes up whenever existing sessions must end: a password change, a
   * disabling, a role change (so a demoted admin keeps no admin session). A session
   * remembers the version it started with; a refresh under another version is refused.
   */
  credentialsVersion: number;
}

export type UserState = { status: 'absent' } | User;

export const initialUserState = (): UserState => ({ status: 'absent' });

export const evolveUser = (state: UserState, event: UserEvent): UserState => {
  if (event.type === 'UserRegistered') {
    // The first registration wins; decide never lets a second one through.
    return state.status === 'absent' ? { status: 'active', ...event.data, credentialsVersion: 1 } : state;
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'UserProfileUpdated':
      return { ...state, name: event.data.name };
    case 'UserPasswordChanged':
      return { ...state, credentialsVersion: state.credentialsVersion + 1 };
    case 'UserDisabled':
      return { ...state, status: 'disabled', credentialsVersion: state.credentialsVersion + 1 };
    case 'UserEnabled':
      return { ...state, status: 'active' };
    case 'UserRoleChanged':
      return { ...state, role: event.data.role, credentialsVersion: state.credentialsVersion + 1 };
    default:
      return state;
  }
};
