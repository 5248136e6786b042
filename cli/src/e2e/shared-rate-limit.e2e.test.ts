import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { removeDataDir, startTestPlatform } from './harness';
import { freePort, startComponent, waitUntil } from './processes';
import type { ComponentProcess } from './processes';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('shared rate-limit e2e: the Redis case is skipped: set REDIS_URL to run it (scripts/infra/redis.sh start)');
const itWithRedis = redisUrl ? it : it.skip;

/** Two gateways (each with the APIs in-process) over one data directory, as two instances behind a balancer. */
async function startTwoGateways(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-limits-'));
  const ports = [await freePort(), await freePort()];
  const gateways: ComponentProcess[] = ports.map((port) =>
    startComponent(['gateway'], {
      DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', DEMO_CATALOG: 'false',
      // this run's own counters in the shared Redis
      LOG_NAMESPACE: `limits-${dataDir.split('-').at(-1) ?? 'x'}.`,
      RATE_LIMIT_REQUESTS_PER_MINUTE: '8', RATE_LIMIT_LOGIN_PER_MINUTE: '3',
      ...env,
    }));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  try {
    const exited = () => gateways.some((gateway) => gateway.child.exitCode !== null);
    for (const url of urls) {
      await waitUntil(() => {
        if (exited()) throw new Error('a gateway exited during start');
        return fetch(`${url}/health/live`).then((response) => response.ok, () => false);
      }, `the gateway at ${url}`, 60_000, 200);
    }
  } catch (error) {
    for (const gateway of gateways) process.stdout.write(`${gateway.output().slice(-2000)}\n`);
    for (const gateway of gateways) await gateway.kill();
    removeDataDir(dataDir);
    throw error;
  }
  return {
    urls,
    async close() {
      for (const gateway of gateways) await gateway.kill();
      removeDataDir(dataDir);
    },
  };
}

/** Alternates requests between the gateways, as a round-robin balancer would; returns the statuses in order. */
async function alternate(urls: string[], count: number, request: (url: string, index: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push((await request(urls[index % urls.length] as string, index)).status);
  return statuses;
}

const login = (url: string, index: number) =>
  fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `nobody-${index}@shop.test`, password: 'not the password 123' }) });
const products = (url: string) => fetch(`${url}/api/products`);

describe('rate limits across two gateway processes', () => {
  itWithRedis('with REDIS_URL they share one budget: the login limit and the request limit hold for the pair', async () => {
    const pair = await startTwoGateways({ REDIS_URL: redisUrl as string });
    try {
      // A gateway with REDIS_URL listens only once its client is connected: both count in Redis from their first request.
      for (const url of pair.urls) {
        const health = (await (await fetch(`${url}/health`)).json()) as { checks: Record<string, { detail?: string }> };
        expect(health.checks.rateLimits?.detail).toBe('redis: shared limits');
      }
      // 3 logins per IP per minute, for both gateways together
      expect(await alternate(pair.urls, 6, login)).toEqual([401, 401, 401, 429, 429, 429]);
      // 8 requests per IP per minute: the 6 logins used 6 of them
      const statuses = await alternate(pair.urls, 4, products);
      expect(statuses).toEqual([200, 200, 429, 429]);
      const refused = await products(pair.urls[1] as string);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await pair.close();
    }
  }, 120_000);

  it('without REDIS_URL each counts alone, so the pair lets twice the limit through', async () => {
    const pair = await startTwoGateways({});
    try {
      expect(await alternate(pair.urls, 6, login)).toEqual([401, 401, 401, 401, 401, 401]);
      expect(await alternate(pair.urls, 4, products)).toEqual([200, 200, 200, 200]);
    } finally {
      await pair.close();
    }
  }, 120_000);
});

describe('token refreshes are limited per account', () => {
  it('whatever session they come from: a new session does not get a new budget', async () => {
    const platform = await startTestPlatform({ env: { RATE_LIMIT_REFRESH_ACCOUNT_PER_MINUTE: '2' }, embeddedOnly: true });
    try {
      const email = `refresh.${randomUUID()}@e2e.test`;
      const password = 'Juniper-Lighthouse-Quartz-42';
      expect((await platform.request('POST', '/api/auth/register', { anonymous: true, body: { email, password, name: 'Refresher' } })).status).toBe(201);
      const session = async () => String((await platform.request('POST', '/api/auth/login', { anonymous: true, body: { email, password } })).body.refreshToken);
      const refresh = (refreshToken: string) => platform.request('POST', '/api/auth/refresh', { anonymous: true, body: { refreshToken } });
      const [first, second, third] = [await session(), await session(), await session()];
      expect((await refresh(first)).status).toBe(200);
      expect((await refresh(second)).status).toBe(200);
      const refused = await refresh(third);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ detail: 'too many refreshes for this account; try again later' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // another account keeps its own budget
      const other = `other.${randomUUID()}@e2e.test`;
      await platform.request('POST', '/api/auth/register', { anonymous: true, body: { email: other, password, name: 'Other' } });
      const otherToken = String((await platform.request('POST', '/api/auth/login', { anonymous: true, body: { email: other, password } })).body.refreshToken);
      expect((await refresh(otherToken)).status).toBe(200);
    } finally {
      await platform.close();
    }
  }, 60_000);
});
