import { productDecider, productStreamId } from '.';
import { specificationFor } from '../shared/testing';
import { createTestCreateProduct, createTestProductCreated, createTestProductDiscontinued } from './testing';

const given = specificationFor(productDecider);

describe('CreateProduct', () => {
  it('creates an absent product', () => {
    given().when(createTestCreateProduct()).then([createTestProductCreated()]);
  });

  it('records the listing customer', () => {
    given()
      .when(createTestCreateProduct({ listedBy: 'user-7' }))
      .then([createTestProductCreated({ listedBy: 'user-7' })]);
  });

  it('accepts a free product and an empty description and no tags', () => {
    const data = { price: { amount: 0, currency: 'USD' }, description: '', tags: [] };
    given().when(createTestCreateProduct(data)).then([createTestProductCreated(data)]);
  });

  it('refuses to create a product that exists', () => {
    given(createTestProductCreated())
      .when(createTestCreateProduct())
      .thenThrows({ code: 'conflict', field: 'productId', message: /already exists/ });
  });

  it('refuses to recreate a discontinued product', () => {
    given(createTestProductCreated(), createTestProductDiscontinued())
      .when(createTestCreateProduct())
      .thenThrows({ code: 'conflict', field: 'productId' });
  });

  it.each([
    ['a lower-case SKU', { sku: 'mug-001' }, 'sku'],
    ['a one-character SKU', { sku: 'M' }, 'sku'],
    ['a SKU starting with a dash', { sku: '-MUG' }, 'sku'],
    ['a 65-character SKU', { sku: 'A'.repeat(65) }, 'sku'],
    ['a SKU with a space', { sku: 'MUG 1' }, 'sku'],
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a 201-character name', { name: 'n'.repeat(201) }, 'name'],
    ['an empty category', { category: '' }, 'category'],
    ['a 61-character category', { category: 'c'.repeat(61) }, 'category'],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ['an empty tag', { tags: ['ok', ''] }, 'tags.1'],
    ['a 41-character tag', { tags: ['t'.repeat(41)] }, 'tags.0'],
    ['a negative price', { price: { amount: -1, currency: 'EUR' } }, 'price.amount'],
    ['a fractional price', { price: { amount: 12.5, currency: 'EUR' } }, 'price.amount'],
    ['an unsafe price', { price: { amount: 2 ** 53, currency: 'EUR' } }, 'price.amount'],
    ['a NaN price', { price: { amount: Number.NaN, currency: 'EUR' } }, 'price.amount'],
    ['a lower-case currency', { price: { amount: 1, currency: 'eur' } }, 'price.currency'],
    ['a four-letter currency', { price: { amount: 1, currency: 'EURO' } }, 'price.currency'],
    ['an empty product id', { productId: '' }, 'productId'],
    ['an empty listedBy', { listedBy: '' }, 'listedBy'],
  ])('refuses %s', (_label, overrides, field) => {
    given().when(createTestCreateProduct(overrides)).thenThrows({ code: 'validation', field });
  });

  it('accepts the boundary lengths', () => {
    const data = {
      sku: `A${'-'.repeat(63)}`,
      name: 'n'.repeat(200),
      category: 'c'.repeat(60),
      tags: Array.from({ length: 20 }, () => 't'.repeat(40)),
    };
    given().when(createTestCreateProduct(data)).then([createTestProductCreated(data)]);
  });

  it('copies the command tags instead of sharing the array', () => {
    const command = createTestCreateProduct();
    const [event] = productDecider.decide(command, productDecider.initialState());
    command.data.tags.push('later');
    expect(event?.type === 'ProductCreated' && event.data.tags).toEqual(['mug', 'coffee']);
  });

  it('names the stream after the product id', () => {
    expect(productStreamId('p-1')).toBe('product-p-1');
  });
});
