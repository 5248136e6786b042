import { DomainError } from '../../shared';
import { assertNormalizedEmail } from '../../identity/email';
import type { InternalEvent } from '../internal-events';
import { isSha256Hex } from '../rules';

/** The address now belongs to that user. Internal: the address is personal data and the stream name is its hash. */
export interface EmailClaimed {
  email: string;
  userId: string;
}

/** Events of an email reservation stream, `user-email-<sha256 hex of the normalized email>`: it makes addresses unique. */
export type EmailReservationEvent = InternalEvent<'EmailClaimed', EmailClaimed>;

/** The stream of an address whose SHA-256 (lower-case hex) the caller computed: the domain has no crypto. */
export const emailStreamIdFromHash = (hashHex: string): string => {
  if (!isSha256Hex(hashHex)) throw DomainError.validation('email hash must be a SHA-256 digest in lower-case hex', 'email');
  return `user-email-${hashHex}`;
};

/**
 * The stream of a normalized address, hashed with the function the caller passes
 * (platform's sha256 hex, say): the domain stays free of `node:crypto`. Hashing keeps
 * the address out of stream names, which show up in logs, metrics and admin tools.
 */
export const emailStreamId = (normalizedEmail: string, sha256Hex: (text: string) => string): string => {
  assertNormalizedEmail(normalizedEmail);
  return emailStreamIdFromHash(sha256Hex(normalizedEmail));
};
