import { z } from 'zod';
import { moneyViewSchema } from '@ecommerce/schemas';

/** The longest range one request may sum: a leap year. */
export const maxAnalyticsDays = 366;

const dayMs = 86_400_000;
const isoDay = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** Days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export const daysInRange = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs + 1;

export const analyticsQuery = z
  .strictObject({ from: isoDay, to: isoDay })
  .superRefine(({ from, to }, context) => {
    const days = daysInRange(from, to);
    if (days < 1) context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days > maxAnalyticsDays) context.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${maxAnalyticsDays} days from from, both included` });
  });

export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

const count = z.number().int().min(0);
const moneyList = z.array(moneyViewSchema).describe('one amount per currency, in minor units; currencies are never added together');

const categoryFigures = z.object({
  category: z.string(),
  ordersPlaced: count.describe('orders placed with at least one line of the category'),
  ordersPaid: count.describe('orders paid with at least one line of the category'),
  unitsSold: count.describe('units of the category on orders paid'),
  revenue: moneyList.describe("the category's lines of the orders paid (quantity × unit price), per currency"),
});

const figures = z.object({
  ordersPlaced: count,
  ordersPaid: count,
  cartsCreated: count.describe('carts that went from empty to holding an item'),
  cartsCheckedOut: count,
  revenue: moneyList.describe('payments captured, per currency'),
  refunds: z.array(z.object({ currency: z.string(), count, amount: z.number().int() })).describe('refunds that succeeded, per currency'),
  categories: z.array(categoryFigures),
});

export const analyticsViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(figures.extend({ date: z.string() })).describe('every UTC day of the range, in order, empty ones included'),
  totals: figures,
  conversion: z.object({
    cartsCreated: count,
    cartsCheckedOut: count,
    ordersPlaced: count,
    ordersPaid: count,
    cartToOrder: z.number().nullable().describe('carts checked out ÷ carts created (null without carts); orders placed directly are not from carts'),
    orderToPaid: z.number().nullable().describe('orders paid ÷ orders placed (null without orders)'),
  }),
  averageOrderValue: moneyList.describe('per currency: the amounts of the orders paid ÷ their number, rounded half up to a minor unit'),
});

export type AnalyticsView = z.infer<typeof analyticsViewSchema>;
export type Figures = z.infer<typeof figures>;
