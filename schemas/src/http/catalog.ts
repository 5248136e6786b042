import { z } from 'zod';
import { maxMoneyAmount } from '../money';
import { commandAcceptedSchema, cursorSchema, idSchema, moneySchema, moneyViewSchema, optionalTrimmedText, quantitySchema, queryInteger, skuSchema, trimmedText } from './common';

const name = trimmedText(200);
const description = z.string({ error: 'must be a string' }).max(5000, 'must be at most 5000 characters');
const category = trimmedText(60).toLowerCase();
const tags = z.array(trimmedText(40).toLowerCase()).max(20, 'at most 20 tags');

export const createProductBody = z.strictObject({
  sku: skuSchema,
  name,
  description: description.default(''),
  category,
  tags: tags.default([]),
  price: moneySchema,
  initialStock: quantitySchema.optional(),
});

/** At least one field: the document says so with `minProperties`, and no field may be given as undefined in JSON. */
export const updateProductBody = z
  .strictObject({ name: name.optional(), description: description.optional(), category: category.optional(), tags: tags.optional(), price: moneySchema.optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'give at least one field to change', path: ['body'] })
  .meta({ minProperties: 1 } as Record<string, unknown>);

export const discontinueProductBody = z.strictObject({ reason: z.string({ error: 'must be a string' }).max(500, 'must be at most 500 characters').optional() });

export const restockBody = z.strictObject({ quantity: quantitySchema, reference: z.string({ error: 'must be a string' }).max(200, 'must be at most 200 characters').optional() });

export const adjustStockBody = z.strictObject({
  delta: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(-1_000_000_000, 'must be at least -1000000000')
    .max(1_000_000_000, 'must be at most 1000000000')
    .refine((value) => value !== 0, 'must not be zero')
    .meta({ not: { const: 0 } } as Record<string, unknown>),
  reason: trimmedText(200),
});

export const skuParams = z.strictObject({ sku: skuSchema });
export const productIdParams = z.strictObject({ id: idSchema });

/** `relevance` (best match first, ties by id) needs `q`, and is the order when `q` is given without `sort`. */
export const productSorts = ['relevance', 'name', '-name', 'price', '-price', 'newest'] as const;

export const listProductsQuery = z.strictObject({
  q: optionalTrimmedText(200).optional(),
  category: optionalTrimmedText(60).toLowerCase().optional(),
  /** Minor units (of `currency` when given, else of each product's own); a range whose minimum passes its maximum holds no product. */
  minPrice: queryInteger(0, maxMoneyAmount).optional(),
  maxPrice: queryInteger(0, maxMoneyAmount).optional(),
  /** Only products priced in this currency: what makes a price range mean one amount in a catalog of several currencies. */
  currency: moneySchema.shape.currency.optional(),
  inStock: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  /** Default: `relevance` with `q`, `name` without. */
  sort: z.enum(productSorts).optional(),
  limit: queryInteger(1, 100).default(20),
  cursor: cursorSchema.optional(),
});

export const productViewSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  price: moneyViewSchema,
  status: z.enum(['active', 'discontinued']),
  listedBy: z.string().nullable(),
  stock: z.object({ available: z.number().int(), inStock: z.boolean() }),
  /** Upload order; each URL is served by `GET /images/…` (public, immutable). */
  images: z.array(z.object({ id: z.string(), urls: z.object({ thumbnail: z.string(), medium: z.string(), original: z.string() }), width: z.number().int(), height: z.number().int() })),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const productFacetsSchema = z.object({
  /** Products matching `q` and the filters; when `truncated`, more matched and only the first 1000 by id were ranked and counted. */
  matched: z.number().int(),
  truncated: z.boolean(),
  categories: z.array(z.object({ category: z.string(), count: z.number().int() })),
  /** Minor units, `[min, max)`; `max` null for the open top band. Bands: 0, 2000, 5000, 10000, 20000. */
  priceBands: z.array(z.object({ min: z.number().int(), max: z.number().int().nullable(), count: z.number().int() })),
  inStock: z.object({ inStock: z.number().int(), outOfStock: z.number().int() }),
});

export const productPageSchema = z.object({
  items: z.array(productViewSchema),
  nextCursor: z.string().nullable(),
  /** Counts over everything the search matched (not only this page); null without `q`. */
  facets: productFacetsSchema.nullable(),
});

export const createProductAccepted = commandAcceptedSchema;

export type CreateProductBody = z.infer<typeof createProductBody>;
export type UpdateProductBody = z.infer<typeof updateProductBody>;
export type ListProductsQuery = z.infer<typeof listProductsQuery>;
export type ProductView = z.infer<typeof productViewSchema>;
export type ProductFacets = z.infer<typeof productFacetsSchema>;
