export * from './projection';
export { applyByDocument, withoutStoreFields } from './apply-by-document';
export type { ProjectedEvent, SingleStreamModel } from './apply-by-document';
export { createProjectionRunner } from './runner';
export type { ProjectionRunner, ProjectionRunnerOptions } from './runner';
export { createProjectionsHost } from './host';
export type { ProjectionsHost, ProjectionsHostOptions } from './host';
export { rebuildProjection } from './rebuild';
export type { RebuildOptions, RebuildResult } from './rebuild';
export { productsProjection } from './products/projection';
export * from './products/document';
export { usersProjection } from './users/projection';
export * from './users/document';
export * from './orders';
export * from './carts';
export * from './inventory';
export * from './payments';
export * from './shipments';
export * from './notifications';
export * from './analytics';
export * from './co-purchases';
export { applyByStream, streamKind } from './apply-by-stream';
export type { StreamSliceModel } from './apply-by-stream';

import { productsProjection } from './products/projection';
import { usersProjection } from './users/projection';
import { ordersProjection } from './orders';
import { cartsProjection } from './carts';
import { inventoryProjection } from './inventory';
import { paymentsProjection } from './payments';
import { shipmentsProjection } from './shipments';
import { notificationsProjection } from './notifications';
import { analyticsProjection } from './analytics';
import { coPurchasesProjection } from './co-purchases';
import type { Projection } from './projection';

/** Every projection the platform runs, by name. */
export const allProjections: Projection[] = [
  productsProjection, usersProjection, ordersProjection, cartsProjection, inventoryProjection, paymentsProjection, shipmentsProjection, notificationsProjection,
  analyticsProjection, coPurchasesProjection,
];
