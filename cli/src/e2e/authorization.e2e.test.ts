import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from '@ecommerce/gateway';
import { createCommandApi } from '@ecommerce/command-api';
import { createQueryApi } from '@ecommerce/query-api';
import { createLogger, createMetrics, openEmbeddedReadStore, openSqliteEventStore } from '@ecommerce/platform';
import type { EventStore, Principal, ReadStore } from '@ecommerce/platform';
import { newProduct, removeDataDir } from './harness';

/**
 * Who may call each write route of the skeleton, and who may not. The gateway here takes the
 * caller from a test header, standing in for the token verification of the identity issue:
 * what is under test is the APIs' per-route and per-resource decisions.
 */
const callers: Record<string, Principal | null> = {
  anonymous: null,
  alice: { sub: 'alice', role: 'customer' },
  bob: { sub: 'bob', role: 'customer' },
  admin: { sub: 'root', role: 'admin' },
};

describe('authorization of the catalog and stock routes', () => {
  let dataDir: string;
  let eventStore: EventStore;
  let readStore: ReadStore;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-authz-'));
    eventStore = openSqliteEventStore(join(dataDir, 'events.db'));
    readStore = openEmbeddedReadStore(join(dataDir, 'read.db'));
    const commandApi = createCommandApi({ eventStore });
    const queryApi = createQueryApi({ readStore });
    const app = createGateway({
      upstreams: { kind: 'in-process', command: commandApi.router, query: queryApi.router, openapi: [commandApi.openapi, queryApi.openapi] },
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
      bodyLimitBytes: 65536,
      health: {},
      identify: (req) => callers[req.header('x-test-as') ?? 'anonymous'] ?? null,
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await eventStore.close();
    await readStore.close();
    removeDataDir(dataDir);
  });

  const call = async (as: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers: { 'x-test-as': as, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('anonymous callers may read but not write', async () => {
    expect((await call('anonymous', 'GET', '/api/products')).status).toBe(200);
    expect((await call('anonymous', 'POST', '/api/products', newProduct())).status).toBe(401);
  });

  it('a caller cannot pose as someone else by sending the principal header', async () => {
    const forged = Buffer.from(JSON.stringify({ sub: 'root', role: 'admin' })).toString('base64url');
    const response = await call('anonymous', 'POST', '/api/products', newProduct(), { 'x-ecommerce-principal': forged });
    expect(response.status).toBe(401);
  });

  it('a customer lists a product; only they or an admin may change or discontinue it', async () => {
    const listed = await call('alice', 'POST', '/api/products', newProduct({ initialStock: undefined }));
    expect(listed.status).toBe(201);
    const path = `/api/products/${String(listed.body.id)}`;
    expect((await call('bob', 'PATCH', path, { name: 'Mine now' })).status).toBe(403);
    expect((await call('anonymous', 'PATCH', path, { name: 'Mine now' })).status).toBe(401);
    expect((await call('alice', 'PATCH', path, { name: 'Better name' })).status).toBe(202);
    expect((await call('admin', 'PATCH', path, { name: 'Admin edit' })).status).toBe(202);
    expect((await call('bob', 'DELETE', path)).status).toBe(403);
    expect((await call('alice', 'DELETE', path)).status).toBe(202);
  });

  it('only admins restock or adjust stock', async () => {
    const product = newProduct({ initialStock: undefined });
    expect((await call('admin', 'POST', '/api/products', product)).status).toBe(201);
    for (const as of ['anonymous', 'alice']) {
      expect((await call(as, 'POST', `/api/inventory/${product.sku}/restock`, { quantity: 3 })).status).toBe(as === 'anonymous' ? 401 : 403);
      expect((await call(as, 'POST', `/api/inventory/${product.sku}/adjust`, { delta: 1, reason: 'found' })).status).toBe(as === 'anonymous' ? 401 : 403);
    }
    expect((await call('admin', 'POST', `/api/inventory/${product.sku}/restock`, { quantity: 3 })).status).toBe(202);
    expect((await call('admin', 'POST', `/api/inventory/${product.sku}/adjust`, { delta: -1, reason: 'damaged' })).status).toBe(202);
  });

  it('an admin-created product is changed by admins only', async () => {
    const created = await call('admin', 'POST', '/api/products', newProduct());
    const path = `/api/products/${String(created.body.id)}`;
    expect((await call('alice', 'PATCH', path, { name: 'x' })).status).toBe(403);
    expect((await call('admin', 'PATCH', path, { name: 'Renamed by admin' })).status).toBe(202);
  });
});
