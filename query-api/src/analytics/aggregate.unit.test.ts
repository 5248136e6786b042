import type { AnalyticsFactDocument } from '@ecommerce/schemas';
import { aggregateAnalytics, datesOf, unknownCategory } from './aggregate';
import { analyticsQuery } from './schemas';

const money = (amount: number, currency = 'EUR') => ({ amount, currency });

type OrderOverrides = Partial<Extract<AnalyticsFactDocument, { kind: 'order' }>>;
const createTestOrder = (id: string, overrides: OrderOverrides = {}): AnalyticsFactDocument => ({
  _id: `order-${id}`, kind: 'order', placedDay: '2024-05-01', paidDay: null, paidAmount: null, total: money(3000), firstDay: '2024-05-01', lastDay: '2024-05-01', revision: 0,
  lines: [{ productId: 'mug', quantity: 2, amount: money(2000) }, { productId: 'shoe', quantity: 1, amount: money(1000) }],
  ...overrides,
} as AnalyticsFactDocument);

const categories = new Map([['mug', 'kitchen'], ['shoe', 'sports']]);

describe('aggregateAnalytics', () => {
  const facts: AnalyticsFactDocument[] = [
    createTestOrder('1', { paidDay: '2024-05-02', paidAmount: money(3000), lastDay: '2024-05-02' }),
    createTestOrder('2', { placedDay: '2024-05-02', firstDay: '2024-05-02', lastDay: '2024-05-02', lines: [{ productId: 'mug', quantity: 1, amount: money(1001) }], total: money(1001), paidDay: '2024-05-02', paidAmount: money(1001) }),
    createTestOrder('3', { placedDay: '2024-05-02', lines: [{ productId: 'unknown', quantity: 1, amount: money(500, 'USD') }], total: money(500, 'USD'), paidDay: '2024-05-03', paidAmount: money(500, 'USD') }),
    { _id: 'payment-1', kind: 'payment', capture: { day: '2024-05-02', amount: money(3000) }, refunds: [{ refundId: 'r1', day: '2024-05-02', amount: money(400) }, { refundId: 'r2', day: '2024-05-09', amount: money(100) }], firstDay: '2024-05-02', lastDay: '2024-05-09', revision: 3 },
    { _id: 'payment-2', kind: 'payment', capture: { day: '2024-05-02', amount: money(1001) }, refunds: [], firstDay: '2024-05-02', lastDay: '2024-05-02', revision: 1 },
    { _id: 'payment-3', kind: 'payment', capture: { day: '2024-05-03', amount: money(500, 'USD') }, refunds: [{ refundId: 'r3', day: '2024-05-03', amount: money(500, 'USD') }], firstDay: '2024-05-03', lastDay: '2024-05-03', revision: 2 },
    { _id: 'cart-c1', kind: 'cart', productIds: ['mug'], sessions: [{ startedDay: '2024-04-30', checkedOutDay: '2024-05-01' }, { startedDay: '2024-05-02', checkedOutDay: null }], firstDay: '2024-04-30', lastDay: '2024-05-02', revision: 9 },
  ];

  it('counts each contribution on its own day, per currency, and only inside the range', () => {
    const view = aggregateAnalytics(facts, categories, '2024-05-01', '2024-05-03');
    expect(view.days.map((day) => day.date)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
    expect(view.days[0]).toMatchObject({ ordersPlaced: 1, ordersPaid: 0, cartsCreated: 0, cartsCheckedOut: 1, revenue: [], refunds: [] });
    expect(view.days[1]).toMatchObject({ ordersPlaced: 2, ordersPaid: 2, cartsCreated: 1, revenue: [money(4001)], refunds: [{ currency: 'EUR', count: 1, amount: 400 }] });
    expect(view.days[2]).toMatchObject({ ordersPlaced: 0, ordersPaid: 1, revenue: [money(500, 'USD')], refunds: [{ currency: 'USD', count: 1, amount: 500 }] });
    expect(view.totals).toMatchObject({ ordersPlaced: 3, ordersPaid: 3, cartsCreated: 1, cartsCheckedOut: 1, revenue: [money(4001), money(500, 'USD')] });
    expect(view.totals.refunds).toEqual([{ currency: 'EUR', count: 1, amount: 400 }, { currency: 'USD', count: 1, amount: 500 }]);
  });

  it('splits orders, units and line revenue by the category of each line', () => {
    const { totals } = aggregateAnalytics(facts, categories, '2024-05-01', '2024-05-03');
    expect(totals.categories).toEqual([
      { category: 'kitchen', ordersPlaced: 2, ordersPaid: 2, unitsSold: 3, revenue: [money(3001)] },
      { category: 'sports', ordersPlaced: 1, ordersPaid: 1, unitsSold: 1, revenue: [money(1000)] },
      { category: unknownCategory, ordersPlaced: 1, ordersPaid: 1, unitsSold: 1, revenue: [money(500, 'USD')] },
    ]);
  });

  it('gives the conversion and the average order value per currency, rounded half up in minor units', () => {
    const view = aggregateAnalytics(facts, categories, '2024-05-01', '2024-05-03');
    expect(view.conversion).toEqual({ cartsCreated: 1, cartsCheckedOut: 1, ordersPlaced: 3, ordersPaid: 3, cartToOrder: 1, orderToPaid: 1 });
    // (3000 + 1001) / 2 = 2000.5 → 2001
    expect(view.averageOrderValue).toEqual([money(2001), money(500, 'USD')]);
  });

  it('answers zeros and null ratios for a range without activity', () => {
    const view = aggregateAnalytics(facts, categories, '2023-01-01', '2023-01-02');
    expect(view.totals).toEqual({ ordersPlaced: 0, ordersPaid: 0, cartsCreated: 0, cartsCheckedOut: 0, revenue: [], refunds: [], categories: [] });
    expect(view.conversion).toMatchObject({ cartToOrder: null, orderToPaid: null });
    expect(view.averageOrderValue).toEqual([]);
    expect(view.days).toHaveLength(2);
  });
});

describe('datesOf', () => {
  it('lists every UTC date, across a month end and a leap day', () => {
    expect(datesOf('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(datesOf('2024-01-01', '2024-12-31')).toHaveLength(366);
  });
});

describe('analyticsQuery', () => {
  const issuesOf = (query: Record<string, unknown>) => {
    const result = analyticsQuery.safeParse(query);
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it('accepts a range of one day up to a leap year', () => {
    expect(issuesOf({ from: '2024-05-01', to: '2024-05-01' })).toEqual([]);
    expect(issuesOf({ from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
  });

  it('names the field of a malformed date, an inverted range, or one too long', () => {
    expect(issuesOf({ from: '2024-5-1', to: '2024-05-01' })).toEqual([['from', 'must be a date YYYY-MM-DD']]);
    expect(issuesOf({ from: '2024-02-30', to: '2024-03-01' })).toEqual([['from', 'must be a date YYYY-MM-DD']]);
    expect(issuesOf({ from: '2024-05-02', to: '2024-05-01' })).toEqual([['to', 'must not be before from']]);
    expect(issuesOf({ from: '2024-01-01', to: '2025-01-01' })).toEqual([['to', 'must be at most 366 days from from, both included']]);
    expect(issuesOf({ to: '2024-05-01' })[0]?.[0]).toBe('from');
    expect(issuesOf({ from: '2024-05-01', to: '2024-05-01', limit: '3' })[0]?.[0]).toBe('');
  });
});
