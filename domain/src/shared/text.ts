import { DomainError } from './errors';

/**
 * Length limits count UTF-16 code units, as zod's `.min`/`.max` do, so the API's
 * schemas and the deciders agree on every input. A required text must not be blank.
 */
export const assertText = (value: string, field: string, limits: { min: number; max: number }): void => {
  if (typeof value !== 'string') throw DomainError.validation(`${field} must be text`, field);
  if (value.length < limits.min || (limits.min > 0 && value.trim().length === 0)) {
    throw DomainError.validation(`${field} must not be empty`, field);
  }
  if (value.length > limits.max) {
    throw DomainError.validation(`${field} must be at most ${limits.max} characters`, field);
  }
};

/** An identifier given by the caller (a product id, a user id): any non-blank text up to 200 characters. */
export const assertId = (value: string, field: string): void => assertText(value, field, { min: 1, max: 200 });
