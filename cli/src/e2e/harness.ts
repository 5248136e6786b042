import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createLogger, loadSettings } from '@ecommerce/platform';
import { runComponents } from '../components';
import type { Running } from '../components';
import type { EventStore, Log, Logger, ReadStore, SchemaRegistry, Serde } from '@ecommerce/platform';

export interface TestResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Requests go as the admin unless `token` names another caller or `anonymous` is set. */
export type RequestOptions = { body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string>; token?: string; anonymous?: boolean };

/** Every test request comes from 127.0.0.1: per-IP auth limits that fit a test run (per-account limits stay as shipped). */
export const testRateLimits = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000', RATE_LIMIT_REGISTER_PER_MINUTE: '1000', RATE_LIMIT_REFRESH_PER_MINUTE: '1000' };

/** The first admin every test platform starts with (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const testAdmin = { email: 'admin@shop.test', password: 'correct horse battery staple 42' };

/** What the scenarios need of a running platform, whatever its topology. */
export interface PlatformUnderTest {
  baseUrl: string;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** The stores as the platform sees them, opened by the test where the platform runs elsewhere. */
  eventStore: EventStore;
  log: Log;
  readStore: ReadStore;
  registry: SchemaRegistry;
  serde: Serde;
  /** Resolves once the live projector serves the given version of a projection. */
  projectionSwitched(projection: string, version: number): Promise<void>;
  /** Stop everything and remove its data. */
  close(): Promise<void>;
}

export interface TestPlatform extends PlatformUnderTest {
  dataDir: string;
  running: Running;
  /** Stop the process-equivalent, keeping the data directory. */
  stop(): Promise<void>;
}

export async function requestJson(baseUrl: string, method: string, path: string, options: RequestOptions = {}, defaultToken?: string): Promise<TestResponse> {
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const token = options.anonymous ? undefined : (options.token ?? defaultToken);
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    // A binary body is copied into a plain ArrayBuffer-backed view, the kind fetch's types take.
    body: typeof options.rawBody === 'string' ? options.rawBody : options.rawBody ? new Uint8Array(options.rawBody) : options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}

/** The whole platform in this process, as `ecommerce start` runs it, on a free port and a temp data directory. */
/** `PROJECTIONS_THREAD=true npm test` runs the embedded suites with the projections on their worker thread. */
const threadSetting = process.env.PROJECTIONS_THREAD ? { PROJECTIONS_THREAD: process.env.PROJECTIONS_THREAD } : {};

export async function startTestPlatform(options: { dataDir?: string; env?: Record<string, string>; logger?: Logger; embeddedOnly?: boolean } = {}): Promise<TestPlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ecommerce-e2e-'));
  // With MONGO_URL set (CI starts a MongoDB-wire server), the read models live there, one database per data directory.
  const mongo = process.env.MONGO_URL && !options.embeddedOnly ? { MONGO_URL: process.env.MONGO_URL, MONGO_DATABASE: `e2e_${dataDir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '') ?? 'x'}` } : {};
  const settings = loadSettings({ ...mongo, ...testRateLimits, ADMIN_EMAIL: testAdmin.email, ADMIN_PASSWORD: testAdmin.password, DATA_DIR: dataDir, DEMO_CATALOG: 'false', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', CONSISTENCY_WAIT_MS: '5000', PARTITIONS: '4', ...threadSetting, ...options.env });
  const logger = options.logger ?? createLogger({ level: settings.LOG_LEVEL });
  const running = await runComponents(settings, logger, { gateway: true, mirror: true, projections: true, processors: true, seedIfEmpty: true, port: 0 });
  const port = (running.servers[0]?.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const adminToken = await loginAs(baseUrl, testAdmin.email, testAdmin.password);
  return {
    baseUrl,
    dataDir,
    running,
    eventStore: running.adapters.eventStore,
    log: running.adapters.log,
    readStore: running.adapters.readStore,
    registry: running.adapters.registry,
    serde: running.adapters.serde,
    stop: () => running.stop(),
    async close() {
      await running.stop();
      removeDataDir(dataDir);
    },
    async projectionSwitched(projection, version) {
      for (let waited = 0; waited < 10_000; waited += 50) {
        if (running.projections?.status().find((entry) => entry.projection === projection)?.version === version) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`projection ${projection} did not switch to version ${version}`);
    },
    request: (method, path, options) => requestJson(baseUrl, method, path, options, adminToken),
  };
}

/** Log in through the gateway and return the access token. */
export async function loginAs(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await requestJson(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (response.status !== 200) throw new Error(`login as ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return String(response.body.accessToken);
}

/** A new customer account, registered and logged in through the gateway: its id and access token. */
export async function registerCustomer(platform: Pick<PlatformUnderTest, 'request'>, name = 'Test Customer'): Promise<{ userId: string; token: string }> {
  const email = `customer.${randomUUID()}@e2e.test`;
  const password = 'Juniper-Lighthouse-Quartz-42';
  const registered = await platform.request('POST', '/api/auth/register', { anonymous: true, body: { email, password, name } });
  if (registered.status !== 201) throw new Error(`registering ${email} answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const login = await platform.request('POST', '/api/auth/login', { anonymous: true, body: { email, password } });
  if (login.status !== 200) throw new Error(`login as ${email} answered ${login.status}: ${JSON.stringify(login.body)}`);
  return { userId: String(registered.body.id), token: String(login.body.accessToken) };
}

export const removeDataDir = (dataDir: string) => rmSync(dataDir, { recursive: true, force: true });

export const newProduct = (overrides: Record<string, unknown> = {}) => ({
  sku: `TEST-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
  name: 'Trail Running Shoes',
  description: 'Grippy soles for muddy paths',
  category: 'sports',
  tags: ['running'],
  price: { amount: 10999, currency: 'EUR' },
  initialStock: 5,
  ...overrides,
});
