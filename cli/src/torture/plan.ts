/**
 * What a torture run offers the platform, decided up front from a seed: the SKUs with their
 * (scarce) stock, the customers, and every order's lines. The same seed gives the same run, so a
 * failure can be replayed.
 */

export interface TortureOptions {
  orders: number;
  skus: number;
  /** Orders offered per second, open loop. */
  ratePerSecond: number;
  /** Mean time between two chaos kills. */
  killEveryMs: number;
  seed: number;
  quick: boolean;
}

export interface PlannedSku {
  sku: string;
  name: string;
  /** Minor units, EUR. */
  price: number;
  stock: number;
}

export interface PlannedLine {
  /** Index into `TorturePlan.skus`. */
  sku: number;
  quantity: number;
}

export interface PlannedOrder {
  index: number;
  /** Index into the run's customers. */
  customer: number;
  lines: PlannedLine[];
}

export interface TorturePlan {
  skus: PlannedSku[];
  customers: number;
  orders: PlannedOrder[];
  /** Units all orders ask for together, and units in stock together: demand is well above stock. */
  demand: number;
  stock: number;
}

/** mulberry32: a small, fast seeded generator; good enough to pick SKUs and moments, never for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max]. */
export const between = (random: () => number, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** The full run and the CI one (`--quick`): 300 orders, a few kills, the same faults, well under five minutes. */
export function tortureDefaults(quick: boolean): Omit<TortureOptions, 'seed' | 'quick'> {
  return quick ? { orders: 300, skus: 20, ratePerSecond: 6, killEveryMs: 7000 } : { orders: 2000, skus: 50, ratePerSecond: 10, killEveryMs: 5000 };
}

/** Stock covers about this share of the demand: enough rejections to release stock, enough confirmations to hold it. */
const stockShare = 0.45;

export function planTorture(options: Pick<TortureOptions, 'orders' | 'skus' | 'seed'>): TorturePlan {
  if (options.skus < 3) throw new Error(`--skus must be at least 3 (orders have up to 3 lines of distinct SKUs), got ${options.skus}`);
  const random = seededRandom(options.seed);
  const customers = Math.max(2, Math.min(40, Math.ceil(options.orders / 25)));
  const orders: PlannedOrder[] = [];
  for (let index = 0; index < options.orders; index += 1) {
    const lineCount = between(random, 1, 3);
    const chosen = new Set<number>();
    while (chosen.size < lineCount) chosen.add(between(random, 0, options.skus - 1));
    orders.push({ index, customer: index % customers, lines: [...chosen].map((sku) => ({ sku, quantity: between(random, 1, 3) })) });
  }
  const demandBySku = new Array<number>(options.skus).fill(0);
  for (const order of orders) for (const line of order.lines) demandBySku[line.sku] = (demandBySku[line.sku] ?? 0) + line.quantity;
  const run = options.seed.toString(36).toUpperCase();
  const skus = demandBySku.map((demand, index) => ({
    sku: `TORTURE-${run}-${String(index).padStart(3, '0')}`,
    name: `Torture product ${index}`,
    price: 500 + 25 * index,
    // at least one unit: a SKU with none is unknown to inventory, a different path than scarce stock
    stock: Math.max(1, Math.floor(demand * stockShare)),
  }));
  return { skus, customers, orders, demand: demandBySku.reduce((a, b) => a + b, 0), stock: skus.reduce((sum, sku) => sum + sku.stock, 0) };
}
