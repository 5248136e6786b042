import express from 'express';
import type { Router } from 'express';
import { OpenAPIRegistry, createLoginThrottle, createSandboxPaymentProvider, publicJwks } from '@ecommerce/platform';
import type { EventStore, LoginThrottle, Metrics, PaymentProvider } from '@ecommerce/platform';
import { createAccounts } from './identity/accounts';
import type { Accounts, AccountsOptions } from './identity/accounts';
import { describeIdentityRoutes, identityRoutes } from './routes/identity';
import type { IdentityRouteLimits } from './routes/identity';
import { createCatalogCommands } from './catalog/commands';
import { idempotency } from './idempotency';
import { catalogRoutes, describeCatalogRoutes } from './routes/catalog';
import { domainErrorsToProblems } from './domain-errors';
import { createOrderingCommands } from './ordering/commands';
import { describeOrderingRoutes, orderingRoutes } from './routes/ordering';
import { createPaymentCommands } from './lifecycle/payments';
import { createFulfilmentCommands } from './lifecycle/fulfilment';
import { createProfileCommands } from './lifecycle/profile';
import { describePaymentRoutes, paymentRoutes } from './routes/payments';
import { describeFulfilmentRoutes, fulfilmentRoutes } from './routes/fulfilment';
import { describeProfileRoutes, profileRoutes } from './routes/profile';

export interface CommandApiDeps {
  eventStore: EventStore;
  metrics?: Metrics;
  clock?: () => Date;
  identity: Omit<AccountsOptions, 'throttle'> & { throttle?: LoginThrottle; limits?: IdentityRouteLimits };
  /** Verifies webhooks and serves the sandbox's customer-action page; the payment actor has its own. Default: the sandbox. */
  paymentProvider?: PaymentProvider;
}

/**
 * The write side as a router (mounted by the gateway in one process, or served alone by
 * `ecommerce command-api`). Body parsing, correlation and problem details are the host's.
 */
export function createCommandApi(deps: CommandApiDeps): { router: Router; openapi: OpenAPIRegistry; commands: ReturnType<typeof createCatalogCommands>; accounts: Accounts } {
  const clock = deps.clock ?? (() => new Date());
  const context = { eventStore: deps.eventStore, clock, metrics: deps.metrics };
  const commands = createCatalogCommands(context);
  const accounts = createAccounts(context, { ...deps.identity, throttle: deps.identity.throttle ?? createLoginThrottle() });
  const router = express.Router();
  router.use(idempotency(deps.eventStore, clock));
  router.use(catalogRoutes({ commands }));
  router.use(orderingRoutes({ commands: createOrderingCommands(context) }));
  router.use(identityRoutes({ accounts, jwks: () => publicJwks(deps.identity.keyRing()), limits: deps.identity.limits }));
  router.use(paymentRoutes({ payments: createPaymentCommands(context, deps.paymentProvider ?? createSandboxPaymentProvider()) }));
  router.use(fulfilmentRoutes({ fulfilment: createFulfilmentCommands(context) }));
  router.use(profileRoutes({ profile: createProfileCommands(context) }));
  router.use(domainErrorsToProblems);
  const openapi = new OpenAPIRegistry();
  describeCatalogRoutes(openapi);
  describeOrderingRoutes(openapi);
  describeIdentityRoutes(openapi);
  describePaymentRoutes(openapi);
  describeFulfilmentRoutes(openapi);
  describeProfileRoutes(openapi);
  return { router, openapi, commands, accounts };
}
