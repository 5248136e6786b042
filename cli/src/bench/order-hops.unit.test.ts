import { hopNames, orderHopFigures, traceOrderHops } from './order-hops';
import type { HopRecord } from './order-hops';

const iso = (ms: number) => new Date(ms).toISOString();
const event = (id: string, type: string, stream: string, occurred: number, published: number, cause: string): HopRecord => ({
  timestamp: published,
  headers: { 'event-id': id, 'event-type': type, 'stream-id': stream, 'occurred-at': iso(occurred), 'causation-id': cause },
});
const inbox = (id: string, produced: number, cause: string): HopRecord => ({ timestamp: produced, headers: { 'message-id': id, 'causation-id': cause } });

/** One order's path at `t`: placed, mirrored +3, routed +5, reserved +9, mirrored +14, routed +20, confirmed +27. */
function orderPath(orderId: string, t: number, lines = 1) {
  const events = [event(`placed-${orderId}`, 'OrderPlaced', `order-${orderId}`, t, t + 3, 'cmd')];
  const inboxes: HopRecord[] = [];
  for (let line = 0; line < lines; line += 1) {
    // the last line's reservation comes last and confirms the order
    const later = line * 100;
    inboxes.push(inbox(`inv-${orderId}-${line}`, t + 5, `placed-${orderId}`));
    events.push(event(`reserved-${orderId}-${line}`, 'StockReserved', `stock-${line}`, t + 9 + later, t + 14 + later, `inv-${orderId}-${line}`));
    inboxes.push(inbox(`ord-${orderId}-${line}`, t + 20 + later, `reserved-${orderId}-${line}`));
  }
  events.push(event(`confirmed-${orderId}`, 'OrderConfirmed', `order-${orderId}`, t + 27 + (lines - 1) * 100, t + 40, `ord-${orderId}-${lines - 1}`));
  return { events, inboxes };
}

describe('traceOrderHops', () => {
  it('splits placed→confirmed into the six hops from record times and causation headers', () => {
    const a = orderPath('a', 1_000_000);
    const b = orderPath('b', 2_000_000);
    const hops = traceOrderHops(['a', 'b'], [...b.events, ...a.events], [...a.inboxes, ...b.inboxes]);
    expect(hops.traced).toBe(2);
    expect(hops.untraced).toBe(0);
    expect(hopNames.map((name) => hops.delays[name])).toEqual([[3, 3], [2, 2], [4, 4], [5, 5], [6, 6], [7, 7]]);
  });

  it('follows an order of several lines along the reservation that confirmed it', () => {
    const { events, inboxes } = orderPath('c', 5_000_000, 3);
    const hops = traceOrderHops(['c'], events, inboxes);
    // the third line was reserved 200 ms after the first: the inventory actor's hop carries it
    expect(hopNames.map((name) => hops.delays[name][0])).toEqual([3, 2, 204, 5, 6, 7]);
  });

  it('counts an order whose path is not all in the records as untraced, and ignores orders of no interest', () => {
    const whole = orderPath('d', 1_000);
    const cut = orderPath('e', 2_000);
    const unpublished = cut.events.filter((record) => record.headers['event-type'] !== 'StockReserved');
    const hops = traceOrderHops(['d', 'e', 'never-placed'], [...whole.events, ...unpublished, ...orderPath('other', 3_000).events], [...whole.inboxes, ...cut.inboxes]);
    expect(hops).toMatchObject({ traced: 1, untraced: 2 });
    expect(hops.delays[hopNames[0]]).toEqual([3]);
  });

  it('reports each hop p50 with its p90 and p99, or that nothing could be traced', () => {
    const paths = ['f', 'g', 'h'].map((id, index) => orderPath(id, index * 10_000));
    const hops = traceOrderHops(['f', 'g', 'h'], paths.flatMap((path) => path.events), paths.flatMap((path) => path.inboxes));
    const figures = orderHopFigures('orders (kafka)', '1-item', hops);
    expect(figures).toHaveLength(6);
    expect(figures[2]).toMatchObject({ metric: '1-item hop 3: → StockReserved (inventory actor) p50', value: 4, unit: 'ms', note: 'p90 4 ms, p99 4 ms' });
    expect(figures[0]?.note).toContain('3 orders (0 not traced)');
    expect(orderHopFigures('orders (kafka)', '1-item', traceOrderHops(['x'], [], []))).toEqual([
      { section: 'orders (kafka)', metric: '1-item hops traced', value: 0, unit: 'orders', note: 'none of the 1 orders had its whole path in the log' },
    ]);
  });
});
