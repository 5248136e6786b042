import { formatMoney } from './money';
import type { Money } from './money';

/** The part of a day of `GET /api/admin/analytics` the charts read. */
export interface AnalyticsDay {
  date: string;
  ordersPlaced: number;
  ordersPaid: number;
  revenue: Money[];
}

/** A date range as the form holds it: `YYYY-MM-DD`, both days included, in UTC as the API counts them. */
export interface DateRange {
  from: string;
  to: string;
}

const dayMs = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && isoDay(Date.parse(`${text}T00:00:00Z`)) === text;

/** The last `days` UTC days up to and including today's. */
export function lastDays(now: Date, days: number): DateRange {
  const to = isoDay(now.getTime());
  return { from: isoDay(Date.parse(`${to}T00:00:00Z`) - (days - 1) * dayMs), to };
}

/** What is wrong with a range before asking the API (which allows at most 366 days), or undefined. */
export function rangeProblem(range: DateRange, maxDays = 366): string | undefined {
  if (!isDate(range.from) || !isDate(range.to)) return 'Both dates are needed.';
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / dayMs + 1;
  if (days < 1) return 'The start date is after the end date.';
  if (days > maxDays) return `At most ${maxDays} days at once.`;
  return undefined;
}

/** A ratio as a percentage with one decimal; `null` (nothing to divide by) as a dash. */
export const formatRatio = (ratio: number | null): string => (ratio === null ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`);

/** Amounts per currency on one line ("€12.00 · $5.00"); none as the zero of `fallbackCurrency` or a dash. */
export function formatAmounts(amounts: Money[], fallbackCurrency?: string): string {
  const shown = amounts.filter((money) => money.amount !== 0);
  if (shown.length === 0) return fallbackCurrency ? formatMoney({ amount: 0, currency: fallbackCurrency }) : '—';
  return shown.map((money) => formatMoney(money)).join(' · ');
}

/** Every currency that appears in the days' revenue, most revenue first. */
export function currenciesOf(days: AnalyticsDay[]): string[] {
  const totals = new Map<string, number>();
  for (const day of days) for (const money of day.revenue) totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amount);
  return [...totals].sort((a, b) => b[1] - a[1]).map(([currency]) => currency);
}

/** "2026-12-03" → "Dec 3": short enough for a chart's label column; the date is UTC, so is the label. */
export const dayLabel = (date: string): string => new Date(`${date}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export type DailyMetric = 'ordersPlaced' | 'ordersPaid' | { revenue: string };

/** One bar per day, oldest first: a count, or the revenue in minor units of one currency. */
export function dailySeries(days: AnalyticsDay[], metric: DailyMetric): Array<{ key: string; value: number }> {
  return days.map((day) => ({
    key: dayLabel(day.date),
    value: typeof metric === 'string' ? day[metric] : day.revenue.filter((money) => money.currency === metric.revenue).reduce((sum, money) => sum + money.amount, 0),
  }));
}
