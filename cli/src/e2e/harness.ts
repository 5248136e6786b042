import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createLogger, loadSettings } from '@ecommerce/platform';
import { runComponents } from '../components';
import type { Running } from '../components';
import type { EventStore, Log, ReadStore } from '@ecommerce/platform';

export interface TestResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export type RequestOptions = { body?: unknown; rawBody?: string; headers?: Record<string, string> };

/** What the scenarios need of a running platform, whatever its topology. */
export interface PlatformUnderTest {
  baseUrl: string;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** The stores as the platform sees them, opened by the test where the platform runs elsewhere. */
  eventStore: EventStore;
  log: Log;
  readStore: ReadStore;
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

export async function requestJson(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
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
export async function startTestPlatform(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestPlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ecommerce-e2e-'));
  // With MONGO_URL set (CI starts a MongoDB-wire server), the read models live there, one database per data directory.
  const mongo = process.env.MONGO_URL ? { MONGO_URL: process.env.MONGO_URL, MONGO_DATABASE: `e2e_${dataDir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '') ?? 'x'}` } : {};
  const settings = loadSettings({ ...mongo, DATA_DIR: dataDir, DEMO_CATALOG: 'false', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', CONSISTENCY_WAIT_MS: '5000', PARTITIONS: '4', ...options.env });
  const logger = createLogger({ level: settings.LOG_LEVEL });
  const running = await runComponents(settings, logger, { gateway: true, mirror: true, projections: true, seedIfEmpty: true, port: 0 });
  const port = (running.servers[0]?.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    dataDir,
    running,
    eventStore: running.adapters.eventStore,
    log: running.adapters.log,
    readStore: running.adapters.readStore,
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
    request: (method, path, options) => requestJson(baseUrl, method, path, options),
  };
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
