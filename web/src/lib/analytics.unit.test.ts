import { currenciesOf, dailySeries, dayLabel, formatAmounts, formatRatio, lastDays, rangeProblem } from './analytics';

const day = (date: string, ordersPlaced: number, ordersPaid: number, revenue: Array<{ amount: number; currency: string }> = []) => ({ date, ordersPlaced, ordersPaid, revenue });

describe('the analytics figures', () => {
  it('counts the last days in UTC, today included', () => {
    expect(lastDays(new Date('2026-03-02T23:30:00Z'), 7)).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(lastDays(new Date('2026-01-01T00:00:00Z'), 1)).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });

  it('refuses a range that is missing, reversed, impossible or too long', () => {
    expect(rangeProblem({ from: '2026-01-01', to: '2026-01-31' })).toBeUndefined();
    expect(rangeProblem({ from: '2026-01-31', to: '2026-01-31' })).toBeUndefined();
    expect(rangeProblem({ from: '', to: '2026-01-31' })).toBe('Both dates are needed.');
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('Both dates are needed.');
    expect(rangeProblem({ from: '2026-02-01', to: '2026-01-31' })).toBe('The start date is after the end date.');
    expect(rangeProblem({ from: '2025-01-01', to: '2026-01-02' })).toBe('At most 366 days at once.');
    expect(rangeProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeUndefined();
  });

  it('shows ratios as percentages, and a dash when there was nothing to divide by', () => {
    expect(formatRatio(0.5)).toBe('50.0%');
    expect(formatRatio(2 / 3)).toBe('66.7%');
    expect(formatRatio(1)).toBe('100.0%');
    expect(formatRatio(0)).toBe('0.0%');
    expect(formatRatio(null)).toBe('—');
  });

  it('shows amounts per currency, leaving out zeros', () => {
    expect(formatAmounts([{ amount: 1250, currency: 'EUR' }, { amount: 500, currency: 'USD' }])).toBe('€12.50 · $5.00');
    expect(formatAmounts([{ amount: 0, currency: 'USD' }, { amount: 300, currency: 'JPY' }])).toBe('¥300');
    expect(formatAmounts([], 'EUR')).toBe('€0.00');
    expect(formatAmounts([])).toBe('—');
  });

  it('lists currencies by revenue, and draws one bar per day of a count or of one currency', () => {
    const days = [
      day('2026-12-01', 3, 1, [{ amount: 500, currency: 'USD' }]),
      day('2026-12-02', 0, 0),
      day('2026-12-03', 2, 2, [{ amount: 4000, currency: 'EUR' }, { amount: 100, currency: 'USD' }]),
    ];
    expect(currenciesOf(days)).toEqual(['EUR', 'USD']);
    expect(currenciesOf([day('2026-12-02', 0, 0)])).toEqual([]);
    expect(dailySeries(days, 'ordersPlaced')).toEqual([{ key: 'Dec 1', value: 3 }, { key: 'Dec 2', value: 0 }, { key: 'Dec 3', value: 2 }]);
    expect(dailySeries(days, 'ordersPaid').map((bar) => bar.value)).toEqual([1, 0, 2]);
    expect(dailySeries(days, { revenue: 'USD' }).map((bar) => bar.value)).toEqual([500, 0, 100]);
    expect(dayLabel('2026-01-09')).toBe('Jan 9');
  });
});
