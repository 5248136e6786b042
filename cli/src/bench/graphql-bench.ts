import autocannon from 'autocannon';
import type { Logger } from '@ecommerce/platform';
import { benchAddress } from './orders-fixtures';
import type { Figure, SectionResult } from './report';
import { withEmbeddedProcess } from './sse-bench';
import { withTempDir } from './temp-dir';
import { waitFor } from './wait-for';

const section = 'graphql';
const orders = 20;
const connections = 10;

/** The page a shop's "my orders" screen asks for: 20 orders, each line with its product (batched by the gateway's loaders). */
export const ordersPageQuery = 'query { myOrders(first: 20) { nodes { id status total { amount currency } lines { productId quantity unitPrice { amount currency } product { id name price { amount currency } availability { available inStock } } } } pageInfo { hasNextPage endCursor } } }';

interface PageAnswer {
  data?: { myOrders: { nodes: Array<{ status: string; lines: Array<{ product: { id: string } | null }> }> } | null } | null;
  errors?: unknown[];
}

/** Why an answer is not the full page: a GraphQL error, a missing order, or a line without its product; undefined when it is. */
export function pageProblem(answer: PageAnswer, expectedOrders: number, linesPerOrder: number): string | undefined {
  if (answer.errors?.length) return `errors: ${JSON.stringify(answer.errors).slice(0, 500)}`;
  const nodes = answer.data?.myOrders?.nodes;
  if (!nodes) return 'no myOrders in the answer';
  if (nodes.length !== expectedOrders) return `${nodes.length} orders, expected ${expectedOrders}`;
  const short = nodes.find((node) => node.lines.length !== linesPerOrder || node.lines.some((line) => line.product === null));
  return short ? `an order with ${short.lines.length} lines or a line without its product` : undefined;
}

/**
 * Issue 11: GraphQL latency for a page of 20 orders of 3 lines with their products, at a fixed
 * rate (autocannon in a worker thread), against one `ecommerce start` as an OS process; the
 * customer's orders are placed through the API first and confirmed before anything is measured.
 */
export function benchGraphql(options: { ratePerSecond: number; seconds: number; logger: Logger }): Promise<SectionResult> {
  const { ratePerSecond, seconds, logger } = options;
  return withTempDir('graphql', (dir) => withEmbeddedProcess(dir, {}, logger, async ({ baseUrl, pid, client, adminToken }) => {
    const productIds: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const created = await client.must('POST', '/api/products', { sku: `BENCH-GQL-${index}`, name: `Bench GraphQL product ${index}`, category: 'bench', price: { amount: 1000 + index, currency: 'EUR' }, initialStock: 1000 }, adminToken);
      productIds.push(String(created.id));
    }
    const customer = { email: 'graphql-customer@bench.test', password: 'Juniper-Estuary-Passphrase-57' };
    await client.must('POST', '/api/auth/register', { ...customer, name: 'GraphQL Customer' });
    const token = String((await client.must('POST', '/api/auth/login', customer)).accessToken);
    const lines = productIds.map((productId) => ({ productId, quantity: 1 }));
    logger.info({ orders, lines: lines.length }, 'graphql: placing the orders');
    for (let index = 0; index < orders; index += 1) await client.must('POST', '/api/orders', { lines, shippingAddress: benchAddress }, token);
    const ask = async () => (await client.request('POST', '/graphql', { query: ordersPageQuery }, token)).body as PageAnswer;
    await waitFor(async () => {
      const answer = await ask();
      return pageProblem(answer, orders, lines.length) === undefined && (answer.data?.myOrders?.nodes ?? []).every((node) => node.status === 'confirmed');
    }, { what: `${orders} orders confirmed and on the GraphQL page`, timeoutMs: 60_000, pollMs: 100 });

    logger.info({ ratePerSecond, seconds, connections }, 'graphql: the orders page at a fixed rate');
    const result = await autocannon({
      url: `${baseUrl}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ordersPageQuery }),
      connections,
      overallRate: ratePerSecond,
      duration: seconds,
      workers: 1,
    });
    // autocannon counts statuses only: a 200 could still carry GraphQL errors, so one more answer is checked whole
    const problem = pageProblem(await ask(), orders, lines.length);
    if (problem) throw new Error(`the GraphQL page after the run: ${problem}`);
    const { latency } = result;
    const achieved = Math.round((result.requests.total / result.duration) * 10) / 10;
    const note = `${orders} orders × ${lines.length} lines with products`;
    const figures: Figure[] = [
      { section, metric: 'orders page latency p50', value: latency.p50, unit: 'ms', note },
      { section, metric: 'orders page latency p99', value: latency.p99, unit: 'ms' },
      { section, metric: 'orders page latency max', value: latency.max, unit: 'ms' },
      { section, metric: 'orders page achieved rate', value: achieved, unit: 'req/s', note: `target ${ratePerSecond} req/s for ${seconds} s, ${connections} connections` },
      { section, metric: 'orders page non-2xx', value: result.non2xx, unit: 'responses', note: `${result.errors} errors, ${result.timeouts} timeouts` },
    ];
    return {
      figures,
      details: { orders, linesPerOrder: lines.length, ratePerSecond, seconds, connections, query: ordersPageQuery, p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, mean: latency.mean, requests: result.requests.total, achievedPerSecond: achieved, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, pid },
    };
  }));
}
