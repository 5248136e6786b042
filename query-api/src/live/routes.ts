import { Router } from 'express';
import type { Request } from 'express';
import { NotFoundError, parseInput, principalOf, requirePrincipal, requireRole } from '@ecommerce/platform';
import type { Logger, ReadStore } from '@ecommerce/platform';
import { orderCollections, orderIdParams, productCollections, productIdParams } from '@ecommerce/schemas';
import type { OrderDocument, ProductDocument } from '@ecommerce/schemas';
import { isOrder } from '../orders/view';
import { readConsistently } from '../orders/read-your-writes';
import { activeVersionsOf } from '../active-version';
import { createAdminFigures } from './admin-figures';
import { orderLiveHeaders, productLiveHeaders } from './events';
import type { AdminLiveEvent, OrderLiveEvent, ProductLiveEvent } from './events';
import { createLiveHub } from './hub';
import { createSharedPoller } from './shared-poller';

export interface LiveSettings {
  maxConnectionsPerUser: number;
  heartbeatMs: number;
  pollIntervalMs: number;
  adminIntervalMs: number;
  lowStockThreshold: number;
  /** Read models whose lag the admins' stream reports. */
  projections: readonly string[];
  logger?: Logger;
}

export const defaultLiveSettings: LiveSettings = { maxConnectionsPerUser: 5, heartbeatMs: 15_000, pollIntervalMs: 250, adminIntervalMs: 5000, lowStockThreshold: 5, projections: [] };

export interface LiveDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
  settings: LiveSettings;
}

const toOrderLiveEvent = (doc: OrderDocument): OrderLiveEvent => {
  const last = doc.timeline.at(-1);
  return { orderId: doc._id, status: doc.status, revision: doc.revision, lastEvent: last ? { event: last.event, at: last.at } : null, updatedAt: doc.updatedAt };
};

/** Grows with every write to the product, from its own stream or its SKU's: the product's event id. */
const productVersionOf = (doc: ProductDocument): number => Object.values(doc._revisions ?? {}).reduce((sum, revision) => sum + revision + 1, 0);

const toProductLiveEvent = (doc: ProductDocument): ProductLiveEvent => ({ productId: doc._id, sku: doc.sku, status: doc.status, available: doc.stock.available, inStock: doc.stock.inStock });

/** Anonymous callers of the public stream are bounded per client address (the gateway forwards it). */
const callerOf = (req: Request): string => principalOf(req)?.sub ?? `ip:${req.ip ?? 'unknown'}`;

const lastEventIdOf = (header: string | undefined): number => (header === undefined ? -1 : Number(header));

/**
 * Server-sent events from the read models: an order's status, a product's availability, and the
 * admins' figures. Streams are authorized as the REST reads are, bounded per caller, fed by one
 * shared poller per watched document, and all ended by `close` (the server's shutdown).
 */
export function liveRoutes({ readStore, consistencyWaitMs, settings }: LiveDeps): { router: Router; close(): void } {
  const router = Router();
  const hub = createLiveHub({ maxConnectionsPerUser: settings.maxConnectionsPerUser, heartbeatMs: settings.heartbeatMs });
  const activeVersions = activeVersionsOf(readStore);
  const onError = (error: unknown, key: string) => settings.logger?.warn({ err: error, key }, 'live stream read failed; retrying on the next tick');
  const readOrder = async (id: string) => (await activeVersions.collection<OrderDocument>('orders', (v) => orderCollections(v).orders)).findOne({ _id: id });
  const readProduct = async (id: string) => (await activeVersions.collection<ProductDocument>('products', (v) => productCollections(v).products)).findOne({ _id: id });

  const orders = createSharedPoller({ read: readOrder, intervalMs: settings.pollIntervalMs, changed: (previous, next) => previous?.revision !== next?.revision, onError });
  const products = createSharedPoller({
    read: readProduct, intervalMs: settings.pollIntervalMs, onError,
    changed: (previous, next) => (previous ? productVersionOf(previous) : -1) !== (next ? productVersionOf(next) : -1),
  });
  const adminFigures = createSharedPoller<AdminLiveEvent>({
    read: createAdminFigures({ readStore, activeVersions, lowStockThreshold: settings.lowStockThreshold, projections: settings.projections }),
    intervalMs: settings.adminIntervalMs, onError,
  });

  router.get('/api/orders/:id/live', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(orderIdParams, req.params, 'params');
    const headers = parseInput(orderLiveHeaders, req.headers, 'headers');
    // the wait and its reads on one version, read now for a token (as the REST routes do)
    const version = await activeVersions.version('orders', { fresh: headers['x-consistency-token'] !== undefined });
    const versionOrders = readStore.collection<OrderDocument>(orderCollections(version).orders);
    const { doc } = await readConsistently({
      readStore, projection: 'orders', version, stream: `order-${id}`, read: () => versionOrders.findOne({ _id: id }), tokenHeader: headers['x-consistency-token'], timeoutMs: consistencyWaitMs,
    });
    if (!isOrder(doc) || (doc.customerId !== principal.sub && principal.role !== 'admin')) throw new NotFoundError(`no order ${id}`, { orderId: id });
    const stream = hub.open(req, res, principal.sub);
    // Resuming: what the client saw last is not sent again; anything newer is, at once.
    let sent = lastEventIdOf(headers['last-event-id']);
    const push = (current: OrderDocument | null) => {
      if (!isOrder(current) || current.revision <= sent) return;
      sent = current.revision;
      stream.send({ event: 'status', id: String(current.revision), data: toOrderLiveEvent(current) });
    };
    push(doc);
    stream.onClose(orders.subscribe(id, push));
  });

  router.get('/api/products/:id/live', async (req, res) => {
    const { id } = parseInput(productIdParams, req.params, 'params');
    const headers = parseInput(productLiveHeaders, req.headers, 'headers');
    const doc = await readProduct(id);
    if (!doc) throw new NotFoundError(`no product ${id}`, { productId: id });
    const stream = hub.open(req, res, callerOf(req));
    let sent = lastEventIdOf(headers['last-event-id']);
    const push = (current: ProductDocument | null) => {
      if (!current || productVersionOf(current) <= sent) return;
      sent = productVersionOf(current);
      stream.send({ event: 'availability', id: String(sent), data: toProductLiveEvent(current) });
    };
    push(doc);
    stream.onClose(products.subscribe(id, push));
  });

  router.get('/api/admin/live', (req, res) => {
    const principal = requireRole(req, 'admin');
    const stream = hub.open(req, res, principal.sub);
    stream.onClose(adminFigures.subscribe('figures', (figures) => stream.send({ event: 'figures', data: figures })));
  });

  return {
    router,
    close() {
      hub.close();
      for (const poller of [orders, products, adminFigures]) poller.close();
    },
  };
}
