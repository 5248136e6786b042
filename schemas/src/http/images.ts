import { z } from 'zod';
import { idSchema } from './common';

/** What an image upload may be: the body is the image itself, labelled with one of these. */
export const uploadableImageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const productImageParams = z.strictObject({ id: idSchema, imageId: idSchema });

/** `GET /images/products/{productId}/{imageId}/{file}`: the image-store key of one variant. */
export const imageFileParams = z.strictObject({
  productId: idSchema,
  imageId: idSchema,
  file: z.string().regex(/^(original|medium|thumbnail)\.(jpg|png|webp)$/, 'must be original, medium or thumbnail with .jpg, .png or .webp'),
});

export const imageUploadHeaders = z.object({
  'content-type': z.enum(uploadableImageTypes, { error: `must be one of ${uploadableImageTypes.join(', ')}` }),
});

export const productImageAcceptedSchema = z.object({
  /** The new image's id. */
  id: z.string(),
  productId: z.string(),
  /** The product stream's revision (also the `ETag`). */
  revision: z.number().int(),
  position: z.number().int(),
  consistencyToken: z.string(),
  urls: z.object({ thumbnail: z.string(), medium: z.string(), original: z.string() }),
  variants: z.array(z.object({ name: z.string(), url: z.string(), contentType: z.string(), width: z.number().int(), height: z.number().int(), bytes: z.number().int() })),
});

export type ProductImageAccepted = z.infer<typeof productImageAcceptedSchema>;
