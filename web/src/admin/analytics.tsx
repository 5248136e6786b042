import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { BarChart } from '../components/bar-chart';
import { ErrorBox, Field, Spinner } from '../components/ui';
import { currenciesOf, dailySeries, formatAmounts, formatRatio, lastDays, rangeProblem } from '../lib/analytics';
import type { DateRange } from '../lib/analytics';
import { formatMoney } from '../lib/money';
import { must, useQuery } from '../lib/use-query';

export function AdminAnalyticsPage() {
  const { api } = useApp();
  const [draft, setDraft] = useState<DateRange>(() => lastDays(new Date(), 14));
  const [range, setRange] = useState<DateRange>(draft);
  const [problem, setProblem] = useState<string>();
  const figures = useQuery(() => must(api.client.GET('/api/admin/analytics', { params: { query: range } })), [range.from, range.to]);
  const apply = (next: DateRange) => {
    const wrong = rangeProblem(next);
    setProblem(wrong);
    if (!wrong) setRange(next);
  };
  const data = figures.data;
  const totals = data?.totals;
  const currencies = data ? currenciesOf(data.days) : [];
  return (
    <section class="analytics">
      <h1>Analytics</h1>
      <form class="row range-form" aria-label="Date range" onSubmit={(event) => { event.preventDefault(); apply(draft); }}>
        <Field label="From">{(props) => <input {...props} type="date" required value={draft.from} max={draft.to || undefined} onInput={(event) => setDraft({ ...draft, from: event.currentTarget.value })} />}</Field>
        <Field label="To">{(props) => <input {...props} type="date" required value={draft.to} min={draft.from || undefined} onInput={(event) => setDraft({ ...draft, to: event.currentTarget.value })} />}</Field>
        <button type="submit">Show</button>
        <div class="presets" role="group" aria-label="Quick ranges">
          {[7, 14, 30].map((days) => <button key={days} type="button" class="secondary small" onClick={() => { const next = lastDays(new Date(), days); setDraft(next); apply(next); }}>Last {days} days</button>)}
        </div>
      </form>
      {problem && <div class="alert error" role="alert">{problem}</div>}
      <ErrorBox error={figures.error} />
      {figures.loading && !data && <Spinner />}
      {data && totals && (
        <>
          <p class="muted">From {data.from} to {data.to} (UTC days, both included).</p>
          <dl class="figures">
            <div><dt>Orders placed</dt><dd>{totals.ordersPlaced}</dd></div>
            <div><dt>Orders paid</dt><dd>{totals.ordersPaid}</dd></div>
            <div><dt>Revenue</dt><dd>{formatAmounts(totals.revenue, currencies[0] ?? 'EUR')}</dd></div>
            <div><dt>Average order value</dt><dd>{formatAmounts(data.averageOrderValue)}</dd></div>
            <div><dt>Refunds</dt><dd>{totals.refunds.reduce((sum, refund) => sum + refund.count, 0)}<small class="figure-note">{formatAmounts(totals.refunds.map(({ amount, currency }) => ({ amount, currency })))}</small></dd></div>
            <div><dt>Cart → order</dt><dd>{formatRatio(data.conversion.cartToOrder)}<small class="figure-note">{data.conversion.cartsCheckedOut} of {data.conversion.cartsCreated} carts</small></dd></div>
            <div><dt>Order → paid</dt><dd>{formatRatio(data.conversion.orderToPaid)}<small class="figure-note">{data.conversion.ordersPaid} of {data.conversion.ordersPlaced} orders</small></dd></div>
          </dl>
          <div class="charts">
            <BarChart title="Orders placed per day" data={dailySeries(data.days, 'ordersPlaced')} limit={data.days.length} labelWidth={64} />
            {currencies.map((currency) => (
              <BarChart key={currency} title={`Revenue per day (${currency})`} data={dailySeries(data.days, { revenue: currency })} limit={data.days.length} labelWidth={64} format={(amount) => (amount === 0 ? '—' : formatMoney({ amount, currency }))} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
