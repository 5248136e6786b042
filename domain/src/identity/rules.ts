import { assertId, assertText, DomainError } from '../shared';

/** The identity context's input rules, exported so the API's request schemas can use the same numbers. */
export const identityLimits = {
  nameMax: 200,
  reasonMax: 500,
  passwordHashMax: 1024,
  /** Saved shipping addresses per user. */
  addressesMax: 10,
} as const;

/** E.164: a plus, a country code and up to 15 digits in all, e.g. `+33612345678`. */
export const phoneNumberPattern = /^\+[1-9]\d{6,14}$/;

export const isPhoneNumber = (value: unknown): value is string => typeof value === 'string' && phoneNumberPattern.test(value);

export const userRoles = ['customer', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export const isUserRole = (value: unknown): value is UserRole => userRoles.includes(value as UserRole);

export const assertUserRole = (role: string, field = 'role'): void => {
  if (!isUserRole(role)) throw DomainError.validation(`role must be one of ${userRoles.join(', ')}`, field);
};

export const assertUserName = (name: string): void => assertText(name, 'name', { min: 1, max: identityLimits.nameMax });

/** `user-email-<hash>` is the email reservations' stream: a user id starting `email-` would land in it. */
export const assertUserId = (userId: string, field = 'userId'): void => {
  assertId(userId, field);
  if (userId.startsWith('email-')) throw DomainError.validation('userId must not start with "email-"', field);
};

/** A SHA-256 digest in lower-case hex: how token hashes and email hashes travel. */
export const isSha256Hex = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

export const assertSha256Hex = (value: string, field: string): void => {
  if (!isSha256Hex(value)) throw DomainError.validation(`${field} must be a SHA-256 digest in lower-case hex`, field);
};

/** Credentials versions count from 1 (see the user state). */
export const assertCredentialsVersion = (version: number, field: string): void => {
  if (!Number.isSafeInteger(version) || version < 1) throw DomainError.validation(`${field} must be a whole number from 1`, field);
};
