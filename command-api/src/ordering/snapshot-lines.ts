import { AppError } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';
import { foldEvents, productDecider, productStreamId } from '@ecommerce/domain';
import type { PlaceOrderLine, ProductEvent } from '@ecommerce/domain';

export interface RequestedLine {
  productId: string;
  quantity: number;
}

/**
 * Order lines with name, SKU and price taken from each product's own stream (the source of
 * truth, not the read model, so a just-changed price is the one charged). `fieldOf` names
 * the request field of a line for the 4xx answer: `lines.2.productId`, `cart.items.0.productId`.
 */
export async function snapshotLines(
  eventStore: EventStore,
  requested: readonly RequestedLine[],
  fieldOf: (index: number) => string,
  /** A product named in a body is bad input (400); one named in the path is a missing resource (404). */
  unknownProductIs: 'validation' | 'not_found' = 'validation',
): Promise<PlaceOrderLine[]> {
  const histories = await Promise.all(requested.map((line) => eventStore.readStream(productStreamId(line.productId))));
  return requested.map((line, index) => {
    const product = foldEvents(productDecider, (histories[index] ?? []).map((event) => ({ type: event.type, data: event.data }) as unknown as ProductEvent));
    const field = fieldOf(index);
    if (product.status === 'absent') {
      throw new AppError(unknownProductIs, `unknown product ${line.productId}`, { issues: [{ field, message: `unknown product ${line.productId}` }] });
    }
    if (product.status === 'discontinued') {
      throw new AppError('conflict', `product ${line.productId} is discontinued`, { issues: [{ field, message: `product ${line.productId} is discontinued` }] });
    }
    return { productId: line.productId, sku: product.sku, name: product.name, quantity: line.quantity, unitPrice: { ...product.price } };
  });
}
