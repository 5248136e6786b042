import fc from 'fast-check';
import { isCurrencyCode, isMoneyAmount, maxMoneyAmount } from '@ecommerce/schemas';
import { productDecider, productLimits, skuDecider } from '..';
import type { ProductCommand, ProductState, SkuReservationCommand } from '..';
import { checkDeciderProperties } from '../shared/properties';

const productId = 'p-1';
/** Text at and past its bounds: empty, blank, ordinary, one too long. */
const text = (max: number) => fc.oneof(fc.constantFrom('', '   ', 'Mug', 'Tea pot', 'x'.repeat(max), 'x'.repeat(max + 1)), fc.string({ maxLength: 8 }));
const price = fc.record({
  amount: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.constantFrom(maxMoneyAmount, maxMoneyAmount + 1, -1, 1.5, Number.NaN)),
  currency: fc.constantFrom('EUR', 'EUR', 'USD', 'AAA', 'eur'),
});
const tags = fc.array(text(productLimits.tagMax), { maxLength: productLimits.tagsMax + 1 });

const productCommand: fc.Arbitrary<ProductCommand> = fc.oneof(
  fc.record({ name: text(productLimits.nameMax), category: text(productLimits.categoryMax), price, tags }).map(
    ({ name, category, price, tags }): ProductCommand => ({
      type: 'CreateProduct',
      data: { productId, sku: 'MUG-001', name, description: 'A mug', category, tags, price, listedBy: null },
    }),
  ),
  fc
    .record({ name: text(productLimits.nameMax), description: text(productLimits.descriptionMax), category: text(productLimits.categoryMax), tags }, { requiredKeys: [] })
    .map((changes): ProductCommand => ({ type: 'UpdateProductDetails', data: { productId, ...changes } })),
  price.map((price): ProductCommand => ({ type: 'ChangeProductPrice', data: { productId, price } })),
  fc.option(text(productLimits.reasonMax), { nil: null }).map((reason): ProductCommand => ({ type: 'DiscontinueProduct', data: { productId, reason } })),
);

const isBlank = (value: string) => value.trim().length === 0;

describe('a product under any sequence of commands', () => {
  it('keeps a valid price and valid details, never changes its id or SKU, and changes nothing once discontinued', () => {
    checkDeciderProperties({
      decider: productDecider,
      command: productCommand,
      invariant: (product: ProductState) => {
        if (product.status === 'absent') return;
        expect(isMoneyAmount(product.price.amount) && isCurrencyCode(product.price.currency)).toBe(true);
        expect(isBlank(product.name) || product.name.length > productLimits.nameMax).toBe(false);
        expect(isBlank(product.category) || product.category.length > productLimits.categoryMax).toBe(false);
        expect(product.tags.length).toBeLessThanOrEqual(productLimits.tagsMax);
        for (const tag of product.tags) expect(isBlank(tag) || tag.length > productLimits.tagMax).toBe(false);
      },
      step: ({ before, events, after }) => {
        if (before.status === 'discontinued') expect(events).toEqual([]);
        if (before.status !== 'absent' && after.status !== 'absent') expect([after.productId, after.sku]).toEqual([before.productId, before.sku]);
      },
      // A create is not: the second one is a conflict (the API's Idempotency-Key answers retried creates).
      isRetried: (command) => command.type !== 'CreateProduct',
    });
  });
});

const skuCommand: fc.Arbitrary<SkuReservationCommand> = fc
  .record({ sku: fc.constantFrom('MUG-001', 'mug 001', ''), productId: fc.constantFrom('p-1', 'p-2', '') })
  .map(({ sku, productId }) => ({ type: 'ClaimSku', data: { sku, productId } }));

describe('a SKU reservation under any sequence of claims', () => {
  it('belongs to its first valid claimant for ever; the same claim again appends nothing', () => {
    checkDeciderProperties({
      decider: skuDecider,
      command: skuCommand,
      invariant: () => undefined,
      step: ({ before, after }) => {
        if (before.status === 'claimed') expect(after).toEqual(before);
      },
      isRetried: () => true,
    });
  });
});
