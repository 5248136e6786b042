import { Router } from 'express';
import { OpenAPIRegistry } from '@ecommerce/platform';
import type { ReadStore } from '@ecommerce/platform';
import { describeProductQueries, productQueryRoutes } from './products/routes';
import { describeUserQueries, userQueryRoutes } from './users';
import { describeOrderQueries, orderQueryRoutes } from './orders';
import { cartQueryRoutes, describeCartQueries } from './cart';
import { describeInventoryQueries, inventoryQueryRoutes } from './inventory';
import { describePaymentQueries, paymentQueryRoutes } from './payments';
import { describeShipmentQueries, shipmentQueryRoutes } from './shipments';
import { describeNotificationQueries, notificationQueryRoutes } from './notifications';
import { analyticsQueryRoutes, describeAnalyticsQueries } from './analytics';
import { describeRecommendationQueries, recommendationsQueryRoutes } from './recommendations';
import { defaultLiveSettings, describeLiveQueries, liveRoutes } from './live';
import type { LiveSettings } from './live';
import { describeLowStockQueries, lowStockRoutes } from './admin';
import { categoryQueryRoutes, describeCategoryQueries } from './categories';

export interface QueryApiDeps {
  readStore: ReadStore;
  consistencyWaitMs?: number;
  /** Server-sent events: bounds, heartbeat and poll intervals. */
  live?: Partial<LiveSettings>;
  /** Available units at or below which a SKU without a threshold of its own is low (the `LOW_STOCK_THRESHOLD` setting). */
  lowStockDefaultThreshold?: number;
}

/**
 * The read side as a router: mounted by the gateway in one process, or served alone by `ecommerce query-api`.
 * `close` ends the live streams, so that the server's close can finish.
 */
export function createQueryApi(deps: QueryApiDeps): { router: Router; openapi: OpenAPIRegistry; close(): void } {
  const router = Router();
  const consistencyWaitMs = deps.consistencyWaitMs ?? 3000;
  router.use(productQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(userQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(orderQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(cartQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(inventoryQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(lowStockRoutes({ readStore: deps.readStore, consistencyWaitMs, defaultThreshold: deps.lowStockDefaultThreshold ?? 5 }));
  router.use(paymentQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(shipmentQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(notificationQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(analyticsQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(recommendationsQueryRoutes({ readStore: deps.readStore }));
  router.use(categoryQueryRoutes({ readStore: deps.readStore }));
  const live = liveRoutes({ readStore: deps.readStore, consistencyWaitMs, settings: { ...defaultLiveSettings, ...deps.live } });
  router.use(live.router);
  const openapi = new OpenAPIRegistry();
  describeProductQueries(openapi);
  describeUserQueries(openapi);
  describeOrderQueries(openapi);
  describeCartQueries(openapi);
  describeInventoryQueries(openapi);
  describeLowStockQueries(openapi);
  describePaymentQueries(openapi);
  describeShipmentQueries(openapi);
  describeNotificationQueries(openapi);
  describeAnalyticsQueries(openapi);
  describeRecommendationQueries(openapi);
  describeCategoryQueries(openapi);
  describeLiveQueries(openapi);
  return { router, openapi, close: live.close };
}
