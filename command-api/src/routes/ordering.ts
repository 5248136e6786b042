import { Router } from 'express';
import type { Response } from 'express';
import { describeRoute, encodeConsistencyToken, parseInput, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry } from '@ecommerce/platform';
import {
  cancelOrderBody, cartItemParams, checkoutAcceptedSchema, checkoutBody, commandAcceptedSchema, idempotencyHeaders, orderAcceptedSchema, orderIdParams, placeOrderBody, setCartItemBody,
} from '@ecommerce/schemas';
import type { CommandAnswer } from '../command-answer';
import type { OrderingCommands } from '../ordering/commands';

const tokenOf = (result: CommandAnswer) => encodeConsistencyToken({ stream: result.stream, revision: result.revision, position: result.position });

function accepted(res: Response, result: CommandAnswer, extra: Record<string, unknown> = {}): void {
  const consistencyToken = tokenOf(result);
  res.status(202).set('X-Consistency-Token', consistencyToken).json({ id: result.id, revision: result.revision, position: result.position, consistencyToken, ...extra });
}

/** Cart, checkout and order placement for the caller's own account (DESIGN §7). */
export function orderingRoutes({ commands }: { commands: OrderingCommands }): Router {
  const router = Router();

  router.put('/api/cart/items/:productId', async (req, res) => {
    const principal = requirePrincipal(req);
    const { productId } = parseInput(cartItemParams, req.params, 'params');
    const { quantity } = parseInput(setCartItemBody, req.body, 'body');
    accepted(res, await commands.setCartItem(principal, productId, quantity));
  });

  router.delete('/api/cart/items/:productId', async (req, res) => {
    const principal = requirePrincipal(req);
    const { productId } = parseInput(cartItemParams, req.params, 'params');
    accepted(res, await commands.removeCartItem(principal, productId));
  });

  router.post('/api/cart/checkout', async (req, res) => {
    const principal = requirePrincipal(req);
    const body = parseInput(checkoutBody, req.body ?? {}, 'body');
    const result = await commands.checkout(principal, body);
    accepted(res, result, { orderId: result.id, cartConsistencyToken: tokenOf(result.cart) });
  });

  router.post('/api/orders', async (req, res) => {
    const principal = requirePrincipal(req);
    const body = parseInput(placeOrderBody, req.body, 'body');
    const result = await commands.placeOrder(principal, body.lines, body);
    res.set('Location', `/api/orders/${result.id}`);
    accepted(res, result, { orderId: result.id });
  });

  router.post('/api/orders/:id/cancel', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(orderIdParams, req.params, 'params');
    const body = parseInput(cancelOrderBody, req.body ?? {}, 'body');
    accepted(res, await commands.cancelOrder(principal, id, body.reason));
  });

  return router;
}

export function describeOrderingRoutes(registry: OpenAPIRegistry): void {
  const accepted = { description: 'accepted; `X-Consistency-Token` lets a read wait for it', schema: commandAcceptedSchema };
  const placed = 'order placed; reservation follows asynchronously';
  const headers = idempotencyHeaders;
  describeRoute(registry, {
    method: 'put', path: '/api/cart/items/{productId}', tags: ['cart'], params: cartItemParams, body: setCartItemBody,
    summary: "Set the quantity of a product in the caller's cart; 0 removes it",
    responses: { 202: accepted, 404: { description: 'unknown product' }, 409: { description: 'discontinued product, or the cart is full' } },
  });
  describeRoute(registry, {
    method: 'delete', path: '/api/cart/items/{productId}', tags: ['cart'], params: cartItemParams,
    summary: "Remove a product from the caller's cart (removing what is not there changes nothing)",
    responses: { 202: accepted, 409: { description: 'a concurrent change won' } },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/cart/checkout', tags: ['cart'], headers, body: checkoutBody, bodyOptional: true,
    summary: "Place an order from the caller's cart at the products' current prices, and empty the cart",
    responses: { 202: { description: placed, schema: checkoutAcceptedSchema }, 400: { description: 'the cart is empty, or holds an unknown product, or shippingAddressId is not a saved address of the caller' }, 409: { description: 'a product in the cart is discontinued, or a request with this Idempotency-Key is in progress' } },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/orders', tags: ['orders'], body: placeOrderBody, headers,
    summary: 'Place an order directly, at the products\' current prices (each product on one line only), shipping to `shippingAddress` or a saved address (`shippingAddressId`)',
    responses: { 202: { description: placed, schema: orderAcceptedSchema }, 409: { description: 'a product is discontinued, or a request with this Idempotency-Key is in progress' } },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/orders/{id}/cancel', tags: ['orders'], params: orderIdParams, body: cancelOrderBody, bodyOptional: true, headers,
    summary: 'Cancel one of the caller\'s own orders before it ships; its stock is released and, when paid, its shipment cancelled and its payment refunded',
    responses: { 202: accepted, 404: { description: 'no such order of the caller' }, 409: { description: 'the order can no longer be cancelled (shipped, or its shipment dispatched), or a request with this Idempotency-Key is in progress' } },
  });
}
