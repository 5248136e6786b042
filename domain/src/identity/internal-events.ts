/**
 * Identity events that never leave the event store. They have no Avro schema on purpose:
 * the mirror publishes only event types with one, so email reservations (personal data),
 * password hashes and refresh-token hashes (secrets) stay where they were written.
 * Tests elsewhere assert that none of these is ever published.
 */
export const internalIdentityEventTypes = [
  'EmailClaimed',
  'PasswordSet',
  'SessionStarted',
  'SessionRefreshed',
  'SessionRevoked',
] as const;

export type InternalIdentityEventType = (typeof internalIdentityEventTypes)[number];

/** Shaped like a DomainEvent, but its payload type lives here, not in @ecommerce/schemas. */
export interface InternalEvent<Type extends InternalIdentityEventType, Data> {
  type: Type;
  data: Data;
}
