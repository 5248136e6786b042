import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeConsistencyToken } from '@ecommerce/platform';
import { loginAs, newProduct, registerCustomer, removeDataDir, requestJson, testAdmin, testRateLimits } from './harness';
import { freePort, startComponent, waitUntil } from './processes';
import type { ComponentProcess } from './processes';
import { rowAddress } from './lifecycle-steps.fixture';

const shutdownTimeoutMs = 10_000;

/** Sends SIGTERM and resolves with how the process ended and how long it took. */
async function terminate(component: ComponentProcess): Promise<{ code: number | null; ms: number }> {
  const started = performance.now();
  await component.kill('SIGTERM');
  return { code: component.child.exitCode, ms: performance.now() - started };
}

const baseEnv = (dataDir: string, extra: Record<string, string> = {}) => ({
  DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'info', DEMO_CATALOG: 'false', PARTITIONS: '4', METRICS_PORT: '0',
  ADMIN_EMAIL: testAdmin.email, ADMIN_PASSWORD: testAdmin.password, SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs), ...testRateLimits, ...extra,
});

async function startPlatform(dataDir: string, port: number): Promise<ComponentProcess> {
  const component = startComponent(['start'], baseEnv(dataDir, { PORT: String(port) }));
  await waitUntil(async () => {
    if (component.child.exitCode !== null) throw new Error(`ecommerce start exited: ${component.output().slice(-2000)}`);
    return fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false);
  }, 'ecommerce start', 90_000, 200);
  await waitUntil(() => component.output().includes('processors running'), 'the processors', 60_000);
  return component;
}

describe('SIGTERM: every process stops taking work, finishes its batch, commits and exits 0 within SHUTDOWN_TIMEOUT_MS', () => {
  it('ecommerce start, stopped while orders are being placed, loses and duplicates nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-shutdown-'));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let component = await startPlatform(dataDir, port);
    try {
      const admin = await loginAs(baseUrl, testAdmin.email, testAdmin.password);
      const product = await requestJson(baseUrl, 'POST', '/api/products', { body: newProduct({ initialStock: 5 }) }, admin);
      const productId = String(product.body.id);
      const customer = await registerCustomer({ request: (method, path, options) => requestJson(baseUrl, method, path, options, admin) });
      const place = () => requestJson(baseUrl, 'POST', '/api/orders', { token: customer.token, body: { lines: [{ productId, quantity: 1 }], shippingAddress: rowAddress() } }).catch(() => undefined);

      // A small load: orders keep coming while the signal arrives; some are answered, some are refused at the door.
      const accepted: string[] = [];
      const load = (async () => {
        for (let round = 0; round < 6; round += 1) {
          const answers = await Promise.all([place(), place(), place()]);
          for (const answer of answers) if (answer?.status === 202) accepted.push(String(answer.body.orderId));
        }
      })();
      await waitUntil(() => accepted.length >= 3, 'the first orders', 30_000, 20);
      const stopped = await terminate(component);
      await load;
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(shutdownTimeoutMs);
      expect(component.output()).toContain('stopped cleanly');

      component = await startPlatform(dataDir, port);
      const token = customer.token;
      const statuses = new Map<string, string>();
      await waitUntil(async () => {
        for (const orderId of accepted) {
          const order = await requestJson(baseUrl, 'GET', `/api/orders/${orderId}`, { token });
          statuses.set(orderId, String(order.body.status ?? ''));
        }
        return [...statuses.values()].every((status) => status === 'confirmed' || status === 'rejected');
      }, 'every accepted order settled after the restart', 60_000, 500);
      const confirmed = [...statuses.values()].filter((status) => status === 'confirmed').length;
      expect(confirmed).toBe(Math.min(5, accepted.length)); // stock 5: no order lost, none reserved twice
      const listed = await requestJson(baseUrl, 'GET', '/api/orders', { token });
      const items = (listed.body.items ?? listed.body.orders) as Array<{ id?: string; orderId?: string }>;
      expect(new Set(items.map((item) => item.id ?? item.orderId))).toEqual(new Set(accepted)); // no duplicate, none missing
      await waitUntil(async () => ((await requestJson(baseUrl, 'GET', `/api/products/${productId}`)).body.stock as { available?: number } | undefined)?.available === 5 - confirmed, 'stock shown as reserved', 15_000, 200);
      process.stdout.write(`shutdown under load: exit ${stopped.code} in ${Math.round(stopped.ms)} ms; ${accepted.length} orders accepted, ${confirmed} confirmed after the restart\n`);
    } finally {
      await component.kill();
      removeDataDir(dataDir);
    }
  }, 240_000);

  it('each component alone (command-api, query-api, gateway, mirror, processors, projections) exits 0 within the bound', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-shutdown-each-'));
    const [gatewayPort, commandPort, queryPort] = [await freePort(), await freePort(), await freePort()];
    const env = baseEnv(dataDir, {
      PORT: String(gatewayPort), COMMAND_API_PORT: String(commandPort), QUERY_API_PORT: String(queryPort),
      COMMAND_API_URL: `http://127.0.0.1:${commandPort}`, QUERY_API_URL: `http://127.0.0.1:${queryPort}`,
    });
    const commands = ['command-api', 'query-api', 'gateway', 'mirror', 'processors', 'projections'];
    const components = commands.map((command) => startComponent([command], env));
    try {
      for (const [index, component] of components.entries()) {
        await waitUntil(() => {
          if (component.child.exitCode !== null) throw new Error(`${commands[index]} exited: ${component.output().slice(-2000)}`);
          return /listening/.test(component.output());
        }, `${commands[index]} listening`, 90_000, 200);
      }
      const results = [];
      for (const component of components) results.push(await terminate(component));
      for (const [index, result] of results.entries()) {
        expect({ component: commands[index], code: result.code }).toEqual({ component: commands[index], code: 0 });
        expect(result.ms).toBeLessThan(shutdownTimeoutMs);
      }
      process.stdout.write(`SIGTERM to exit: ${results.map((result, index) => `${commands[index]} ${Math.round(result.ms)} ms`).join(', ')}\n`);
    } finally {
      for (const component of components) await component.kill('SIGKILL');
      removeDataDir(dataDir);
    }
  }, 240_000);

  it('past SHUTDOWN_TIMEOUT_MS it exits 1 with a log line, even with a request still held open', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-shutdown-bound-'));
    const port = await freePort();
    // A read with a consistency token from the future waits CONSISTENCY_WAIT_MS: the server cannot close before it ends.
    const component = startComponent(['query-api'], baseEnv(dataDir, { QUERY_API_PORT: String(port), SHUTDOWN_TIMEOUT_MS: '1500', CONSISTENCY_WAIT_MS: '60000' }));
    try {
      await waitUntil(() => /listening/.test(component.output()), 'query-api listening', 90_000, 200);
      const future = encodeConsistencyToken({ stream: 'product-00000000-0000-4000-8000-000000000000', revision: 99, position: 99_999 });
      const held = fetch(`http://127.0.0.1:${port}/api/products/00000000-0000-4000-8000-000000000000`, { headers: { 'x-consistency-token': future } }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stopped = await terminate(component);
      await held;
      expect(stopped.code).toBe(1);
      expect(stopped.ms).toBeGreaterThanOrEqual(1400);
      expect(stopped.ms).toBeLessThan(5000);
      expect(component.output()).toContain('shutdown did not finish in time');
    } finally {
      await component.kill('SIGKILL');
      removeDataDir(dataDir);
    }
  }, 120_000);
});
