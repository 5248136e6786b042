/** Shipment queries: the admins' `GET /api/admin/shipments`. */
export { describeShipmentQueries, shipmentQueryRoutes, toShipmentView } from './routes';
export type { ShipmentQueryDeps } from './routes';
