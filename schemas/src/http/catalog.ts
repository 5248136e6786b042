import { z } from 'zod';
import { commandAcceptedSchema, moneySchema, moneyViewSchema, quantitySchema, skuSchema } from './common';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const description = z.string().max(5000, 'must be at most 5000 characters');
const category = z.string().trim().toLowerCase().min(1, 'must not be empty').max(60, 'must be at most 60 characters');
const tags = z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20, 'at most 20 tags');

export const createProductBody = z.strictObject({
  sku: skuSchema,
  name,
  description: description.default(''),
  category,
  tags: tags.default([]),
  price: moneySchema,
  initialStock: quantitySchema.optional(),
});

export const updateProductBody = z
  .strictObject({ name: name.optional(), description: description.optional(), category: category.optional(), tags: tags.optional(), price: moneySchema.optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'give at least one field to change', path: ['body'] });

export const discontinueProductBody = z.strictObject({ reason: z.string().max(500).optional() });

export const restockBody = z.strictObject({ quantity: quantitySchema, reference: z.string().max(200).optional() });

export const adjustStockBody = z.strictObject({
  delta: z.number({ error: 'must be a number' }).int('must be a whole number').refine((value) => value !== 0, 'must not be zero').pipe(z.number().min(-1_000_000_000).max(1_000_000_000)),
  reason: z.string().trim().min(1, 'must not be empty').max(200),
});

export const skuParams = z.strictObject({ sku: skuSchema });
export const productIdParams = z.strictObject({ id: z.string().uuid('must be a UUID') });

export const productSorts = ['name', '-name', 'price', '-price', 'newest'] as const;

export const listProductsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().toLowerCase().max(60).optional(),
  minPrice: z.coerce.number().int('must be an integer (minor units)').min(0).optional(),
  maxPrice: z.coerce.number().int('must be an integer (minor units)').min(0).optional(),
  inStock: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  sort: z.enum(productSorts).default('name'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
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
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const productPageSchema = z.object({ items: z.array(productViewSchema), nextCursor: z.string().nullable() });

export const createProductAccepted = commandAcceptedSchema;

export type CreateProductBody = z.infer<typeof createProductBody>;
export type UpdateProductBody = z.infer<typeof updateProductBody>;
export type ListProductsQuery = z.infer<typeof listProductsQuery>;
export type ProductView = z.infer<typeof productViewSchema>;
