import express from 'express';
import type { Express, RequestHandler, Router } from 'express';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { correlation, jsonBody, requestMetrics } from './middleware';
import { notFoundRoute, problemDetails } from './problem';

export type HealthCheck = () => Promise<{ ok: boolean; detail?: string }> | { ok: boolean; detail?: string };

export interface ServiceAppOptions {
  logger: Logger;
  metrics: Metrics;
  bodyLimitBytes: number;
  /** Mounted in order after the common middleware. */
  routers: Array<Router | RequestHandler>;
  /** Named adapter checks for `/health`. */
  health: Record<string, HealthCheck>;
  /** Extra routes before the body parser (docs, proxies). */
  before?: Array<Router | RequestHandler>;
  parseBodies?: boolean;
}

/** Access log line per request, at the end, with its correlation id (from the trace context). */
const accessLog = (logger: Logger): RequestHandler => (req, res, next) => {
  const started = performance.now();
  res.on('finish', () => logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Number((performance.now() - started).toFixed(1)) }, 'request'));
  next();
};

export async function runHealthChecks(checks: Record<string, HealthCheck>) {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        return [name, await check()] as const;
      } catch (error) {
        return [name, { ok: false, detail: (error as Error).message }] as const;
      }
    }),
  );
  const results = Object.fromEntries(entries);
  return { status: entries.every(([, result]) => result.ok) ? 'ok' : 'degraded', checks: results };
}

/**
 * The common shell of every HTTP process (gateway, command-api, query-api): correlation ids,
 * access logs, metrics, `/health`, `/metrics`, bounded JSON bodies, and problem details.
 */
export function createServiceApp(options: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(correlation, requestMetrics(options.metrics), accessLog(options.logger));
  app.get('/health/live', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/health', async (_req, res) => {
    const report = await runHealthChecks(options.health);
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  for (const handler of options.before ?? []) app.use(handler);
  if (options.parseBodies !== false) app.use(...jsonBody(options.bodyLimitBytes));
  for (const router of options.routers) app.use(router);
  app.use(notFoundRoute);
  app.use(problemDetails(options.logger));
  return app;
}
