/** Identity: accounts (published), and the email reservations, credentials and sessions that never leave the event store. */
export * from './user';
// `./email` is the normalization module (email.ts); the reservation decider is the folder.
export * from './email/index';
export * from './credentials';
export * from './session';
export { assertNormalizedEmail, emailLimits, normalizeEmail } from './email';
export type { InternalEvent, InternalIdentityEventType } from './internal-events';
export { internalIdentityEventTypes } from './internal-events';
export type { UserRole } from './rules';
export { identityLimits, isPhoneNumber, isUserRole, phoneNumberPattern, userRoles } from './rules';
