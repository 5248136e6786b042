import express, { Router } from 'express';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AppError, encodeConsistencyToken, etagOf, parseIfMatch, parseInput, requirePrincipal } from '@ecommerce/platform';
import { imageFileParams, imageUploadHeaders, productIdParams, productImageParams } from '@ecommerce/schemas';
import type { ProductImageAccepted } from '@ecommerce/schemas';
import { domainErrorsToProblems } from '../domain-errors';
import type { ImageCommands } from './commands';

/** Where the platform serves an image-store key; the products read model builds the same URLs. */
export const imageUrlOf = (key: string): string => `/images/${key}`;

const consistencyHeaders = (stream: string, revision: number, position: number) => {
  const consistencyToken = encodeConsistencyToken({ stream, revision, position });
  return { consistencyToken, headers: { 'X-Consistency-Token': consistencyToken, ETag: etagOf(revision) } };
};

/**
 * `POST /api/products/:id/images`: the body is the image itself, so this router is mounted
 * before the hosts' JSON body parser. Order of refusals: who (401, 404, 403, 409), then the
 * declared type (415), then the size (413), all before a byte is read; then what the bytes are.
 */
export function imageUploadRoutes({ images }: { images: ImageCommands }): Router {
  const router = Router();
  const readBody = express.raw({ type: () => true, limit: images.maxBytes });

  router.post(
    '/api/products/:id/images',
    async (req, _res, next) => {
      const principal = requirePrincipal(req);
      const { id } = parseInput(productIdParams, req.params, 'params');
      await images.checkMayAddImage(id, principal);
      const declared = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      const header = imageUploadHeaders.safeParse({ 'content-type': declared });
      if (!header.success) throw new AppError('unsupported_media_type', 'the body must be a JPEG, PNG or WebP image labelled image/jpeg, image/png or image/webp', { issues: [{ field: 'content-type', message: header.error.issues[0]?.message ?? 'unsupported' }] });
      next();
    },
    readBody,
    async (req: Request, res: Response) => {
      const principal = requirePrincipal(req);
      const { id } = parseInput(productIdParams, req.params, 'params');
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('validation', 'the body must be the image', { issues: [{ field: 'body', message: 'an image is required' }] });
      const added = await images.addImage(id, body, req.header('content-type') ?? '', principal);
      const { consistencyToken, headers } = consistencyHeaders(added.stream, added.revision, added.position);
      const urlOf = (name: string) => imageUrlOf((added.variants.find((variant) => variant.name === name) ?? added.variants[0])?.key ?? '');
      const answer: ProductImageAccepted = {
        id: added.imageId, productId: id, revision: added.revision, position: added.position, consistencyToken,
        urls: { thumbnail: urlOf('thumbnail'), medium: urlOf('medium'), original: urlOf('original') },
        variants: added.variants.map((variant) => ({ name: variant.name, url: imageUrlOf(variant.key), contentType: variant.contentType, width: variant.width, height: variant.height, bytes: variant.bytes })),
      };
      res.status(201).set({ ...headers, Location: answer.urls.original }).json(answer);
    },
  );
  router.use(domainErrorsToProblems);
  return router;
}

/**
 * RFC 9110 §13.1.2 (weak comparison). Not Express's `req.fresh`, which answers in full whenever the
 * request says `Cache-Control: no-cache`: that directive is for caches; the origin may still say 304.
 */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** `DELETE /api/products/:id/images/:imageId` and the public `GET /images/…` that serves the stored variants. */
export function imageRoutes({ images }: { images: ImageCommands }): Router {
  const router = Router();

  router.delete('/api/products/:id/images/:imageId', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id, imageId } = parseInput(productImageParams, req.params, 'params');
    const result = await images.removeImage(id, imageId, principal, parseIfMatch(req.header('if-match')));
    const { consistencyToken, headers } = consistencyHeaders(result.stream, result.revision, result.position);
    res.status(202).set(headers).json({ id: result.id, revision: result.revision, position: result.position, consistencyToken });
  });

  router.get('/images/products/:productId/:imageId/:file', async (req, res) => {
    const params = imageFileParams.safeParse(req.params);
    if (!params.success) throw new AppError('not_found', 'no such image');
    const { productId, imageId, file } = params.data;
    const stored = await images.store.get(`products/${productId}/${imageId}/${file}`);
    if (!stored) throw new AppError('not_found', 'no such image');
    // Keys are never reused (a new upload gets a new image id), so a variant never changes.
    res.set({
      'Content-Type': stored.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: stored.etag,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    if (matchesIfNoneMatch(req.header('if-none-match'), stored.etag)) {
      stored.body.destroy();
      res.status(304).end();
      return;
    }
    res.set('Content-Length', String(stored.contentLength));
    if (req.method === 'HEAD') {
      stored.body.destroy();
      res.end();
      return;
    }
    await pipeline(stored.body, res);
  });

  return router;
}
