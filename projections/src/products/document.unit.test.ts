import { evolveStockCounts, foldStockCounts } from './document';

describe('stock counts of the products read model', () => {
  it('follows restocks, adjustments, reservations, releases and sales', () => {
    const events = [
      { type: 'StockRestocked', data: { quantity: 10 } },
      { type: 'StockAdjusted', data: { delta: -2 } },
      { type: 'StockReserved', data: { quantity: 3 } },
      { type: 'StockReserved', data: { quantity: 4 } },
      { type: 'StockReleased', data: { quantity: 3 } },
      { type: 'StockCommitted', data: { quantity: 4 } },
      { type: 'StockReservationRejected', data: { quantity: 50 } },
    ];
    const doc = events.reduce<ReturnType<typeof evolveStockCounts> | null>((current, event, revision) => evolveStockCounts('SKU-1', current && { _id: 'SKU-1', ...current }, { ...event, revision }), null);
    expect(doc).toMatchObject({ received: 10, adjusted: -2, reserved: 0, sold: 4, available: 4, revision: 6 });
  });
});

describe('folding a batch of one SKU', () => {
  const reserved = (revision: number, quantity: number) => ({ type: 'StockReserved', data: { quantity }, revision });

  it('skips events the stock document has seen and ends at the last revision folded', () => {
    const current = { _id: 'SKU-1', sku: 'SKU-1', received: 10, adjusted: 0, reserved: 2, sold: 0, available: 8, revision: 1 };
    expect(foldStockCounts('SKU-1', current, [reserved(0, 5), reserved(1, 5), reserved(2, 3), reserved(3, 1)])).toEqual({
      sku: 'SKU-1', received: 10, adjusted: 0, reserved: 6, sold: 0, returned: 0, available: 4, revision: 3,
    });
  });

  it('gives null when every event is already seen, and starts from zero without a document', () => {
    const current = { _id: 'SKU-1', sku: 'SKU-1', received: 1, adjusted: 0, reserved: 0, sold: 0, available: 1, revision: 4 };
    expect(foldStockCounts('SKU-1', current, [reserved(3, 1), reserved(4, 1)])).toBeNull();
    expect(foldStockCounts('SKU-1', null, [{ type: 'StockRestocked', data: { quantity: 3 }, revision: 0 }, reserved(1, 1)])).toMatchObject({ available: 2, reserved: 1, revision: 1 });
  });

  it('counts from a stock document that only knows its product', () => {
    expect(foldStockCounts('SKU-1', { _id: 'SKU-1', sku: 'SKU-1', productId: 'p', received: 0, adjusted: 0, reserved: 0, sold: 0, available: 0 }, [reserved(0, 1)])).toMatchObject({ reserved: 1, available: -1, revision: 0 });
  });
});
