import express from 'express';
import type { Router } from 'express';
import { OpenAPIRegistry } from '@ecommerce/platform';
import type { EventStore, Metrics } from '@ecommerce/platform';
import { createCatalogCommands } from './catalog/commands';
import { idempotency } from './idempotency';
import { catalogRoutes, describeCatalogRoutes } from './routes/catalog';
import { domainErrorsToProblems } from './domain-errors';

export interface CommandApiDeps {
  eventStore: EventStore;
  metrics?: Metrics;
  clock?: () => Date;
}

/**
 * The write side as a router (mounted by the gateway in one process, or served alone by
 * `ecommerce command-api`). Body parsing, correlation and problem details are the host's.
 */
export function createCommandApi(deps: CommandApiDeps): { router: Router; openapi: OpenAPIRegistry; commands: ReturnType<typeof createCatalogCommands> } {
  const clock = deps.clock ?? (() => new Date());
  const context = { eventStore: deps.eventStore, clock, metrics: deps.metrics };
  const commands = createCatalogCommands(context);
  const router = express.Router();
  router.use(idempotency(deps.eventStore, clock));
  router.use(catalogRoutes({ commands }));
  router.use(domainErrorsToProblems);
  const openapi = new OpenAPIRegistry();
  describeCatalogRoutes(openapi);
  return { router, openapi, commands };
}
