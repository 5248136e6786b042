import type {
  NotificationPreferencesEntry, SavedAddressEntry, UserAddressAdded, UserAddressRemoved, UserAddressUpdated, UserDocument, UserNotificationPreferencesChanged, UserProfileUpdated,
  UserRegistered, UserRoleChanged,
} from '@ecommerce/schemas';

export type { UserDocument } from '@ecommerce/schemas';

export type UserFields = Omit<UserDocument, '_id' | '_revisions'>;

export const userEventTypes = [
  'UserRegistered', 'UserProfileUpdated', 'UserPasswordChanged', 'UserDisabled', 'UserEnabled', 'UserRoleChanged',
  'UserAddressAdded', 'UserAddressUpdated', 'UserAddressRemoved', 'UserNotificationPreferencesChanged',
] as const;

/** What a new account starts with, as the domain says: email and the inbox, no SMS. */
export const defaultNotificationPreferences = (): NotificationPreferencesEntry => ({ email: true, sms: false, phoneNumber: null });

/** Saved addresses after an address event, oldest first; an id already saved is not added twice. */
function addressesAfter(addresses: readonly SavedAddressEntry[], event: { type: string; data: unknown }): SavedAddressEntry[] {
  switch (event.type) {
    case 'UserAddressAdded': {
      const { addressId, address } = event.data as UserAddressAdded;
      return addresses.some((saved) => saved.addressId === addressId) ? [...addresses] : [...addresses, { addressId, address }];
    }
    case 'UserAddressUpdated': {
      const { addressId, address } = event.data as UserAddressUpdated;
      return addresses.map((saved) => (saved.addressId === addressId ? { addressId, address } : saved));
    }
    case 'UserAddressRemoved':
      return addresses.filter((saved) => saved.addressId !== (event.data as UserAddressRemoved).addressId);
    default:
      return [...addresses];
  }
}

/**
 * User fields after an identity event (pure): the read-model twin of the domain's evolve.
 * A password change touches no field here (the hash never reaches the read side) but still
 * moves the revision, so a read that waits for that revision is answered.
 */
export function evolveUserFields(current: UserFields | null, event: { type: string; data: unknown; revision: number; occurredAt: string }): UserFields | null {
  const touched = (fields: UserFields): UserFields => ({ ...fields, revision: event.revision, updatedAt: event.occurredAt });
  switch (event.type) {
    case 'UserRegistered': {
      const data = event.data as UserRegistered;
      return {
        email: data.email, name: data.name, role: data.role, status: 'active', addresses: [], notificationPreferences: defaultNotificationPreferences(),
        revision: event.revision, createdAt: event.occurredAt, updatedAt: event.occurredAt,
      };
    }
    case 'UserProfileUpdated':
      return current && touched({ ...current, name: (event.data as UserProfileUpdated).name });
    case 'UserPasswordChanged':
      return current && touched(current);
    case 'UserDisabled':
      return current && touched({ ...current, status: 'disabled' });
    case 'UserEnabled':
      return current && touched({ ...current, status: 'active' });
    case 'UserRoleChanged':
      return current && touched({ ...current, role: (event.data as UserRoleChanged).role });
    case 'UserAddressAdded':
    case 'UserAddressUpdated':
    case 'UserAddressRemoved':
      // documents projected before addresses existed have none
      return current && touched({ ...current, addresses: addressesAfter(current.addresses ?? [], event) });
    case 'UserNotificationPreferencesChanged': {
      const { email, sms, phoneNumber } = event.data as UserNotificationPreferencesChanged;
      return current && touched({ ...current, notificationPreferences: { email, sms, phoneNumber } });
    }
    default:
      return current;
  }
}
