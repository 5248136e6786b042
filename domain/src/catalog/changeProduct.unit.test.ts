import { foldEvents, productDecider } from '..';
import { specificationFor } from '../shared/testing';
import {
  createTestChangeProductPrice,
  createTestDiscontinueProduct,
  createTestProductCreated,
  createTestProductDiscontinued,
  createTestUpdateProductDetails,
} from './testing';

const given = specificationFor(productDecider);
const created = createTestProductCreated;
const discontinued = createTestProductDiscontinued;
const details = (changes: { name?: string; description?: string; category?: string; tags?: string[] }) => ({
  type: 'ProductDetailsUpdated' as const,
  data: { productId: 'p-1', name: null, description: null, category: null, tags: null, ...changes },
});

describe('UpdateProductDetails', () => {
  it('records only the fields that changed', () => {
    given(created())
      .when(createTestUpdateProductDetails({ name: 'Big mug', description: 'A small mug', tags: ['mug', 'tea'] }))
      .then([details({ name: 'Big mug', tags: ['mug', 'tea'] })]);
  });

  it('compares against the latest details', () => {
    given(created(), details({ category: 'cups' }))
      .when(createTestUpdateProductDetails({ category: 'kitchen' }))
      .then([details({ category: 'kitchen' })]);
  });

  it('records nothing when nothing changes', () => {
    given(created())
      .when(createTestUpdateProductDetails({ name: 'Espresso mug', category: 'kitchen', tags: ['mug', 'coffee'] }))
      .thenNothingHappens();
    given(created()).when(createTestUpdateProductDetails()).thenNothingHappens();
  });

  it('treats reordered tags as a change', () => {
    given(created())
      .when(createTestUpdateProductDetails({ tags: ['coffee', 'mug'] }))
      .then([details({ tags: ['coffee', 'mug'] })]);
  });

  it('can clear the description and the tags', () => {
    given(created())
      .when(createTestUpdateProductDetails({ description: '', tags: [] }))
      .then([details({ description: '', tags: [] })]);
  });

  it('refuses an absent product', () => {
    given().when(createTestUpdateProductDetails({ name: 'x' })).thenThrows({ code: 'not_found' });
  });

  it('refuses a discontinued product', () => {
    given(created(), discontinued())
      .when(createTestUpdateProductDetails({ name: 'x' }))
      .thenThrows({ code: 'conflict', message: 'product is discontinued' });
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ category: 'c'.repeat(61) }, 'category'],
    [{ tags: ['ok', 't'.repeat(41)] }, 'tags.1'],
  ])('refuses invalid details %j', (changes, field) => {
    given(created()).when(createTestUpdateProductDetails(changes)).thenThrows({ code: 'validation', field });
  });
});

describe('ChangeProductPrice', () => {
  it('records the new and the previous price', () => {
    given(created())
      .when(createTestChangeProductPrice(999))
      .then([
        {
          type: 'ProductPriceChanged',
          data: { productId: 'p-1', price: { amount: 999, currency: 'EUR' }, previousPrice: { amount: 1250, currency: 'EUR' } },
        },
      ]);
  });

  it('allows a change of currency at the same amount', () => {
    given(created())
      .when(createTestChangeProductPrice(1250, 'USD'))
      .then([
        {
          type: 'ProductPriceChanged',
          data: { productId: 'p-1', price: { amount: 1250, currency: 'USD' }, previousPrice: { amount: 1250, currency: 'EUR' } },
        },
      ]);
  });

  it('records nothing for the same price', () => {
    given(created()).when(createTestChangeProductPrice(1250)).thenNothingHappens();
  });

  it('uses the latest price as the previous one', () => {
    const state = foldEvents(productDecider, [
      created(),
      ...productDecider.decide(createTestChangeProductPrice(500), foldEvents(productDecider, [created()])),
    ]);
    expect(productDecider.decide(createTestChangeProductPrice(700), state)).toEqual([
      {
        type: 'ProductPriceChanged',
        data: { productId: 'p-1', price: { amount: 700, currency: 'EUR' }, previousPrice: { amount: 500, currency: 'EUR' } },
      },
    ]);
  });

  it('refuses an absent product', () => {
    given().when(createTestChangeProductPrice(1)).thenThrows({ code: 'not_found' });
  });

  it('refuses a discontinued product', () => {
    given(created(), discontinued()).when(createTestChangeProductPrice(1)).thenThrows({ code: 'conflict' });
  });

  it.each([
    [-5, 'EUR', 'price.amount'],
    [1.5, 'EUR', 'price.amount'],
    [10, 'Eu', 'price.currency'],
  ])('refuses %p %p', (amount, currency, field) => {
    given(created()).when(createTestChangeProductPrice(amount, currency)).thenThrows({ code: 'validation', field });
  });
});

describe('DiscontinueProduct', () => {
  it('discontinues an active product, with or without a reason', () => {
    given(created()).when(createTestDiscontinueProduct('recalled')).then([discontinued('recalled')]);
    given(created()).when(createTestDiscontinueProduct()).then([discontinued(null)]);
  });

  it('is idempotent', () => {
    given(created(), discontinued()).when(createTestDiscontinueProduct('again')).thenNothingHappens();
  });

  it('refuses an absent product', () => {
    given().when(createTestDiscontinueProduct()).thenThrows({ code: 'not_found' });
  });

  it('refuses an empty or too long reason', () => {
    given(created()).when(createTestDiscontinueProduct('')).thenThrows({ code: 'validation', field: 'reason' });
    given(created()).when(createTestDiscontinueProduct('r'.repeat(501))).thenThrows({ code: 'validation', field: 'reason' });
  });
});
