import { Router } from 'express';
import { NotFoundError, consistencyHeader, describeRoute, etagOf, parseInput, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { consistencyHeaders, paymentCollections, paymentIdParams, paymentViewSchema } from '@ecommerce/schemas';
import type { PaymentDocument } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { readConsistently } from '../orders/read-your-writes';
import { toPaymentView } from './view';

export interface PaymentQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

/** One payment, for the customer who made it and for admins; anyone else gets the 404 of an unknown payment. */
export function paymentQueryRoutes({ readStore, consistencyWaitMs }: PaymentQueryDeps): Router {
  const router = Router();

  router.get('/api/payments/:id', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(paymentIdParams, req.params, 'params');
    const { version, collection: payments } = await activeCollection<PaymentDocument>(readStore, 'payments', (v) => paymentCollections(v).payments, versionReadOf(req));
    const { doc, consistent } = await readConsistently({
      readStore, projection: 'payments', version, stream: `payment-${id}`, read: () => payments.findOne({ _id: id }), tokenHeader: req.header(consistencyHeader), timeoutMs: consistencyWaitMs,
    });
    if (!doc || (doc.customerId !== principal.sub && principal.role !== 'admin')) throw new NotFoundError(`no payment ${id}`, { paymentId: id });
    res.set({ ETag: etagOf(doc.revision), 'X-Read-Consistency': consistent ? 'consistent' : 'stale' }).json(toPaymentView(doc));
  });

  return router;
}

export function describePaymentQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/payments/{id}', tags: ['payments'], params: paymentIdParams, headers: consistencyHeaders,
    summary: "One payment with its status, the customer action it waits for, and its refunds (the payer's own; admins any); its ETag is the payment stream revision",
    responses: { 200: { description: 'the payment', schema: paymentViewSchema }, 401: { description: 'not authenticated' }, 404: { description: 'no such payment of the caller' } },
  });
}
