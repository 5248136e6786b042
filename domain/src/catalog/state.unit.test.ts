import { foldEvents, productDecider } from '..';
import { createTestProductCreated, createTestProductDiscontinued } from './testing';

describe('product state', () => {
  it('starts absent', () => {
    expect(foldEvents(productDecider, [])).toEqual({ status: 'absent' });
  });

  it('folds details, price and discontinuation', () => {
    const state = foldEvents(productDecider, [
      createTestProductCreated({ listedBy: 'user-1' }),
      {
        type: 'ProductDetailsUpdated',
        data: { productId: 'p-1', name: 'Big mug', description: null, category: null, tags: ['big'] },
      },
      {
        type: 'ProductPriceChanged',
        data: { productId: 'p-1', price: { amount: 10, currency: 'GBP' }, previousPrice: { amount: 1250, currency: 'EUR' } },
      },
      createTestProductDiscontinued('gone'),
    ]);
    expect(state).toEqual({
      status: 'discontinued',
      productId: 'p-1',
      sku: 'MUG-001',
      name: 'Big mug',
      description: 'A small mug',
      category: 'kitchen',
      tags: ['big'],
      price: { amount: 10, currency: 'GBP' },
      listedBy: 'user-1',
      images: [],
    });
  });

  it('ignores changes to a product it has not seen created', () => {
    expect(foldEvents(productDecider, [createTestProductDiscontinued()])).toEqual({ status: 'absent' });
  });
});
