import { isCurrencyCode, isMoneyAmount, maxMoneyAmount } from '@ecommerce/schemas';
import type { Money } from '@ecommerce/schemas';
import { DomainError } from './errors';

export { isCurrencyCode };

/** Integer minor units from 0 to the platform's one maximum (DESIGN §4.6). */
export const isMinorUnits = isMoneyAmount;

/** Throws a validation DomainError naming `<field>.amount` or `<field>.currency`. */
export const assertValidMoney = (money: Money, field = 'price'): void => {
  if (!isMinorUnits(money.amount)) {
    throw DomainError.validation(`amount must be a whole number of minor units from 0 to ${maxMoneyAmount}`, `${field}.amount`);
  }
  if (!isCurrencyCode(money.currency)) {
    throw DomainError.validation('currency must be an ISO 4217 currency code like EUR', `${field}.currency`);
  }
};

export const sameMoney = (a: Money, b: Money): boolean => a.amount === b.amount && a.currency === b.currency;
