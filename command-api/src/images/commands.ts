import { AppError, aggregateStream, createImageVariants, timeOrderedId } from '@ecommerce/platform';
import type { ImageStore, Logger, Principal } from '@ecommerce/platform';
import type { ProductImageVariant } from '@ecommerce/schemas';
import { productDecider, productStreamId } from '@ecommerce/domain';
import { mayChangeProduct } from '../catalog/commands';
import { answerOf } from '../command-answer';
import type { CommandAnswer } from '../command-answer';
import { handleCommand } from '../handle-command';
import type { CommandContext } from '../handle-command';

export interface ImagesDeps {
  store: ImageStore;
  /** Largest upload in bytes (IMAGE_MAX_BYTES). */
  maxBytes: number;
  logger?: Pick<Logger, 'warn'>;
}

export interface AddedImage extends CommandAnswer {
  imageId: string;
  variants: ProductImageVariant[];
}

/**
 * Product images: the objects are stored first, then `ProductImageAdded` names them; a refused
 * append deletes what it stored. Removal appends first and deletes the objects after, so a
 * crash between leaves an unreferenced object, never a reference to a missing one.
 */
export function createImageCommands(context: CommandContext, deps: ImagesDeps) {
  /** Who may add an image, checked before the body is read: nothing is stored for a caller who may not. */
  async function checkMayAddImage(productId: string, principal: Principal): Promise<void> {
    const { state } = await aggregateStream(context.eventStore, productStreamId(productId), productDecider);
    if (state.status === 'absent') throw new AppError('not_found', 'product not found');
    mayChangeProduct(principal)(state);
    if (state.status === 'discontinued') throw new AppError('conflict', 'product is discontinued');
  }

  async function addImage(productId: string, body: Buffer, contentType: string, principal: Principal): Promise<AddedImage> {
    const rendered = await createImageVariants(body, contentType);
    const imageId = timeOrderedId();
    const variants: ProductImageVariant[] = rendered.map((variant) => ({
      name: variant.name, key: `products/${productId}/${imageId}/${variant.name}.${variant.extension}`, contentType: variant.contentType, width: variant.width, height: variant.height, bytes: variant.body.length,
    }));
    await Promise.all(variants.map((variant, index) => deps.store.put(variant.key, (rendered[index] as (typeof rendered)[number]).body, variant.contentType)));
    try {
      const outcome = await handleCommand(context, {
        streamId: productStreamId(productId),
        decider: productDecider,
        commands: [{ type: 'AddProductImage', data: { productId, imageId, variants } }],
        authorize: mayChangeProduct(principal),
        actor: principal.sub,
      });
      return { ...(await answerOf(context, imageId, productStreamId(productId), outcome)), imageId, variants };
    } catch (error) {
      await deleteObjects(variants.map((variant) => variant.key));
      throw error;
    }
  }

  async function removeImage(productId: string, imageId: string, principal: Principal, expectedRevision?: number | 'stream_exists'): Promise<CommandAnswer> {
    let keys: string[] = [];
    const outcome = await handleCommand(context, {
      streamId: productStreamId(productId),
      decider: productDecider,
      commands: [{ type: 'RemoveProductImage', data: { productId, imageId } }],
      expectedRevision,
      authorize: (state) => {
        mayChangeProduct(principal)(state);
        if (state.status !== 'absent') keys = state.images.find((image) => image.imageId === imageId)?.keys ?? [];
      },
      actor: principal.sub,
    });
    await deleteObjects(keys);
    return answerOf(context, imageId, productStreamId(productId), outcome);
  }

  async function deleteObjects(keys: string[]): Promise<void> {
    const results = await Promise.allSettled(keys.map((key) => deps.store.delete(key)));
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) deps.logger?.warn({ keys, err: (failed[0] as PromiseRejectedResult).reason }, 'could not delete stored image objects; they are unreferenced');
  }

  return { checkMayAddImage, addImage, removeImage, store: deps.store, maxBytes: deps.maxBytes };
}

export type ImageCommands = ReturnType<typeof createImageCommands>;
