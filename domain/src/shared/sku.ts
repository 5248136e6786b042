import { DomainError } from './errors';

/** A SKU names a product in the catalog and its stock in inventory, so both contexts check it alike. */
export const skuPattern = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

export const isSku = (value: unknown): value is string => typeof value === 'string' && skuPattern.test(value);

export const assertSku = (sku: string, field = 'sku'): void => {
  if (!isSku(sku)) {
    throw DomainError.validation('SKU must be 2–64 upper-case letters, digits or dashes, not starting with a dash', field);
  }
};
