import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { UnavailableError } from '@eventstore/db-client';
import { createCommandApi } from '@ecommerce/command-api';
import { createQueryApi } from '@ecommerce/query-api';
import { createGateway } from '@ecommerce/gateway';
import { createLogger, createMetrics, openEmbeddedReadStore, openSqliteEventStore, withEsdbOutagesAsUnavailable } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';
import { newProduct, removeDataDir, requestJson, startTestPlatform } from './harness';
import type { TestPlatform } from './harness';
import { waitUntil } from './processes';
import { createPrivateFerretDb } from './private-ferretdb.fixture';

const mongoUrl = process.env.MONGO_URL;
if (!mongoUrl) console.warn('degradation e2e: the read-store case is skipped: set MONGO_URL (scripts/infra/up.sh builds the FerretDB it starts a private copy of)');
const describeWithFerretDb = mongoUrl ? describe : describe.skip;

const health = async (baseUrl: string, path: string) => {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> } };
};

describeWithFerretDb('the read store down (a private FerretDB stopped mid-test)', () => {
  const ferret = createPrivateFerretDb();
  let platform: TestPlatform;

  beforeAll(async () => {
    (await ferret).start();
    platform = await startTestPlatform({ env: { MONGO_URL: (await ferret).url, MONGO_DATABASE: 'degradation', MONGO_SERVER_SELECTION_TIMEOUT_MS: '1500' } });
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    (await ferret).remove();
  }, 60_000);

  it('reads answer 503 problem+json with Retry-After quickly, commands still answer, health says which store is down, and it all recovers', async () => {
    expect((await platform.request('GET', '/api/products')).status).toBe(200);
    (await ferret).stop();

    const started = performance.now();
    const read = await platform.request('GET', '/api/products', { anonymous: true });
    const readMs = performance.now() - started;
    expect(read.status).toBe(503);
    expect(read.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(read.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(read.body).toMatchObject({ status: 503, title: 'Service Unavailable', store: 'read store' });
    expect(readMs).toBeLessThan(5000); // MONGO_SERVER_SELECTION_TIMEOUT_MS, not the driver's 30 s

    const created = await platform.request('POST', '/api/products', { body: newProduct({ name: 'Made during the outage' }) });
    expect(created.status).toBe(201);

    const ready = await health(platform.baseUrl, '/health/ready');
    expect(ready.status).toBe(200); // the gateway still takes commands: it stays in the balancer
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.checks.readStore?.ok).toBe(false);
    expect(ready.body.checks.eventStore?.ok).toBe(true);
    expect((await health(platform.baseUrl, '/health')).status).toBe(503);
    expect((await fetch(`${platform.baseUrl}/health/live`)).status).toBe(200);

    (await ferret).start();
    // the projection catches up: the product made while the read store was down is listed
    await waitUntil(async () => {
      const list = await platform.request('GET', '/api/products', { anonymous: true });
      return list.status === 200 && JSON.stringify(list.body).includes('Made during the outage');
    }, 'the read store back and the projection caught up', 60_000, 500);
    expect((await health(platform.baseUrl, '/health/ready')).body.status).toBe('ready');
  }, 120_000);
});

/**
 * EventStoreDB cannot run here and the SQLite event store is a file in the process, so "the
 * event store is down" is injected at the port: the store rejects every call with the error
 * EventStoreDB's client raises when no node answers (UnavailableError), wrapped exactly as the
 * composition root wraps the EventStoreDB adapter (withEsdbOutagesAsUnavailable).
 */
describe('the event store down (the EventStoreDB client\'s unavailability, injected at the port)', () => {
  it('commands answer 503 problem+json with Retry-After, reads still answer, health shows the event store down', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-degradation-'));
    const sqlite = openSqliteEventStore(join(dataDir, 'events.db'));
    const readStore = openEmbeddedReadStore(join(dataDir, 'read.db'));
    let down = false;
    const outage = () => new UnavailableError(undefined, '14 UNAVAILABLE: No connection established');
    const faulty = new Proxy(sqlite, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (property === 'health') return async () => (down ? { ok: false, detail: outage().message } : target.health());
        return (...args: unknown[]) => (down ? Promise.reject(outage()) : (value as (...parameters: unknown[]) => unknown).apply(target, args));
      },
    });
    const eventStore: EventStore = withEsdbOutagesAsUnavailable(faulty);
    const metrics = createMetrics();
    const logger = createLogger({ level: 'silent' });
    const commandApi = createCommandApi({
      eventStore, metrics,
      identity: { keyRing: () => { throw new Error('no tokens in this test'); }, accessTokenTtlSeconds: 300, refreshTokenTtlDays: 1 },
    });
    const queryApi = createQueryApi({ readStore });
    const app = createGateway({
      upstreams: { kind: 'in-process', command: commandApi.router, query: queryApi.router, openapi: [commandApi.openapi, queryApi.openapi] },
      logger, metrics, bodyLimitBytes: 65_536,
      health: { eventStore: () => eventStore.health(), readStore: () => readStore.health() },
      identify: () => ({ sub: 'admin-1', role: 'admin' }),
      jwks: async () => ({ keys: [] }),
    });
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await requestJson(baseUrl, 'POST', '/api/products', { body: newProduct() })).status).toBe(201);
      down = true;
      const refused = await requestJson(baseUrl, 'POST', '/api/products', { body: newProduct() });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.body).toMatchObject({ status: 503, store: 'event store' });
      expect((await requestJson(baseUrl, 'GET', '/api/products')).status).toBe(200);

      const ready = await health(baseUrl, '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('degraded');
      expect(ready.body.checks.eventStore).toMatchObject({ ok: false, detail: expect.stringContaining('UNAVAILABLE') });
      expect(ready.body.checks.readStore?.ok).toBe(true);

      down = false;
      expect((await requestJson(baseUrl, 'POST', '/api/products', { body: newProduct() })).status).toBe(201);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      queryApi.close();
      await sqlite.close();
      await readStore.close();
      removeDataDir(dataDir);
    }
  }, 60_000);
});
