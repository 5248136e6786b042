import { evolveStockCounts } from './document';

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
