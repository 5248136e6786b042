import express from 'express';
import type { Express, RequestHandler, Router } from 'express';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { correlation, jsonBody, requestMetrics } from './middleware';
import { notFoundRoute, problemDetails } from './problem';
import { mountHealthRoutes } from './health';
import type { HealthCheck } from './health';

export type { HealthCheck, HealthResult } from './health';
export { runHealthChecks } from './health';

export interface ServiceAppOptions {
  logger: Logger;
  metrics: Metrics;
  bodyLimitBytes: number;
  /** Mounted in order after the common middleware. */
  routers: Array<Router | RequestHandler>;
  /** Named adapter checks for `/health` and `/health/ready`. */
  health: Record<string, HealthCheck>;
  /** The checks readiness needs (default: all); see mountHealthRoutes. */
  ready?: readonly string[];
  /** True once the process is shutting down: readiness answers 503. */
  draining?: () => boolean;
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
  mountHealthRoutes(app, { checks: options.health, required: options.ready, draining: options.draining });
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
