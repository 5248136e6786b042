import type { PostalAddress } from '@ecommerce/schemas';
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
  /** Saved shipping addresses, oldest first, at most `identityLimits.addressesMax`. */
  addresses: readonly SavedAddress[];
  notificationPreferences: NotificationPreferences;
}

export interface SavedAddress {
  addressId: string;
  address: PostalAddress;
}

/** The in-app inbox is always on; email and SMS as the user chose (SMS only with a phone number). */
export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  phoneNumber: string | null;
}

/** What a new account starts with: email and the inbox, no SMS. */
export const defaultNotificationPreferences = (): NotificationPreferences => ({ email: true, sms: false, phoneNumber: null });

export const savedAddressOf = (user: User, addressId: string): SavedAddress | undefined =>
  user.addresses.find((saved) => saved.addressId === addressId);

export type UserState = { status: 'absent' } | User;

export const initialUserState = (): UserState => ({ status: 'absent' });

export const evolveUser = (state: UserState, event: UserEvent): UserState => {
  if (event.type === 'UserRegistered') {
    // The first registration wins; decide never lets a second one through.
    return state.status === 'absent'
      ? { status: 'active', ...event.data, credentialsVersion: 1, addresses: [], notificationPreferences: defaultNotificationPreferences() }
      : state;
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
    case 'UserAddressAdded': {
      const { addressId, address } = event.data;
      return savedAddressOf(state, addressId) ? state : { ...state, addresses: [...state.addresses, { addressId, address }] };
    }
    case 'UserAddressUpdated': {
      const { addressId, address } = event.data;
      return { ...state, addresses: state.addresses.map((saved) => (saved.addressId === addressId ? { addressId, address } : saved)) };
    }
    case 'UserAddressRemoved':
      return { ...state, addresses: state.addresses.filter((saved) => saved.addressId !== event.data.addressId) };
    case 'UserNotificationPreferencesChanged': {
      const { email, sms, phoneNumber } = event.data;
      return { ...state, notificationPreferences: { email, sms, phoneNumber } };
    }
    default:
      return state;
  }
};
