import { DomainError } from '../shared';

/** RFC 5321 caps a forward path at 254; counted in UTF-16 code units, as zod's `.max` counts. */
export const emailLimits = { max: 254 } as const;

// Whitespace, control and invisible format characters (zero-width joiners, BOM, bidi marks):
// none belongs in an address, and invisible ones would let two addresses look alike.
const forbiddenCharacters = /[\s\p{Cc}\p{Cf}]/u;

/**
 * The one spelling of an address that accounts are keyed by: trimmed, the whole address
 * lower-cased (the local part too, so `Ada@x` and `ada@x` are one account), Unicode NFC
 * (so composed and decomposed accents are one address). Deliberately not a full RFC 5322
 * check: the only proof that an address works is mail reaching it.
 * Throws a validation DomainError naming `email`.
 */
export const normalizeEmail = (raw: string): string => {
  if (typeof raw !== 'string') throw DomainError.validation('email must be text', 'email');
  const email = raw.trim().toLowerCase().normalize('NFC');
  if (forbiddenCharacters.test(email)) {
    throw DomainError.validation('email must not contain spaces or invisible characters', 'email');
  }
  const parts = email.split('@');
  if (parts.length !== 2) throw DomainError.validation('email must contain exactly one @', 'email');
  if (parts[0] === '' || parts[1] === '') throw DomainError.validation('email needs a name before the @ and a domain after it', 'email');
  if (email.length > emailLimits.max) throw DomainError.validation(`email must be at most ${emailLimits.max} characters`, 'email');
  return email;
};

/** Commands carry the address already normalized by the API; a decider only checks that it is. */
export const assertNormalizedEmail = (email: string, field = 'email'): void => {
  if (normalizeEmail(email) !== email) throw DomainError.validation('email must be normalized (trimmed, lower case, NFC)', field);
};
