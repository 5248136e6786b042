/**
 * A Confluent-compatible schema registry (REST API v7 shape, Avro only) whose state lives in
 * the compacted `_schemas` topic of any log: several instances on one log agree, and a
 * restarted one rebuilds everything by reading the topic again (DESIGN §3).
 */
import express from 'express';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { Log } from '../../log/port';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import { createServiceApp } from '../../http/service-app';
import { toErrorAnswer } from './errors';
import { send } from './http-helpers';
import { createLogRegistryStore } from './registry-store';
import type { LogRegistryStore, LogRegistryStoreOptions } from './registry-store';
import { schemaRoutes } from './schema-routes';
import { subjectRoutes } from './subject-routes';

export interface SchemaRegistryServerOptions extends LogRegistryStoreOptions {
  logger: Logger;
  metrics: Metrics;
  /** 16 MiB by default, as Confluent's own limit is generous for large schemas. */
  bodyLimitBytes?: number;
}

export interface SchemaRegistryServer {
  app: Express;
  store: LogRegistryStore;
  /** Reads `_schemas` up to its end; answer requests only after this resolved. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const confluentErrors = (logger: Logger): ErrorRequestHandler => (error, req, res, _next) => {
  const { status, body } = toErrorAnswer(error);
  if (status >= 500) logger.error({ err: error, route: req.originalUrl }, 'schema registry request failed');
  send(res, body, status);
};

const unknownRoute: RequestHandler = (req, res) =>
  send(res, { error_code: 404, message: `HTTP 404 Not Found: no route ${req.method} ${req.path}` }, 404);

export const createSchemaRegistryServer = (log: Log, options: SchemaRegistryServerOptions): SchemaRegistryServer => {
  const store = createLogRegistryStore(log, options);
  const registry = express.Router();
  registry.use(express.json({ limit: options.bodyLimitBytes ?? 16 * 1024 * 1024, type: ['application/json', 'application/*+json'] }));
  registry.use(schemaRoutes(store), subjectRoutes(store), unknownRoute, confluentErrors(options.logger));

  const app = createServiceApp({
    logger: options.logger,
    metrics: options.metrics,
    bodyLimitBytes: options.bodyLimitBytes ?? 16 * 1024 * 1024,
    parseBodies: false,
    routers: [registry],
    health: { log: () => log.health() },
  });
  return { app, store, start: () => store.start(), stop: () => store.stop() };
};
