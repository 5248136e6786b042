import { AppError, createStreamStateCache } from '@ecommerce/platform';
import type { EventStore, StreamStateCache } from '@ecommerce/platform';
import { productDecider, productStreamId } from '@ecommerce/domain';
import type { PlaceOrderLine, ProductState } from '@ecommerce/domain';

export interface RequestedLine {
  productId: string;
  quantity: number;
}

/** Per event store, the products' latest states: each placement reads only what changed since. */
const productStates = new WeakMap<EventStore, StreamStateCache<ProductState>>();

function productsOf(eventStore: EventStore): StreamStateCache<ProductState> {
  let cache = productStates.get(eventStore);
  if (!cache) {
    cache = createStreamStateCache(eventStore, productDecider);
    productStates.set(eventStore, cache);
  }
  return cache;
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
  const cache = productsOf(eventStore);
  const products = await Promise.all(requested.map(async (line) => (await cache.aggregate(productStreamId(line.productId))).state));
  return requested.map((line, index) => {
    const product = products[index] ?? productDecider.initialState();
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
