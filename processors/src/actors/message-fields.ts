import { UndecodableMessageError } from '@ecommerce/platform';
import type { Money } from '@ecommerce/schemas';

/** Field readers for inbox messages: a missing or mistyped field makes the message undecodable (DLQ at once). */
type Body = Record<string, unknown>;

export function stringField(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0) throw new UndecodableMessageError(`${String(body.type)}: ${field} must be a non-empty string`);
  return value;
}

export function integerField(body: Body, field: string): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new UndecodableMessageError(`${String(body.type)}: ${field} must be a whole number`);
  return value;
}

export function moneyField(body: Body, field: string): Money {
  const value = body[field] as Partial<Money> | undefined;
  if (typeof value !== 'object' || value === null || typeof value.amount !== 'number' || typeof value.currency !== 'string') {
    throw new UndecodableMessageError(`${String(body.type)}: ${field} must be money { amount, currency }`);
  }
  return { amount: value.amount, currency: value.currency };
}

export function oneOf<T extends string>(body: Body, field: string, allowed: readonly T[]): T {
  const value = stringField(body, field);
  if (!allowed.includes(value as T)) throw new UndecodableMessageError(`${String(body.type)}: ${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}
