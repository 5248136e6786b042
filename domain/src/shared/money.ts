import type { Money } from '@ecommerce/schemas';
import { DomainError } from './errors';

/** ISO 4217 format: three upper-case letters (the code list itself changes; the format does not). */
export const isCurrencyCode = (value: unknown): value is string => typeof value === 'string' && /^[A-Z]{3}$/.test(value);

/** Integer minor units, never negative, never past what a double holds exactly (DESIGN §4.6). */
export const isMinorUnits = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Throws a validation DomainError naming `<field>.amount` or `<field>.currency`. */
export const assertValidMoney = (money: Money, field = 'price'): void => {
  if (!isMinorUnits(money.amount)) {
    throw DomainError.validation('amount must be a non-negative whole number of minor units', `${field}.amount`);
  }
  if (!isCurrencyCode(money.currency)) {
    throw DomainError.validation('currency must be an ISO 4217 code of three upper-case letters', `${field}.currency`);
  }
};

export const sameMoney = (a: Money, b: Money): boolean => a.amount === b.amount && a.currency === b.currency;
