import { upstreamError } from './errors';
import type { Upstream, UpstreamCall } from './upstream';

export interface RecordedCall extends UpstreamCall {
  api: 'query' | 'command';
}

/**
 * A double of the APIs for unit tests: answers by path from `routes`, records every call, and
 * refuses unknown paths with the 404 problem the APIs would send.
 */
export function createTestUpstream(routes: Record<string, (call: UpstreamCall) => unknown>): Upstream & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  return {
    calls,
    async call<T>(api: 'query' | 'command', call: UpstreamCall): Promise<T> {
      calls.push({ api, ...call });
      const route = Object.entries(routes).find(([pattern]) => new RegExp(`^${pattern}$`).test(`${call.method} ${call.path}`));
      if (!route) throw upstreamError(404, { detail: `no route ${call.method} ${call.path}` });
      return route[1](call) as T;
    },
  };
}

let serial = 0;
export const testId = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;

export const testProduct = (id: string) => ({
  id, sku: `SKU-${id.slice(-4)}`, name: `Product ${id.slice(-4)}`, description: '', category: 'kitchen', tags: [], price: { amount: 1299, currency: 'EUR' },
  status: 'active', listedBy: null, stock: { available: 3, inStock: true }, revision: 0, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
});

export const testOrder = (productIds: string[]) => ({
  id: testId(), customerId: testId(), status: 'placed', total: { amount: 1299 * productIds.length, currency: 'EUR' }, shippingAddress: null, timeline: [{ status: 'placed', event: 'OrderPlaced', at: '2024-01-01T00:00:00.000Z' }],
  paymentDeadline: null, payment: { status: 'none', paymentId: null, paidAmount: null, paidAt: null, attempts: [] }, refund: { status: 'none', requested: { amount: 0, currency: 'EUR' }, succeeded: { amount: 0, currency: 'EUR' }, refunds: [] },
  shipment: null, delivery: null, completion: null, return: null, placedAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', revision: 0,
  lines: productIds.map((productId) => ({ productId, sku: 'SKU', name: 'Line', quantity: 1, unitPrice: { amount: 1299, currency: 'EUR' } })),
});
