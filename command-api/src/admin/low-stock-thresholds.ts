import { Router } from 'express';
import { AppError, describeRoute, parseInput, requireRole } from '@ecommerce/platform';
import type { OpenAPIRegistry, Principal } from '@ecommerce/platform';
import { inventoryDecider, inventoryStreamId, skuStreamId } from '@ecommerce/domain';
import { commandAcceptedSchema, lowStockThresholdBody, skuParams } from '@ecommerce/schemas';
import { answerOf } from '../command-answer';
import type { CommandAnswer } from '../command-answer';
import { handleCommand } from '../handle-command';
import type { CommandContext } from '../handle-command';
import { acceptedResponse, respond } from '../routes/respond';

/** An admin's low-stock level per SKU: a fact of the SKU's inventory stream, as restocks and adjustments are. */
export function createLowStockThresholds(context: CommandContext) {
  return {
    async set(sku: string, threshold: number | null, principal: Principal): Promise<CommandAnswer> {
      // a threshold for a SKU no product holds would list stock that cannot exist
      const claims = await context.eventStore.readStream(skuStreamId(sku), { maxCount: 1 });
      if (claims.length === 0) throw new AppError('not_found', `no product has SKU ${sku}`, { issues: [{ field: 'sku', message: 'unknown SKU' }] });
      const outcome = await handleCommand(context, {
        streamId: inventoryStreamId(sku),
        decider: inventoryDecider,
        commands: [{ type: 'SetLowStockThreshold', data: { sku, threshold } }],
        actor: principal.sub,
      });
      return answerOf(context, sku, inventoryStreamId(sku), outcome);
    },
  };
}

export type LowStockThresholds = ReturnType<typeof createLowStockThresholds>;

export function lowStockThresholdRoutes({ thresholds }: { thresholds: LowStockThresholds }): Router {
  const router = Router();
  router.put('/api/admin/inventory/:sku/low-stock-threshold', async (req, res) => {
    const principal = requireRole(req, 'admin');
    const { sku } = parseInput(skuParams, req.params, 'params');
    const { threshold } = parseInput(lowStockThresholdBody, req.body, 'body');
    respond(res, 202, await thresholds.set(sku, threshold, principal));
  });
  return router;
}

export function describeLowStockThresholdRoutes(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'put', path: '/api/admin/inventory/{sku}/low-stock-threshold', tags: ['inventory'], params: skuParams, body: lowStockThresholdBody,
    summary: 'Admins: the available stock at or below which this SKU is low (`null`: the `LOW_STOCK_THRESHOLD` setting); the same value again appends nothing',
    responses: { 202: { ...acceptedResponse, schema: commandAcceptedSchema }, 401: { description: 'not authenticated' }, 403: { description: 'not an admin' }, 404: { description: 'no product has this SKU' } },
  });
}
