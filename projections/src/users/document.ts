import type { UserDocument, UserProfileUpdated, UserRegistered, UserRoleChanged } from '@ecommerce/schemas';

export type { UserDocument } from '@ecommerce/schemas';

export type UserFields = Omit<UserDocument, '_id' | '_revisions'>;

export const userEventTypes = ['UserRegistered', 'UserProfileUpdated', 'UserPasswordChanged', 'UserDisabled', 'UserEnabled', 'UserRoleChanged'] as const;

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
      return { email: data.email, name: data.name, role: data.role, status: 'active', revision: event.revision, createdAt: event.occurredAt, updatedAt: event.occurredAt };
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
    default:
      return current;
  }
}
