import { AppError, timeOrderedId } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import type { CreateProductBody, UpdateProductBody } from '@ecommerce/schemas';
import { inventoryDecider, inventoryStreamId, productDecider, productStreamId, skuDecider, skuStreamId } from '@ecommerce/domain';
import type { Product, ProductState } from '@ecommerce/domain';
import { handleCommand } from '../handle-command';
import type { CommandContext, CommandOutcome } from '../handle-command';
import type { CommandAnswer } from '../command-answer';

/** Admins, and the customer who listed the product, may change it (images included). */
export const mayChangeProduct = (principal: Principal) => (state: ProductState) => {
  if (state.status === 'absent') return;
  if (principal.role !== 'admin' && (state as Product).listedBy !== principal.sub) {
    throw new AppError('forbidden', 'only an admin or the customer who listed this product may change it');
  }
};

const requireAdmin = (principal: Principal, what: string) => {
  if (principal.role !== 'admin') throw new AppError('forbidden', `${what} requires role admin`);
};

/**
 * The catalog's write side, shared by the HTTP routes and the demo seed. Each method is
 * one or more `handleCommand` calls; the SKU is made unique by claiming its reservation
 * stream before the product stream is created.
 */
export function createCatalogCommands(context: CommandContext) {
  const answerOf = (id: string, stream: string, outcome: CommandOutcome<unknown, unknown>, fallbackPosition = 0): CommandAnswer => ({
    id,
    stream,
    revision: outcome.revision,
    position: outcome.append?.position ?? fallbackPosition,
  });

  async function restockInternal(sku: string, quantity: number, reference: string | null, actor: string) {
    return handleCommand(context, {
      streamId: inventoryStreamId(sku),
      decider: inventoryDecider,
      commands: [{ type: 'Restock', data: { sku, quantity, reference } }],
      actor,
    });
  }

  async function requireKnownSku(sku: string): Promise<void> {
    const claims = await context.eventStore.readStream(skuStreamId(sku), { maxCount: 1 });
    if (claims.length === 0) throw new AppError('not_found', `no product has SKU ${sku}`, { issues: [{ field: 'sku', message: 'unknown SKU' }] });
  }

  return {
    async createProduct(input: CreateProductBody, principal: Principal, productId: string = timeOrderedId()): Promise<CommandAnswer> {
      const listedBy = principal.role === 'admin' ? null : principal.sub;
      await handleCommand(context, {
        streamId: skuStreamId(input.sku),
        decider: skuDecider,
        commands: [{ type: 'ClaimSku', data: { sku: input.sku, productId } }],
        actor: principal.sub,
      });
      const created = await handleCommand(context, {
        streamId: productStreamId(productId),
        decider: productDecider,
        commands: [{ type: 'CreateProduct', data: { productId, sku: input.sku, name: input.name, description: input.description, category: input.category, tags: input.tags, price: input.price, listedBy } }],
        actor: principal.sub,
      });
      if (input.initialStock === undefined) return answerOf(productId, productStreamId(productId), created);
      const stocked = await restockInternal(input.sku, input.initialStock, 'initial stock', principal.sub);
      return answerOf(productId, inventoryStreamId(input.sku), stocked);
    },

    async updateProduct(productId: string, input: UpdateProductBody, principal: Principal, expectedRevision?: number | 'stream_exists'): Promise<CommandAnswer> {
      const { price, ...details } = input;
      const hasDetails = Object.values(details).some((value) => value !== undefined);
      const outcome = await handleCommand(context, {
        streamId: productStreamId(productId),
        decider: productDecider,
        commands: [
          ...(hasDetails ? [{ type: 'UpdateProductDetails' as const, data: { productId, ...details } }] : []),
          ...(price ? [{ type: 'ChangeProductPrice' as const, data: { productId, price } }] : []),
        ],
        expectedRevision,
        authorize: mayChangeProduct(principal),
        actor: principal.sub,
      });
      return answerOf(productId, productStreamId(productId), outcome, await context.eventStore.headPosition());
    },

    async discontinueProduct(productId: string, reason: string | undefined, principal: Principal, expectedRevision?: number | 'stream_exists'): Promise<CommandAnswer> {
      const outcome = await handleCommand(context, {
        streamId: productStreamId(productId),
        decider: productDecider,
        commands: [{ type: 'DiscontinueProduct', data: { productId, ...(reason ? { reason } : {}) } }],
        expectedRevision,
        authorize: mayChangeProduct(principal),
        actor: principal.sub,
      });
      return answerOf(productId, productStreamId(productId), outcome, await context.eventStore.headPosition());
    },

    async restock(sku: string, quantity: number, reference: string | undefined, principal: Principal): Promise<CommandAnswer> {
      requireAdmin(principal, 'restocking');
      await requireKnownSku(sku);
      const outcome = await restockInternal(sku, quantity, reference ?? null, principal.sub);
      return answerOf(sku, inventoryStreamId(sku), outcome);
    },

    async adjust(sku: string, delta: number, reason: string, principal: Principal): Promise<CommandAnswer> {
      requireAdmin(principal, 'adjusting stock');
      await requireKnownSku(sku);
      const outcome = await handleCommand(context, {
        streamId: inventoryStreamId(sku),
        decider: inventoryDecider,
        commands: [{ type: 'AdjustStock', data: { sku, delta, reason } }],
        actor: principal.sub,
      });
      return answerOf(sku, inventoryStreamId(sku), outcome);
    },
  };
}

export type CatalogCommands = ReturnType<typeof createCatalogCommands>;
