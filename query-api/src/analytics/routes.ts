import { Router } from 'express';
import { consistencyHeader, decodeConsistencyToken, describeRoute, parseInput, requireRole } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { analyticsCollections, consistencyHeaders } from '@ecommerce/schemas';
import type { AnalyticsFactDocument, ProductCategoryDocument } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { waitForPosition } from '../consistency';
import { aggregateAnalytics } from './aggregate';
import { analyticsQuery, analyticsViewSchema, maxAnalyticsDays } from './schemas';

export interface AnalyticsQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

/** Sales figures for admins, summed at read time from the facts of the range (see the analytics projection). */
export function analyticsQueryRoutes({ readStore, consistencyWaitMs }: AnalyticsQueryDeps): Router {
  const router = Router();

  router.get('/api/admin/analytics', async (req, res) => {
    requireRole(req, 'admin');
    const { from, to } = parseInput(analyticsQuery, req.query, 'query');
    const tokenHeader = req.header(consistencyHeader);
    const { version, collection: facts } = await activeCollection<AnalyticsFactDocument>(readStore, 'analytics', (v) => analyticsCollections(v).facts, versionReadOf(req));
    let consistent = true;
    if (tokenHeader !== undefined) consistent = await waitForPosition(readStore, 'analytics', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs);
    const touching = await facts.find({ firstDay: { $lte: to }, lastDay: { $gte: from } });
    const productIds = [...new Set(touching.flatMap((fact) => (fact.kind === 'order' ? fact.lines.map((line) => line.productId) : [])))];
    const known = productIds.length === 0 ? [] : await readStore.collection<ProductCategoryDocument>(analyticsCollections(version).categories).find({ _id: { $in: productIds } });
    const categories = new Map(known.map((doc) => [doc._id, doc.category]));
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json(aggregateAnalytics(touching, categories, from, to));
  });

  return router;
}

export function describeAnalyticsQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/admin/analytics', tags: ['analytics'], query: analyticsQuery, headers: consistencyHeaders,
    summary: `Admins: orders placed and paid, revenue (payments captured) and refunds per currency, per UTC day and product category, carts → orders → paid conversion and average order value, from \`from\` to \`to\` (dates, both included, at most ${maxAnalyticsDays} days)`,
    responses: {
      200: { description: 'the figures of every day of the range and their totals', schema: analyticsViewSchema },
      401: { description: 'not authenticated' },
      403: { description: 'not an admin' },
    },
  });
}
