import type { InternalEvent } from '../internal-events';

/** The user's password hash (a PHC string such as `$argon2id$v=19$...`). Internal: a secret, never published. */
export interface PasswordSet {
  userId: string;
  passwordHash: string;
}

/** Events of a credentials stream, `credentials-<userId>`. */
export type CredentialsEvent = InternalEvent<'PasswordSet', PasswordSet>;

export const credentialsStreamId = (userId: string): string => `credentials-${userId}`;
