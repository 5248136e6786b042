import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger, createMetrics, createServiceApp } from '@ecommerce/platform';
import type { ReadStore } from '@ecommerce/platform';
import { createQueryApi } from './app';

/** The query API over real HTTP on a free port, as its own process serves it: for route tests. */
export async function serveQueryApi(readStore: ReadStore, consistencyWaitMs = 300): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const { router } = createQueryApi({ readStore, consistencyWaitMs });
  const app = createServiceApp({ logger: createLogger({ level: 'silent' }), metrics: createMetrics(), bodyLimitBytes: 100_000, routers: [router], health: {} });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
