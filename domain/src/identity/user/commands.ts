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

export type UserCommand = RegisterUser | UpdateProfile | ChangePassword | DisableUser | EnableUser | ChangeRole;
