import { maxMoneyAmount } from '@ecommerce/schemas';
import type { Money, OrderLine, ReturnedLine } from '@ecommerce/schemas';
import { assertId, assertSku, assertText, assertValidMoney, DomainError } from '../shared';
import type { PlaceOrderLine } from './commands';

/** The ordering context's input rules, exported so the API's request schemas can use the same numbers. */
export const orderingLimits = {
  linesMax: 50,
  quantityMax: 1000,
  nameMax: 200,
  cancelReasonMax: 500,
  /** A payment window longer than this is a configuration mistake, not a business rule. */
  paymentWindowMsMax: 30 * 24 * 60 * 60 * 1000,
  /** Return and acceptance windows: at most 90 days after delivery. */
  deliveryWindowMsMax: 90 * 24 * 60 * 60 * 1000,
  returnReasonMax: 500,
} as const;

export const assertLineQuantity = (quantity: number, field: string): void => {
  if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > orderingLimits.quantityMax) {
    throw DomainError.validation(`quantity must be a whole number from 1 to ${orderingLimits.quantityMax}`, field);
  }
};

/** Checks every line and returns Σ quantity × unitPrice, exact in integer minor units. */
export const assertLinesAndTotal = (lines: readonly PlaceOrderLine[]): Money => {
  if (!Array.isArray(lines) || lines.length === 0) throw DomainError.validation('an order needs at least one line', 'lines');
  if (lines.length > orderingLimits.linesMax) throw DomainError.validation(`an order has at most ${orderingLimits.linesMax} lines`, 'lines');
  const skus = new Set<string>();
  let amount = 0;
  lines.forEach((line, index) => {
    const field = `lines.${index}`;
    assertId(line.productId, `${field}.productId`);
    assertSku(line.sku, `${field}.sku`);
    assertText(line.name, `${field}.name`, { min: 1, max: orderingLimits.nameMax });
    assertLineQuantity(line.quantity, `${field}.quantity`);
    assertValidMoney(line.unitPrice, `${field}.unitPrice`);
    // One reservation per SKU and order: inventory is idempotent by order id, so a second line would never be reserved.
    if (skus.has(line.sku)) throw DomainError.validation('each SKU may appear on one line only', `${field}.sku`);
    skus.add(line.sku);
    if (line.unitPrice.currency !== lines[0]?.unitPrice.currency) {
      throw DomainError.validation('every line must be in the same currency', `${field}.unitPrice.currency`);
    }
    amount += line.quantity * line.unitPrice.amount;
    // One payment pays the whole order, and no payment exceeds the platform's maximum.
    if (amount > maxMoneyAmount) throw DomainError.validation(`the total must be at most ${maxMoneyAmount} minor units`, `${field}.unitPrice.amount`);
  });
  return { amount, currency: lines[0]?.unitPrice.currency ?? '' };
};

/** Σ (restocked + damaged) × unit price: what the customer sent back is refunded, damaged in transit or not. */
export const refundOfReturn = (lines: readonly ReturnedLine[], orderLines: readonly OrderLine[], currency: string): Money => ({
  amount: lines.reduce((sum, line) => {
    const unitPrice = orderLines.find((candidate) => candidate.sku === line.sku)?.unitPrice.amount ?? 0;
    return sum + (line.restocked + line.damaged) * unitPrice;
  }, 0),
  currency,
});
