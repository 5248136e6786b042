import { describeRoute } from '@ecommerce/platform';
import type { OpenAPIRegistry } from '@ecommerce/platform';
import { commandAcceptedSchema, ifMatchHeaders, imageFileParams, problemSchema, productIdParams, productImageAcceptedSchema, productImageParams, uploadableImageTypes } from '@ecommerce/schemas';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

export function describeImageRoutes(registry: OpenAPIRegistry, maxBytes: number): void {
  const tags = ['catalog'];
  // The body is binary, which describeRoute (JSON bodies) does not speak: registered as it is.
  registry.registerPath({
    method: 'post',
    path: '/api/products/{id}/images',
    summary: `Upload a product image (admin, or the customer who listed it): the body is the image itself, at most ${maxBytes} bytes. Stored with an 800 px medium and a 200 px thumbnail (WebP); the original is re-encoded without its metadata.`,
    tags,
    security: [{ bearerAuth: [] }],
    request: {
      params: productIdParams,
      body: { required: true, content: Object.fromEntries(uploadableImageTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) },
    },
    responses: {
      201: { description: 'stored; `Location` is the original, `ETag` the product revision', content: { 'application/json': { schema: productImageAcceptedSchema } } },
      400: problem('the body is empty or does not decode as an image (`errors` names `body`), or a bad id'),
      401: problem('not authenticated: a valid bearer access token is required'),
      403: problem('not the owner or an admin'),
      404: problem('unknown product'),
      409: problem('the product is discontinued or has its 12 images already'),
      413: problem(`body larger than ${maxBytes} bytes (IMAGE_MAX_BYTES)`),
      415: problem('not labelled image/jpeg, image/png or image/webp, or the bytes are not what the label says'),
      500: problem('unexpected error'),
      503: problem('the image store or another backing service is unavailable; retry later'),
    },
  });
  describeRoute(registry, {
    method: 'delete', path: '/api/products/{id}/images/{imageId}', summary: 'Remove a product image (admin, or the customer who listed it)', tags, params: productImageParams, headers: ifMatchHeaders,
    responses: { 202: { description: 'removed; its stored objects are deleted', schema: commandAcceptedSchema }, 403: { description: 'not the owner or an admin' }, 404: { description: 'unknown product or image' }, 409: { description: 'a concurrent change won' }, 412: { description: 'stale If-Match' } },
  });
  describeRoute(registry, {
    method: 'get', path: '/images/products/{productId}/{imageId}/{file}', summary: 'A stored image variant (public; immutable: cached for a year, with its ETag)', tags, public: true, params: imageFileParams,
    responses: { 200: { description: 'the image, as `image/jpeg`, `image/png` or `image/webp`' }, 304: { description: 'not modified (If-None-Match)' }, 404: { description: 'no such image' } },
  });
}
