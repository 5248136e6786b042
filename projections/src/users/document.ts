import type { DomainEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { NotificationPreferencesEntry, SavedAddressEntry, UserDocument } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { UserDocument } from '@ecommerce/schemas';

export type UserFields = Omit<UserDocument, '_id' | '_revisions'>;

export const userEventTypes = [
  'UserRegistered', 'UserProfileUpdated', 'UserPasswordChanged', 'UserDisabled', 'UserEnabled', 'UserRoleChanged',
  'UserAddressAdded', 'UserAddressUpdated', 'UserAddressRemoved', 'UserNotificationPreferencesChanged',
] as const;

/** What a new account starts with, as the domain says: email and the inbox, no SMS. */
export const defaultNotificationPreferences = (): NotificationPreferencesEntry => ({ email: true, sms: false, phoneNumber: null });

/** Saved addresses after an address event, oldest first; an id already saved is not added twice. */
function addressesAfter(addresses: readonly SavedAddressEntry[], event: DomainEvent): SavedAddressEntry[] {
  switch (event.type) {
    case 'UserAddressAdded': {
      const { addressId, address } = event.data;
      return addresses.some((saved) => saved.addressId === addressId) ? [...addresses] : [...addresses, { addressId, address }];
    }
    case 'UserAddressUpdated': {
      const { addressId, address } = event.data;
      return addresses.map((saved) => (saved.addressId === addressId ? { addressId, address } : saved));
    }
    case 'UserAddressRemoved':
      return addresses.filter((saved) => saved.addressId !== event.data.addressId);
    default:
      return [...addresses];
  }
}

/**
 * User fields after an identity event (pure): the read-model twin of the domain's evolve.
 * A password change touches no field here (the hash never reaches the read side) but still
 * moves the revision, so a read that waits for that revision is answered.
 */
export function evolveUserFields(current: UserFields | null, event: ProjectedEvent): UserFields | null {
  const touched = (fields: UserFields): UserFields => ({ ...fields, revision: event.revision, updatedAt: event.occurredAt });
  const typed = asDeciderEvent<DomainEvent>(event);
  switch (typed.type) {
    case 'UserRegistered': {
      const { data } = typed;
      return {
        email: data.email, name: data.name, role: data.role, status: 'active', addresses: [], notificationPreferences: defaultNotificationPreferences(),
        revision: event.revision, createdAt: event.occurredAt, updatedAt: event.occurredAt,
      };
    }
    case 'UserProfileUpdated':
      return current && touched({ ...current, name: typed.data.name });
    case 'UserPasswordChanged':
      return current && touched(current);
    case 'UserDisabled':
      return current && touched({ ...current, status: 'disabled' });
    case 'UserEnabled':
      return current && touched({ ...current, status: 'active' });
    case 'UserRoleChanged':
      return current && touched({ ...current, role: typed.data.role });
    case 'UserAddressAdded':
    case 'UserAddressUpdated':
    case 'UserAddressRemoved':
      // documents projected before addresses existed have none
      return current && touched({ ...current, addresses: addressesAfter(current.addresses ?? [], typed) });
    case 'UserNotificationPreferencesChanged': {
      const { email, sms, phoneNumber } = typed.data;
      return current && touched({ ...current, notificationPreferences: { email, sms, phoneNumber } });
    }
    default:
      return current;
  }
}
