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

export interface QueryApiDeps {
  readStore: ReadStore;
  consistencyWaitMs?: number;
}

/** The read side as a router: mounted by the gateway in one process, or served alone by `ecommerce query-api`. */
export function createQueryApi(deps: QueryApiDeps): { router: Router; openapi: OpenAPIRegistry } {
  const router = Router();
  const consistencyWaitMs = deps.consistencyWaitMs ?? 3000;
  router.use(productQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(userQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(orderQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(cartQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(inventoryQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(paymentQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(shipmentQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  router.use(notificationQueryRoutes({ readStore: deps.readStore, consistencyWaitMs }));
  const openapi = new OpenAPIRegistry();
  describeProductQueries(openapi);
  describeUserQueries(openapi);
  describeOrderQueries(openapi);
  describeCartQueries(openapi);
  describeInventoryQueries(openapi);
  describePaymentQueries(openapi);
  describeShipmentQueries(openapi);
  describeNotificationQueries(openapi);
  return { router, openapi };
}
