import { DomainError } from './errors';

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 timestamp with a zone (as `Date.toISOString`
 * writes), or a validation DomainError naming `field`. Times arrive in commands, never from a clock.
 */
export const assertTimestamp = (value: string, field: string): number => {
  const millis = typeof value === 'string' && isoTimestamp.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis)) throw DomainError.validation(`${field} must be an ISO 8601 timestamp with a time zone`, field);
  return millis;
};

/** The ISO 8601 text of `millis` after `from` (milliseconds since the epoch). */
export const isoAfter = (from: number, millis: number): string => new Date(from + millis).toISOString();

/** A duration from configuration (a payment window, a return window): whole milliseconds from 1 to `max`. */
export const assertWindowMs = (value: number, field: string, max: number): void => {
  if (!Number.isSafeInteger(value) || value <= 0 || value > max) {
    throw DomainError.validation(`${field} must be a positive whole number of milliseconds, at most ${Math.round(max / 86_400_000)} days`, field);
  }
};
