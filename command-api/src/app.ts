import express from 'express';
import type { Router } from 'express';
import { OpenAPIRegistry, createLoginThrottle, createRateLimiter, createSandboxPaymentProvider, publicJwks } from '@ecommerce/platform';
import type { EventStore, LoginThrottle, Metrics, PaymentProvider, RateLimitBackend } from '@ecommerce/platform';
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
import { createImageCommands, describeImageRoutes, imageRoutes, imageUploadRoutes } from './images';
import type { ImagesDeps } from './images';
import { createDeadLetterReplays, createLowStockThresholds, deadLetterRoutes, describeDeadLetterRoutes, describeLowStockThresholdRoutes, lowStockThresholdRoutes } from './admin';
import type { Log } from '@ecommerce/platform';

export interface CommandApiDeps {
  eventStore: EventStore;
  metrics?: Metrics;
  clock?: () => Date;
  identity: Omit<AccountsOptions, 'throttle' | 'refreshLimiter'> & { throttle?: LoginThrottle; limits?: IdentityRouteLimits };
  /** Where request limits and the login throttle count: process memory by default, Redis to share them across instances. */
  rateLimits?: RateLimitBackend;
  /** Verifies webhooks and serves the sandbox's customer-action page; the payment actor has its own. Default: the sandbox. */
  paymentProvider?: PaymentProvider;
  /** Product images (upload, removal, serving); without it those routes are absent. */
  images?: ImagesDeps;
  /** The log, for the admins' dead-letter queue; without it those routes answer 503. */
  log?: Log;
}

/**
 * The write side as a router (mounted by the gateway in one process, or served alone by
 * `ecommerce command-api`). Body parsing, correlation and problem details are the host's.
 */
/**
 * `uploads` holds the routes whose body is not JSON (image uploads): hosts mount it before their
 * JSON body parser, after establishing the principal.
 */
export function createCommandApi(deps: CommandApiDeps): { router: Router; uploads: Router; openapi: OpenAPIRegistry; commands: ReturnType<typeof createCatalogCommands>; accounts: Accounts } {
  const clock = deps.clock ?? (() => new Date());
  const context = { eventStore: deps.eventStore, clock, metrics: deps.metrics };
  const commands = createCatalogCommands(context);
  const backend = deps.rateLimits;
  const refreshPerAccount = deps.identity.limits?.refreshPerAccountPerMinute;
  const accounts = createAccounts(context, {
    ...deps.identity,
    throttle: deps.identity.throttle ?? createLoginThrottle({ backend }),
    refreshLimiter: refreshPerAccount ? createRateLimiter({ name: 'refresh-account', windowMs: 60_000, max: refreshPerAccount, backend }) : undefined,
  });
  const router = express.Router();
  router.use(idempotency(deps.eventStore, clock));
  router.use(catalogRoutes({ commands }));
  router.use(orderingRoutes({ commands: createOrderingCommands(context) }));
  router.use(identityRoutes({ accounts, jwks: () => publicJwks(deps.identity.keyRing()), limits: deps.identity.limits, backend }));
  router.use(paymentRoutes({ payments: createPaymentCommands(context, deps.paymentProvider ?? createSandboxPaymentProvider()) }));
  router.use(fulfilmentRoutes({ fulfilment: createFulfilmentCommands(context) }));
  router.use(profileRoutes({ profile: createProfileCommands(context) }));
  router.use(lowStockThresholdRoutes({ thresholds: createLowStockThresholds(context) }));
  router.use(deadLetterRoutes({ log: deps.log, replays: deps.log && createDeadLetterReplays({ eventStore: deps.eventStore, log: deps.log, clock }) }));
  const images = deps.images && createImageCommands(context, deps.images);
  if (images) router.use(imageRoutes({ images }));
  router.use(domainErrorsToProblems);
  const openapi = new OpenAPIRegistry();
  describeCatalogRoutes(openapi);
  describeOrderingRoutes(openapi);
  describeIdentityRoutes(openapi);
  describePaymentRoutes(openapi);
  describeFulfilmentRoutes(openapi);
  describeProfileRoutes(openapi);
  describeLowStockThresholdRoutes(openapi);
  describeDeadLetterRoutes(openapi);
  if (deps.images) describeImageRoutes(openapi, deps.images.maxBytes);
  return { router, uploads: images ? imageUploadRoutes({ images }) : express.Router(), openapi, commands, accounts };
}
