import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger, createMetrics, createServiceApp, encodePrincipal, principalHeader } from '@ecommerce/platform';
import type { Principal, ReadStore } from '@ecommerce/platform';
import { createQueryApi } from './app';

/** The query API over real HTTP on a free port, as its own process serves it: for route tests. */
export interface ServedQueryApi {
  baseUrl: string;
  /** GET as `principal` (as the gateway passes it), the JSON body parsed. */
  get(url: string, principal: Principal | null, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function serveQueryApi(readStore: ReadStore, consistencyWaitMs = 300): Promise<ServedQueryApi> {
  const { router } = createQueryApi({ readStore, consistencyWaitMs });
  const app = createServiceApp({ logger: createLogger({ level: 'silent' }), metrics: createMetrics(), bodyLimitBytes: 100_000, routers: [router], health: {} });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    async get(url, principal, headers = {}) {
      const response = await fetch(`${baseUrl}${url}`, { headers: { ...(principal ? { [principalHeader]: encodePrincipal(principal) } : {}), ...headers } });
      return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
