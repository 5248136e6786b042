import type { PostalAddress } from '@ecommerce/schemas';
import type { DomainCommand } from '../../shared';
import type { UserRole } from '../rules';

/** `email` arrives normalized (normalizeEmail) and already claimed on its reservation stream. */
export type RegisterUser = DomainCommand<'RegisterUser', { userId: string; email: string; name: string; role: UserRole }>;

export type UpdateProfile = DomainCommand<'UpdateProfile', { userId: string; name: string }>;

/** The new hash goes to the credentials stream (SetPassword); this records that the old sessions end. */
export type ChangePassword = DomainCommand<'ChangePassword', { userId: string }>;

export type DisableUser = DomainCommand<'DisableUser', { userId: string; reason?: string | null }>;

export type EnableUser = DomainCommand<'EnableUser', { userId: string }>;

export type ChangeRole = DomainCommand<'ChangeRole', { userId: string; role: UserRole }>;

/** `addressId` is made by the handler (a UUID); the same command again is a retry. */
export type AddAddress = DomainCommand<'AddAddress', { userId: string; addressId: string; address: PostalAddress }>;

/** Replaces the whole saved address. */
export type UpdateAddress = DomainCommand<'UpdateAddress', { userId: string; addressId: string; address: PostalAddress }>;

export type RemoveAddress = DomainCommand<'RemoveAddress', { userId: string; addressId: string }>;

/**
 * Channels the user wants messages on. The in-app inbox cannot be switched off: `inApp`, when
 * given, must be true. SMS needs an E.164 `phoneNumber`.
 */
export type SetNotificationPreferences = DomainCommand<
  'SetNotificationPreferences',
  { userId: string; email: boolean; sms: boolean; inApp?: boolean; phoneNumber: string | null }
>;

export type UserCommand =
  | RegisterUser
  | UpdateProfile
  | ChangePassword
  | DisableUser
  | EnableUser
  | ChangeRole
  | AddAddress
  | UpdateAddress
  | RemoveAddress
  | SetNotificationPreferences;
