import { DomainError } from './errors';
import { assertText } from './text';

/** Shipping and ordering both record carriers and tracking numbers: the same bounds for both. */
export const trackingLimits = { carrierMax: 100, trackingNumberMin: 4, trackingNumberMax: 50 } as const;

const trackingNumberPattern = /^[A-Za-z0-9][A-Za-z0-9 -]*[A-Za-z0-9]$/;

export const assertCarrier = (value: string, field = 'carrier'): void => assertText(value, field, { min: 1, max: trackingLimits.carrierMax });

/** As carriers print them: 4–50 letters, digits, spaces or dashes, starting and ending with a letter or digit. */
export const assertTrackingNumber = (value: string, field = 'trackingNumber'): void => {
  assertText(value, field, { min: trackingLimits.trackingNumberMin, max: trackingLimits.trackingNumberMax });
  if (!trackingNumberPattern.test(value)) throw DomainError.validation('tracking number must be letters, digits, spaces or dashes', field);
};
