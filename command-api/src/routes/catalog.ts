import { Router } from 'express';
import type { Response } from 'express';
import { describeRoute, encodeConsistencyToken, etagOf, parseIfMatch, parseInput, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry } from '@ecommerce/platform';
import {
  adjustStockBody, commandAcceptedSchema, createProductBody, discontinueProductBody, idempotencyHeaders, ifMatchHeaders, productIdParams, restockBody, skuParams, updateProductBody,
} from '@ecommerce/schemas';
import type { CatalogCommands } from '../catalog/commands';
import type { CommandAnswer } from '../command-answer';

function answer(res: Response, status: 201 | 202, result: CommandAnswer, location?: string): void {
  const consistencyToken = encodeConsistencyToken({ stream: result.stream, revision: result.revision, position: result.position });
  res.status(status).set({ 'X-Consistency-Token': consistencyToken, ...(result.stream.startsWith('product-') ? { ETag: etagOf(result.revision) } : {}), ...(location ? { Location: location } : {}) });
  res.json({ id: result.id, revision: result.revision, position: result.position, consistencyToken });
}

/** Product and stock commands (DESIGN §7). */
export function catalogRoutes({ commands }: { commands: CatalogCommands }): Router {
  const router = Router();

  router.post('/api/products', async (req, res) => {
    const principal = requirePrincipal(req);
    const body = parseInput(createProductBody, req.body, 'body');
    const result = await commands.createProduct(body, principal);
    answer(res, 201, result, `/api/products/${result.id}`);
  });

  router.patch('/api/products/:id', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(productIdParams, req.params, 'params');
    const body = parseInput(updateProductBody, req.body, 'body');
    answer(res, 202, await commands.updateProduct(id, body, principal, parseIfMatch(req.header('if-match'))));
  });

  router.delete('/api/products/:id', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(productIdParams, req.params, 'params');
    const body = parseInput(discontinueProductBody, req.body ?? {}, 'body');
    answer(res, 202, await commands.discontinueProduct(id, body.reason, principal, parseIfMatch(req.header('if-match'))));
  });

  router.post('/api/inventory/:sku/restock', async (req, res) => {
    const principal = requirePrincipal(req);
    const { sku } = parseInput(skuParams, req.params, 'params');
    const body = parseInput(restockBody, req.body, 'body');
    answer(res, 202, await commands.restock(sku, body.quantity, body.reference, principal));
  });

  router.post('/api/inventory/:sku/adjust', async (req, res) => {
    const principal = requirePrincipal(req);
    const { sku } = parseInput(skuParams, req.params, 'params');
    const body = parseInput(adjustStockBody, req.body, 'body');
    answer(res, 202, await commands.adjust(sku, body.delta, body.reason, principal));
  });

  return router;
}

export function describeCatalogRoutes(registry: OpenAPIRegistry): void {
  const accepted = { description: 'accepted; `X-Consistency-Token` lets a read wait for it', schema: commandAcceptedSchema };
  const tags = ['catalog'];
  const repeat = { 409: { description: 'SKU already in use, or a request with this Idempotency-Key is in progress' } };
  const guarded = ifMatchHeaders;
  describeRoute(registry, {
    method: 'post', path: '/api/products', summary: 'Create (list) a product; the SKU must be unique', tags, body: createProductBody, headers: idempotencyHeaders,
    responses: { 201: { description: 'listed; `Location` is the product, `ETag` its revision', schema: commandAcceptedSchema }, ...repeat },
  });
  describeRoute(registry, {
    method: 'patch', path: '/api/products/{id}', summary: 'Change details and/or price; `If-Match` with the ETag guards against lost updates', tags, params: productIdParams, body: updateProductBody, headers: guarded,
    responses: { 202: accepted, 403: { description: 'not the owner or an admin' }, 404: { description: 'unknown product' }, 409: { description: 'the product is discontinued, or a concurrent change won' }, 412: { description: 'stale If-Match' } },
  });
  describeRoute(registry, {
    method: 'delete', path: '/api/products/{id}', summary: 'Discontinue a product', tags, params: productIdParams, body: discontinueProductBody, bodyOptional: true, headers: guarded,
    responses: { 202: accepted, 403: { description: 'not the owner or an admin' }, 404: { description: 'unknown product' }, 409: { description: 'already discontinued, or a concurrent change won' }, 412: { description: 'stale If-Match' } },
  });
  const stock = { 403: { description: 'admins only' }, 404: { description: 'unknown SKU' }, 409: { description: 'would make available stock negative, or a request with this Idempotency-Key is in progress' } };
  describeRoute(registry, { method: 'post', path: '/api/inventory/{sku}/restock', summary: 'Receive stock for a SKU (admin)', tags: ['inventory'], params: skuParams, body: restockBody, headers: idempotencyHeaders, responses: { 202: accepted, ...stock } });
  describeRoute(registry, { method: 'post', path: '/api/inventory/{sku}/adjust', summary: 'Correct stock for a SKU (admin)', tags: ['inventory'], params: skuParams, body: adjustStockBody, headers: idempotencyHeaders, responses: { 202: accepted, ...stock } });
}
