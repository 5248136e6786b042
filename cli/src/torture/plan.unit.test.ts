import { planTorture, seededRandom, tortureDefaults } from './plan';
import { chaosSchedule, killTargets, readStoreOutageMs } from './schedule';

describe('the torture plan', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(planTorture({ orders: 200, skus: 20, seed: 7 })).toEqual(planTorture({ orders: 200, skus: 20, seed: 7 }));
    expect(planTorture({ orders: 200, skus: 20, seed: 8 }).orders).not.toEqual(planTorture({ orders: 200, skus: 20, seed: 7 }).orders);
  });

  it('gives every order 1 to 3 lines of distinct, known SKUs with 1 to 3 units each', () => {
    const plan = planTorture({ orders: 500, skus: 10, seed: 42 });
    expect(plan.orders).toHaveLength(500);
    for (const order of plan.orders) {
      expect(order.lines.length).toBeGreaterThanOrEqual(1);
      expect(order.lines.length).toBeLessThanOrEqual(3);
      expect(new Set(order.lines.map((line) => line.sku)).size).toBe(order.lines.length);
      for (const line of order.lines) {
        expect(line.sku).toBeGreaterThanOrEqual(0);
        expect(line.sku).toBeLessThan(10);
        expect([1, 2, 3]).toContain(line.quantity);
      }
      expect(order.customer).toBeLessThan(plan.customers);
    }
    // the plan uses every line count
    expect(new Set(plan.orders.map((order) => order.lines.length))).toEqual(new Set([1, 2, 3]));
  });

  it('makes stock scarce: under half of each SKU demand, never none, demand well above stock', () => {
    const plan = planTorture({ orders: 2000, skus: 50, seed: 1 });
    expect(plan.skus).toHaveLength(50);
    const demand = new Map<number, number>();
    for (const order of plan.orders) for (const line of order.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
    plan.skus.forEach((sku, index) => {
      expect(sku.stock).toBeGreaterThanOrEqual(1);
      expect(sku.stock).toBeLessThan(demand.get(index) ?? 0);
    });
    expect(plan.demand).toBe([...demand.values()].reduce((a, b) => a + b, 0));
    expect(plan.stock * 2).toBeLessThan(plan.demand);
    expect(new Set(plan.skus.map((sku) => sku.sku)).size).toBe(50);
    for (const sku of plan.skus) expect(sku.sku).toMatch(/^[A-Z0-9][A-Z0-9-]{1,63}$/);
  });

  it('refuses fewer SKUs than an order has lines', () => {
    expect(() => planTorture({ orders: 10, skus: 2, seed: 1 })).toThrow('--skus');
  });

  it('draws numbers in [0, 1) spread over the range', () => {
    const random = seededRandom(3);
    const draws = Array.from({ length: 1000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.filter((draw) => draw < 0.5).length).toBeGreaterThan(400);
    expect(draws.filter((draw) => draw < 0.5).length).toBeLessThan(600);
  });

  it('has a quick variant smaller than the full one', () => {
    expect(tortureDefaults(true).orders).toBeLessThan(tortureDefaults(false).orders);
    expect(tortureDefaults(false)).toMatchObject({ orders: 2000, skus: 50 });
  });
});

describe('the chaos schedule', () => {
  const options = { seed: 11, loadMs: 200_000, killEveryMs: 5000 };

  it('is reproducible from its seed', () => {
    expect(chaosSchedule(options)).toEqual(chaosSchedule(options));
    expect(chaosSchedule({ ...options, seed: 12 })).not.toEqual(chaosSchedule(options));
  });

  it('restarts the broker once and stops the read store once for 10 s, inside the load, broker first', () => {
    const schedule = chaosSchedule(options);
    const broker = schedule.filter((action) => action.kind === 'broker-restart');
    const outage = schedule.filter((action) => action.kind === 'read-store-outage');
    expect(broker).toHaveLength(1);
    expect(outage).toEqual([expect.objectContaining({ downMs: readStoreOutageMs })]);
    expect(readStoreOutageMs).toBe(10_000);
    expect(broker[0]?.atMs).toBeLessThan(outage[0]?.atMs ?? 0);
    expect(outage[0]?.atMs).toBeLessThan(options.loadMs);
  });

  it('kills about every killEveryMs, in time order, each target a known component, clear of the outages', () => {
    const schedule = chaosSchedule(options);
    const kills = schedule.flatMap((action) => (action.kind === 'kill' ? [action] : []));
    // 200 s at one kill per 5 s on average, less the ones that fall near an outage
    expect(kills.length).toBeGreaterThan(25);
    expect(kills.length).toBeLessThan(55);
    expect(schedule.map((action) => action.atMs)).toEqual([...schedule.map((action) => action.atMs)].sort((a, b) => a - b));
    const outages = schedule.filter((action) => action.kind !== 'kill').map((action) => action.atMs);
    for (const kill of kills) {
      expect(killTargets).toContain(kill.target);
      expect(kill.atMs).toBeLessThan(options.loadMs);
      expect(kill.downMs).toBeGreaterThanOrEqual(200);
      expect(kill.downMs).toBeLessThanOrEqual(1500);
      for (const at of outages) expect(Math.abs(kill.atMs - at)).toBeGreaterThanOrEqual(3000);
    }
    // over a long run every kind of component is hit
    expect(new Set(chaosSchedule({ ...options, loadMs: 600_000 }).flatMap((action) => (action.kind === 'kill' ? [action.target] : [])))).toEqual(new Set(killTargets));
  });
});
