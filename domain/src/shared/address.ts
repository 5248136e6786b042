import { isCountryCode, isPostalCode } from '@ecommerce/schemas';
import type { PostalAddress } from '@ecommerce/schemas';
import { DomainError } from './errors';
import { assertText } from './text';

/** The same numbers as the API's address schema, so both refuse the same input. */
export const addressLimits = { recipientMax: 200, lineMax: 200, cityMax: 100, regionMax: 100 } as const;

/** Throws a validation DomainError naming `<field>.<part>`; an address a carrier could not use never gets in. */
export const assertPostalAddress = (address: PostalAddress, field = 'address'): void => {
  if (typeof address !== 'object' || address === null) throw DomainError.validation('an address is required', field);
  assertText(address.recipient, `${field}.recipient`, { min: 1, max: addressLimits.recipientMax });
  assertText(address.line1, `${field}.line1`, { min: 1, max: addressLimits.lineMax });
  if (address.line2 !== null) assertText(address.line2, `${field}.line2`, { min: 1, max: addressLimits.lineMax });
  assertText(address.city, `${field}.city`, { min: 1, max: addressLimits.cityMax });
  if (address.region !== null) assertText(address.region, `${field}.region`, { min: 1, max: addressLimits.regionMax });
  if (!isPostalCode(address.postalCode)) {
    throw DomainError.validation('postal code must be 2–10 letters, digits, spaces or dashes', `${field}.postalCode`);
  }
  if (!isCountryCode(address.country)) {
    throw DomainError.validation('country must be an ISO 3166-1 alpha-2 code like FR', `${field}.country`);
  }
};

/** A copy with exactly the address fields (no extra keys travel into an event). */
export const copyPostalAddress = (address: PostalAddress): PostalAddress => ({
  recipient: address.recipient,
  line1: address.line1,
  line2: address.line2,
  city: address.city,
  region: address.region,
  postalCode: address.postalCode,
  country: address.country,
});

export const samePostalAddress = (a: PostalAddress, b: PostalAddress): boolean =>
  a.recipient === b.recipient &&
  a.line1 === b.line1 &&
  a.line2 === b.line2 &&
  a.city === b.city &&
  a.region === b.region &&
  a.postalCode === b.postalCode &&
  a.country === b.country;
