import { benchAddress } from '../bench/orders-fixtures';
import { onSchedule, sleep } from '../bench/rate';
import type { TorturePlan } from './plan';
import { tortureAdmin } from './topology';

const customerPassword = 'Tamarind-Lagoon-Passphrase-64';

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface TortureClient {
  /** Any answer, whatever its status; rejects only when the request itself fails (or takes over 30 s). */
  request(method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<HttpAnswer>;
  /** The answer's body, or an error naming the request when the status is not 2xx. */
  must(method: string, path: string, body?: unknown, token?: string): Promise<Record<string, unknown>>;
}

/** JSON over fetch's keep-alive pool; unlike the bench's client, it sends the Idempotency-Key header the retries need. */
export function createTortureClient(baseUrl: string): TortureClient {
  const request = async (method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }
    return { status: response.status, body: parsed };
  };
  const must = async (method: string, path: string, body?: unknown, token?: string) => {
    const answer = await request(method, path, body, token);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer.body;
  };
  return { request, must };
}

export interface Shop {
  /** Product id by plan SKU index. */
  productIds: string[];
  /** Access token by customer index. */
  tokens: string[];
}

/** Products with their scarce stock and logged-in customers, made through the gateway as a shop would. */
export async function createShop(client: TortureClient, plan: TorturePlan, run: string): Promise<Shop> {
  const adminToken = String((await client.must('POST', '/api/auth/login', tortureAdmin)).accessToken);
  const productIds: string[] = [];
  for (const sku of plan.skus) {
    const created = await client.must('POST', '/api/products', { sku: sku.sku, name: sku.name, category: 'torture', price: { amount: sku.price, currency: 'EUR' }, initialStock: sku.stock }, adminToken);
    productIds.push(String(created.id));
  }
  const tokens: string[] = [];
  for (let index = 0; index < plan.customers; index += 1) {
    const email = `torture-${run.toLowerCase()}-${index}@torture.test`;
    await client.must('POST', '/api/auth/register', { email, password: customerPassword, name: `Torture customer ${index}` });
    tokens.push(String((await client.must('POST', '/api/auth/login', { email, password: customerPassword })).accessToken));
  }
  return { productIds, tokens };
}

/** How one order's POST ended. */
export type PlacementOutcome =
  | { kind: 'accepted'; orderId: string; attempts: number }
  /** A 4xx other than "in progress": the platform refused the request itself. */
  | { kind: 'refused'; status: number; detail: string; attempts: number }
  /** No answer within the bound: every try failed to connect, got a 5xx, or found the key still in progress. */
  | { kind: 'lost'; last: string; attempts: number };

/**
 * Whether a try may be repeated with the same Idempotency-Key: the connection failed, the
 * gateway could not reach the command API (5xx), or an earlier try with the key is still
 * recorded as in progress (409) — the command API may have died in the middle of it.
 */
export function isRetriable(answer: HttpAnswer | Error): boolean {
  if (answer instanceof Error) return true;
  if (answer.status >= 500) return true;
  return answer.status === 409 && /in progress/i.test(String(answer.body.detail ?? answer.body.title ?? ''));
}

const describe = (answer: HttpAnswer | Error) => (answer instanceof Error ? answer.message : `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);

/** One POST /api/orders, tried again with the same Idempotency-Key until it is answered or `boundMs` passed. */
export async function placeWithRetries(send: () => Promise<HttpAnswer>, boundMs: number): Promise<PlacementOutcome> {
  const deadline = performance.now() + boundMs;
  for (let attempts = 1; ; attempts += 1) {
    const answer = await send().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (!(answer instanceof Error) && answer.status < 300) return { kind: 'accepted', orderId: String(answer.body.orderId), attempts };
    if (!isRetriable(answer)) return { kind: 'refused', status: (answer as HttpAnswer).status, detail: describe(answer), attempts };
    if (performance.now() > deadline) return { kind: 'lost', last: describe(answer), attempts };
    await sleep(Math.min(2000, 250 * attempts));
  }
}

export interface LoadResult {
  outcomes: PlacementOutcome[];
  seconds: number;
}

/** The plan's orders at a steady rate (open loop), each through the gateway with its customer's token. */
export async function runOrderLoad(options: { client: TortureClient; plan: TorturePlan; shop: Shop; ratePerSecond: number; run: string; retryBoundMs: number; onProgress?: (placed: number) => void }): Promise<LoadResult> {
  const { client, plan, shop } = options;
  const started = performance.now();
  const pending: Array<Promise<PlacementOutcome>> = [];
  await onSchedule(plan.orders.length, options.ratePerSecond, started, (index) => {
    const order = plan.orders[index];
    if (!order) return;
    const body = { lines: order.lines.map((line) => ({ productId: shop.productIds[line.sku], quantity: line.quantity })), shippingAddress: benchAddress };
    const token = shop.tokens[order.customer];
    const key = `torture-${options.run}-${index}`;
    pending.push(placeWithRetries(() => client.request('POST', '/api/orders', body, token, { 'Idempotency-Key': key }), options.retryBoundMs));
    if (index % 50 === 49) options.onProgress?.(index + 1);
  });
  const outcomes = await Promise.all(pending);
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}
