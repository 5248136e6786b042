import { niceStep, sweepSvg } from './sweep-plot';

describe('the rate sweep plot', () => {
  it('picks axis steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(1000, 5)).toBe(200);
    expect(niceStep(730, 6)).toBe(200);
    expect(niceStep(7, 5)).toBe(2);
    expect(niceStep(0.3, 3)).toBeCloseTo(0.1);
  });

  it('draws one line per series in each panel, a point per measurement, and the legend', () => {
    const svg = sweepSvg('orders, embedded', [
      { label: 'embedded 1-item', points: [{ offeredPerSecond: 200, confirmedPerSecond: 199, p99Ms: 30 }, { offeredPerSecond: 100, confirmedPerSecond: 100, p99Ms: 20 }] },
      { label: 'kafka <3-item>', points: [{ offeredPerSecond: 100, confirmedPerSecond: 60, p99Ms: 2500 }] },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain('embedded 1-item: offered 100/s → 100');
    expect(svg).toContain('kafka &lt;3-item&gt;: offered 100/s → 2500');
    // points are joined in the order of the offered rate, whatever the order measured
    const firstLine = /<polyline[^>]*points="([^"]+)"/.exec(svg)?.[1]?.split(' ').map((pair) => Number(pair.split(',')[0]));
    expect(firstLine).toEqual([...(firstLine ?? [])].sort((a, b) => a - b));
  });
});
