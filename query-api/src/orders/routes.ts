import { Router } from 'express';
import type { Request } from 'express';
import { NotFoundError, consistencyHeader, decodeConsistencyToken, describeRoute, etagOf, parseInput, requirePrincipal, requireRole } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { consistencyHeaders, listAdminOrdersQuery, listOrdersQuery, orderCollections, orderIdParams, orderPageSchema, orderViewSchema } from '@ecommerce/schemas';
import type { OrderDocument } from '@ecommerce/schemas';
import { waitForPosition } from '../consistency';
import { findAdminOrderPage, findOrderPage } from './queries';
import { isOrder, toOrderView } from './view';
import { activeCollection, versionReadOf } from '../active-version';
import { readConsistently } from './read-your-writes';

export interface OrderQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

/**
 * The caller's own orders; admins may read any one order and list all of them. Another customer's
 * order is a 404, as if it did not exist.
 */
export function orderQueryRoutes({ readStore, consistencyWaitMs }: OrderQueryDeps): Router {
  const router = Router();
  const activeOrders = async (req: Request) => {
    const { version, collection } = await activeCollection<OrderDocument>(readStore, 'orders', (v) => orderCollections(v).orders, versionReadOf(req));
    return { version, orders: collection };
  };

  router.get('/api/orders', async (req, res) => {
    const principal = requirePrincipal(req);
    const query = parseInput(listOrdersQuery, req.query, 'query');
    const tokenHeader = req.header(consistencyHeader);
    const { version, orders } = await activeOrders(req);
    let consistent = true;
    if (tokenHeader !== undefined) consistent = await waitForPosition(readStore, 'orders', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs);
    const page = await findOrderPage(orders, principal.sub, query);
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json({ items: page.items.map(toOrderView), nextCursor: page.nextCursor });
  });

  router.get('/api/orders/:id', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(orderIdParams, req.params, 'params');
    const { version, orders } = await activeOrders(req);
    const { doc, consistent } = await readConsistently({
      readStore, projection: 'orders', version, stream: `order-${id}`, read: () => orders.findOne({ _id: id }), tokenHeader: req.header(consistencyHeader), timeoutMs: consistencyWaitMs,
    });
    if (!isOrder(doc) || (doc.customerId !== principal.sub && principal.role !== 'admin')) throw new NotFoundError(`no order ${id}`, { orderId: id });
    res.set({ ETag: etagOf(doc.revision), 'X-Read-Consistency': consistent ? 'consistent' : 'stale' }).json(toOrderView(doc));
  });

  router.get('/api/admin/orders', async (req, res) => {
    requireRole(req, 'admin');
    const query = parseInput(listAdminOrdersQuery, req.query, 'query');
    const tokenHeader = req.header(consistencyHeader);
    const { version, orders } = await activeOrders(req);
    let consistent = true;
    if (tokenHeader !== undefined) consistent = await waitForPosition(readStore, 'orders', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs);
    const page = await findAdminOrderPage(orders, query);
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json({ items: page.items.map(toOrderView), nextCursor: page.nextCursor });
  });

  return router;
}

export function describeOrderQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/orders', tags: ['orders'], query: listOrdersQuery, headers: consistencyHeaders,
    summary: "The caller's own orders, newest first, cursor pagination",
    responses: { 200: { description: 'one page; `nextCursor` fetches the next', schema: orderPageSchema }, 401: { description: 'not authenticated' } },
  });
  describeRoute(registry, {
    method: 'get', path: '/api/orders/{id}', tags: ['orders'], params: orderIdParams, headers: consistencyHeaders,
    summary: 'One order with its timeline, shipping address, payment, refunds, shipment and windows (own orders; admins any); its ETag is the order stream revision',
    responses: { 200: { description: 'the order', schema: orderViewSchema }, 401: { description: 'not authenticated' }, 404: { description: 'no such order of the caller' } },
  });
  describeRoute(registry, {
    method: 'get', path: '/api/admin/orders', tags: ['orders'], query: listAdminOrdersQuery, headers: consistencyHeaders,
    summary: "Admins: every customer's orders with payment and refund state, newest first; by status, customer and placedAt range (`from`, `to`: ISO dates or date-times, inclusive); cursor pagination",
    responses: { 200: { description: 'one page; `nextCursor` fetches the next', schema: orderPageSchema }, 401: { description: 'not authenticated' }, 403: { description: 'not an admin' } },
  });
}
