/** Money as the API carries it: integer minor units and an ISO 4217 code. */
export interface Money {
  amount: number;
  currency: string;
}

const formats = new Map<string, Intl.NumberFormat>();

function formatOf(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

/** How many minor units a major unit has (2 for EUR, 0 for JPY, 3 for KWD), as Intl knows it. */
export const minorDigitsOf = (currency: string): number => formatOf(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;

/**
 * Display only: the amount is divided by a power of ten here and nowhere else, and only into a
 * string. Sums are made on integers first (`sumMoney`).
 */
export function formatMoney(money: Money, locale?: string): string {
  const digits = minorDigitsOf(money.currency);
  const negative = money.amount < 0;
  const units = String(Math.abs(money.amount)).padStart(digits + 1, '0');
  const major = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return formatOf(money.currency, locale).format(Number(`${negative ? '-' : ''}${major}`));
}

/** Integer sum per currency; more than one currency gives one entry each. */
export function sumMoney(items: Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0) + item.amount);
  return [...totals].map(([currency, amount]) => ({ amount, currency }));
}

/** A shopper types "12.50": minor units, or undefined when it is not an amount in that currency. */
export function parseMajorAmount(text: string, currency: string): number | undefined {
  const digits = minorDigitsOf(currency);
  const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
