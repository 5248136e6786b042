import { formatMoney, minorDigitsOf, parseMajorAmount, sumMoney } from './money';

describe('money display', () => {
  it('formats minor units by the currency\'s own digits', () => {
    expect(formatMoney({ amount: 1299, currency: 'EUR' }, 'en-US')).toBe('€12.99');
    expect(formatMoney({ amount: 5, currency: 'EUR' }, 'en-US')).toBe('€0.05');
    expect(formatMoney({ amount: 1299, currency: 'JPY' }, 'en-US')).toBe('¥1,299');
    expect(formatMoney({ amount: 1234, currency: 'KWD' }, 'en-US')).toMatch(/^KWD\s1\.234$/);
    expect(formatMoney({ amount: -250, currency: 'USD' }, 'en-US')).toBe('-$2.50');
    expect(minorDigitsOf('JPY')).toBe(0);
  });

  it('sums integers per currency (0.1 + 0.2 never meets a float)', () => {
    expect(sumMoney([{ amount: 10, currency: 'EUR' }, { amount: 20, currency: 'EUR' }, { amount: 7, currency: 'USD' }])).toEqual([{ amount: 30, currency: 'EUR' }, { amount: 7, currency: 'USD' }]);
    expect(sumMoney([])).toEqual([]);
  });

  it('reads a typed amount into minor units, refusing more decimals than the currency has', () => {
    expect(parseMajorAmount('12.5', 'EUR')).toBe(1250);
    expect(parseMajorAmount('12,05', 'EUR')).toBe(1205);
    expect(parseMajorAmount('7', 'EUR')).toBe(700);
    expect(parseMajorAmount('0.29', 'EUR')).toBe(29);
    expect(parseMajorAmount('1.234', 'EUR')).toBeUndefined();
    expect(parseMajorAmount('100', 'JPY')).toBe(100);
    expect(parseMajorAmount('abc', 'EUR')).toBeUndefined();
  });
});
