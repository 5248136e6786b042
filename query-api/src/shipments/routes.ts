import { Router } from 'express';
import { consistencyHeader, decodeConsistencyToken, describeRoute, parseInput, requireRole } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { consistencyHeaders, listShipmentsQuery, shipmentCollections, shipmentPageSchema } from '@ecommerce/schemas';
import type { ShipmentDocument, ShipmentView } from '@ecommerce/schemas';
import { waitForPosition } from '../consistency';
import { findNewestFirst } from '../keyset';
import { activeCollection, versionReadOf } from '../active-version';

export interface ShipmentQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

/** Field by field, so nothing the document might gain later reaches a response by accident. */
export function toShipmentView(doc: ShipmentDocument): ShipmentView {
  return {
    id: doc._id, orderId: doc.orderId, customerId: doc.customerId, status: doc.status, lines: doc.lines, address: doc.address, carrier: doc.carrier, trackingNumber: doc.trackingNumber,
    openedAt: doc.openedAt, dispatchedAt: doc.dispatchedAt, deliveredAt: doc.deliveredAt, cancelledAt: doc.cancelledAt, returnRequest: doc.returnRequest, returned: doc.returned,
    updatedAt: doc.updatedAt, revision: doc.revision,
  };
}

/** The admins' shipment list: what to pick, pack and send, newest first. */
export function shipmentQueryRoutes({ readStore, consistencyWaitMs }: ShipmentQueryDeps): Router {
  const router = Router();

  router.get('/api/admin/shipments', async (req, res) => {
    requireRole(req, 'admin');
    const query = parseInput(listShipmentsQuery, req.query, 'query');
    const tokenHeader = req.header(consistencyHeader);
    const { version, collection: shipments } = await activeCollection<ShipmentDocument>(readStore, 'shipments', (v) => shipmentCollections(v).shipments, versionReadOf(req));
    let consistent = true;
    if (tokenHeader !== undefined) consistent = await waitForPosition(readStore, 'shipments', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs);
    const page = await findNewestFirst(shipments, 'openedAt', query.status ? [{ status: query.status }] : [], query);
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json({ items: page.items.map(toShipmentView), nextCursor: page.nextCursor });
  });

  return router;
}

export function describeShipmentQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/admin/shipments', tags: ['shipments'], query: listShipmentsQuery, headers: consistencyHeaders,
    summary: 'Admins: shipments with lines, address, carrier and tracking, newest first; by status; cursor pagination',
    responses: { 200: { description: 'one page; `nextCursor` fetches the next', schema: shipmentPageSchema }, 401: { description: 'not authenticated' }, 403: { description: 'not an admin' } },
  });
}
