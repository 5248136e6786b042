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

/** A JSON object field, checked no further (the decider validates what it holds). */
export function objectField(body: Body, field: string): Record<string, unknown> {
  const value = body[field];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UndecodableMessageError(`${String(body.type)}: ${field} must be an object`);
  return value as Record<string, unknown>;
}

/** A non-empty list whose items each `item` reads (an item is a body of its own, named `<field>.<index>` in errors). */
export function listField<T>(body: Body, field: string, item: (entry: Body) => T): T[] {
  const value = body[field];
  if (!Array.isArray(value) || value.length === 0) throw new UndecodableMessageError(`${String(body.type)}: ${field} must be a non-empty list`);
  return value.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) throw new UndecodableMessageError(`${String(body.type)}: ${field}.${index} must be an object`);
    return item({ ...(entry as Body), type: `${String(body.type)}.${field}.${index}` });
  });
}
