import type { DomainCommand } from '../../shared';

/** `passwordHash` is computed by the handler (argon2id); the plain password never reaches the domain. */
export type SetPassword = DomainCommand<'SetPassword', { userId: string; passwordHash: string }>;

export type CredentialsCommand = SetPassword;
