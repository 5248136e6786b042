import { assertText, assertValidMoney, DomainError } from '../shared';
import type { Money } from '@ecommerce/schemas';

/** The payments context's input rules, exported so the API's request schemas use the same numbers. */
export const paymentLimits = {
  methodReferenceMax: 200,
  providerIdMax: 200,
  codeMax: 100,
  messageMax: 500,
  reasonMax: 500,
  redirectUrlMax: 2048,
} as const;

/**
 * The method reference of a payment made on the provider's hosted page (Stripe Checkout) rather
 * than with a card token; tokens are `pm_…`, so the two never meet.
 */
export const hostedCheckoutReference = 'hosted_checkout';

/** A provider adapter's name: `sandbox`, `stripe`. */
export const providerPattern = /^[a-z][a-z0-9_-]{1,31}$/;

export const assertProvider = (provider: string): void => {
  if (typeof provider !== 'string' || !providerPattern.test(provider)) {
    throw DomainError.validation('provider must be 2–32 lower-case letters, digits, dashes or underscores', 'provider');
  }
};

/** A positive amount in whole minor units, at most the platform's maximum. */
export const assertPositiveMoney = (money: Money, field: string): void => {
  assertValidMoney(money, field);
  if (money.amount === 0) throw DomainError.validation('amount must be at least 1 minor unit', `${field}.amount`);
};

export const assertRedirectUrl = (url: string): void => {
  assertText(url, 'redirectUrl', { min: 1, max: paymentLimits.redirectUrlMax });
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/.test(url)) throw DomainError.validation('redirectUrl must be an http(s) URL', 'redirectUrl');
};

export const assertOptionalText = (value: string | null | undefined, field: string, max: number): void => {
  if (value !== undefined && value !== null) assertText(value, field, { min: 1, max });
};
