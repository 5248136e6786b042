import { z } from 'zod';

/** The most departments one answer lists; past it the answer says `truncated`. */
export const maxCategories = 200;

/** No parameters: an unknown one is a 400 naming it, as on every route. */
export const categoriesQuery = z.strictObject({});

export const categoriesViewSchema = z.object({
  /** Departments holding at least one active product, by name. */
  items: z.array(z.object({ category: z.string(), count: z.number().int().describe('active products in it') })),
  /** The currencies active products are priced in, by code: the catalog's price filter (`minPrice`, `maxPrice`) is in the minor units of one of them (`currency`). */
  currencies: z.array(z.object({ currency: z.string(), count: z.number().int().describe('active products priced in it') })),
  /** More than `maxCategories` departments: the first ones by name are listed. */
  truncated: z.boolean(),
});

export type CategoriesView = z.infer<typeof categoriesViewSchema>;
