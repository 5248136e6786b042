import type { AnalyticsFactDocument, Money } from '@ecommerce/schemas';
import type { AnalyticsView, Figures } from './schemas';

/** Sums of one currency each: money of two currencies is never added. */
type Amounts = Map<string, number>;

interface CategoryBucket {
  ordersPlaced: number;
  ordersPaid: number;
  unitsSold: number;
  revenue: Amounts;
}

interface Bucket {
  ordersPlaced: number;
  ordersPaid: number;
  cartsCreated: number;
  cartsCheckedOut: number;
  revenue: Amounts;
  refunds: Map<string, { count: number; amount: number }>;
  categories: Map<string, CategoryBucket>;
}

/** Products whose category is not known (yet) are counted under this name. */
export const unknownCategory = 'uncategorized';

const emptyBucket = (): Bucket => ({ ordersPlaced: 0, ordersPaid: 0, cartsCreated: 0, cartsCheckedOut: 0, revenue: new Map(), refunds: new Map(), categories: new Map() });

const add = (amounts: Amounts, money: Money): void => {
  amounts.set(money.currency, (amounts.get(money.currency) ?? 0) + money.amount);
};

const moneyOf = (amounts: Amounts): Money[] => [...amounts].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency }));

const categoryOf = (bucket: Bucket, category: string): CategoryBucket => {
  const known = bucket.categories.get(category);
  if (known) return known;
  const created: CategoryBucket = { ordersPlaced: 0, ordersPaid: 0, unitsSold: 0, revenue: new Map() };
  bucket.categories.set(category, created);
  return created;
};

const figuresOf = (bucket: Bucket): Figures => ({
  ordersPlaced: bucket.ordersPlaced,
  ordersPaid: bucket.ordersPaid,
  cartsCreated: bucket.cartsCreated,
  cartsCheckedOut: bucket.cartsCheckedOut,
  revenue: moneyOf(bucket.revenue),
  refunds: [...bucket.refunds].sort(([a], [b]) => a.localeCompare(b)).map(([currency, { count, amount }]) => ({ currency, count, amount })),
  categories: [...bucket.categories]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, figures]) => ({ category, ordersPlaced: figures.ordersPlaced, ordersPaid: figures.ordersPaid, unitsSold: figures.unitsSold, revenue: moneyOf(figures.revenue) })),
});

/** Every UTC date from `from` to `to`, both included. */
export function datesOf(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day.toISOString().slice(0, 10) <= to; day = new Date(day.getTime() + 86_400_000)) dates.push(day.toISOString().slice(0, 10));
  return dates;
}

/** A ratio of counts to four decimals; null when there is nothing to divide by. */
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** Integer division rounded half up, in integers: `amount` and `count` are safe integers. */
const roundedMean = (amount: number, count: number): number => Math.floor((2 * amount + count) / (2 * count));

/**
 * The figures of a date range from the facts that touch it (pure). Each contribution counts on
 * its own day and only when that day is in the range, in that day's bucket and the totals.
 */
export function aggregateAnalytics(facts: readonly AnalyticsFactDocument[], categories: ReadonlyMap<string, string>, from: string, to: string): AnalyticsView {
  const dates = datesOf(from, to);
  const days = new Map(dates.map((date) => [date, emptyBucket()]));
  const totals = emptyBucket();
  const paid = { amounts: new Map<string, number>(), counts: new Map<string, number>() };
  /** Runs `change` on the day's bucket and on the totals, when the day is in the range. */
  const on = (day: string | null, change: (bucket: Bucket) => void): void => {
    const bucket = day === null ? undefined : days.get(day);
    if (!bucket) return;
    change(bucket);
    change(totals);
  };

  for (const fact of facts) {
    if (fact.kind === 'order') {
      const lineCategories = fact.lines.map((line) => ({ ...line, category: categories.get(line.productId) ?? unknownCategory }));
      const distinct = [...new Set(lineCategories.map((line) => line.category))];
      on(fact.placedDay, (bucket) => {
        bucket.ordersPlaced += 1;
        for (const category of distinct) categoryOf(bucket, category).ordersPlaced += 1;
      });
      on(fact.paidDay, (bucket) => {
        bucket.ordersPaid += 1;
        for (const category of distinct) categoryOf(bucket, category).ordersPaid += 1;
        for (const line of lineCategories) {
          const figures = categoryOf(bucket, line.category);
          figures.unitsSold += line.quantity;
          add(figures.revenue, line.amount);
        }
      });
      if (fact.paidAmount && days.has(fact.paidDay ?? '')) {
        add(paid.amounts, fact.paidAmount);
        paid.counts.set(fact.paidAmount.currency, (paid.counts.get(fact.paidAmount.currency) ?? 0) + 1);
      }
    } else if (fact.kind === 'payment') {
      const { capture } = fact;
      if (capture) on(capture.day, (bucket) => add(bucket.revenue, capture.amount));
      for (const refund of fact.refunds) {
        on(refund.day, (bucket) => {
          const known = bucket.refunds.get(refund.amount.currency) ?? { count: 0, amount: 0 };
          bucket.refunds.set(refund.amount.currency, { count: known.count + 1, amount: known.amount + refund.amount.amount });
        });
      }
    } else {
      for (const session of fact.sessions) {
        on(session.startedDay, (bucket) => (bucket.cartsCreated += 1));
        on(session.checkedOutDay, (bucket) => (bucket.cartsCheckedOut += 1));
      }
    }
  }

  const total = figuresOf(totals);
  return {
    from,
    to,
    days: dates.map((date) => ({ date, ...figuresOf(days.get(date) as Bucket) })),
    totals: total,
    conversion: {
      cartsCreated: total.cartsCreated,
      cartsCheckedOut: total.cartsCheckedOut,
      ordersPlaced: total.ordersPlaced,
      ordersPaid: total.ordersPaid,
      cartToOrder: ratio(total.cartsCheckedOut, total.cartsCreated),
      orderToPaid: ratio(total.ordersPaid, total.ordersPlaced),
    },
    averageOrderValue: moneyOf(new Map([...paid.amounts].map(([currency, amount]) => [currency, roundedMean(amount, paid.counts.get(currency) as number)]))),
  };
}
