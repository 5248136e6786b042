import { z } from 'zod';
import { productViewSchema, queryInteger } from '@ecommerce/schemas';

export const maxRecommendations = 20;

export const recommendationsQuery = z.strictObject({ limit: queryInteger(1, maxRecommendations).default(5) });

export const recommendationsViewSchema = z.object({
  productId: z.string(),
  items: z.array(productViewSchema.extend({ boughtTogether: z.number().int().min(1).describe('completed orders that held both products') })),
});

export type RecommendationsView = z.infer<typeof recommendationsViewSchema>;
