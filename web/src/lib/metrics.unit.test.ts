import { parsePrometheus, sumBy, total } from './metrics';

const exposition = `# HELP events_appended_total Events appended
# TYPE events_appended_total counter
events_appended_total{type="OrderPlaced"} 12
events_appended_total{type="StockReserved"} 30
events_appended_total{type="OrderPlaced",extra="x"} 3
projection_lag_messages{projection="orders",topic="t",partition="0"} 2
projection_lag_messages{projection="orders",topic="t",partition="1"} 5
projection_lag_messages{projection="products",topic="t",partition="0"} 0
mirror_lag_events 7
weird{label="a \\"quoted\\" value"} 1
`;

describe('the /metrics reader', () => {
  it('parses samples with labels, escaped quotes included', () => {
    const samples = parsePrometheus(exposition);
    expect(samples).toHaveLength(8);
    expect(samples.at(-1)).toEqual({ name: 'weird', labels: { label: 'a "quoted" value' }, value: 1 });
  });

  it('sums by a label, largest first, and totals a metric', () => {
    const samples = parsePrometheus(exposition);
    expect(sumBy(samples, 'events_appended_total', 'type')).toEqual([{ key: 'StockReserved', value: 30 }, { key: 'OrderPlaced', value: 15 }]);
    expect(sumBy(samples, 'projection_lag_messages', 'projection')).toEqual([{ key: 'orders', value: 7 }, { key: 'products', value: 0 }]);
    expect(total(samples, 'mirror_lag_events')).toBe(7);
  });
});
