import type { DomainEvent } from '../../shared';

/** Events of a user stream, `user-<userId>`: the only identity events that are published. */
export type UserEvent = DomainEvent<
  | 'UserRegistered'
  | 'UserProfileUpdated'
  | 'UserPasswordChanged'
  | 'UserDisabled'
  | 'UserEnabled'
  | 'UserRoleChanged'
  | 'UserAddressAdded'
  | 'UserAddressUpdated'
  | 'UserAddressRemoved'
  | 'UserNotificationPreferencesChanged'
>;

export type UserEventType = UserEvent['type'];

export const userEventTypes: readonly UserEventType[] = [
  'UserRegistered',
  'UserProfileUpdated',
  'UserPasswordChanged',
  'UserDisabled',
  'UserEnabled',
  'UserRoleChanged',
  'UserAddressAdded',
  'UserAddressUpdated',
  'UserAddressRemoved',
  'UserNotificationPreferencesChanged',
];

export const userStreamId = (userId: string): string => `user-${userId}`;
