import { Router } from 'express';
import { describeRoute, parseInput, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry } from '@ecommerce/platform';
import { commandAcceptedSchema, dispatchShipmentBody, idempotencyHeaders, orderIdParams, returnOrderBody, shipmentIdParams, shipmentReturnedBody } from '@ecommerce/schemas';
import type { FulfilmentCommands } from '../lifecycle/fulfilment';
import { acceptedResponse, inProgress, respond } from './respond';

/** After payment: the customer's accept and return, the admins' shipment steps (DESIGN §6–§7). */
export function fulfilmentRoutes({ fulfilment }: { fulfilment: FulfilmentCommands }): Router {
  const router = Router();

  router.post('/api/orders/:id/accept', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(orderIdParams, req.params, 'params');
    respond(res, 202, await fulfilment.accept(principal, id));
  });

  router.post('/api/orders/:id/return', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(orderIdParams, req.params, 'params');
    const body = parseInput(returnOrderBody, req.body, 'body');
    respond(res, 202, await fulfilment.requestReturn(principal, id, body.lines, body.reason));
  });

  router.post('/api/admin/shipments/:id/dispatch', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(shipmentIdParams, req.params, 'params');
    const body = parseInput(dispatchShipmentBody, req.body, 'body');
    respond(res, 202, await fulfilment.dispatch(principal, id, body.carrier, body.trackingNumber));
  });

  router.post('/api/admin/shipments/:id/deliver', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(shipmentIdParams, req.params, 'params');
    respond(res, 202, await fulfilment.deliver(principal, id));
  });

  router.post('/api/admin/shipments/:id/returned', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(shipmentIdParams, req.params, 'params');
    const body = parseInput(shipmentReturnedBody, req.body, 'body');
    respond(res, 202, await fulfilment.returned(principal, id, body.lines));
  });

  return router;
}

export function describeFulfilmentRoutes(registry: OpenAPIRegistry): void {
  const accepted = { ...acceptedResponse, schema: commandAcceptedSchema };
  const headers = idempotencyHeaders;
  const own = { 404: { description: 'no such order of the caller' } };
  describeRoute(registry, {
    method: 'post', path: '/api/orders/{id}/accept', tags: ['orders'], params: orderIdParams, headers,
    summary: "Accept one of the caller's own delivered orders: it is completed and its units are sold",
    responses: { 202: accepted, ...own, 409: { description: `the order is not delivered, ${inProgress}` } },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/orders/{id}/return', tags: ['orders'], params: orderIdParams, body: returnOrderBody, headers,
    summary: "Send back some or all lines of one of the caller's own delivered orders, within the return window, with a reason",
    responses: { 202: accepted, 400: { description: 'invalid input, or a product not on the order or more than ordered' }, ...own, 409: { description: `the order is not delivered, or its return window closed, ${inProgress}` } },
  });
  const shipment = { 403: { description: 'admins only' }, 404: { description: 'unknown shipment' } };
  describeRoute(registry, {
    method: 'post', path: '/api/admin/shipments/{id}/dispatch', tags: ['admin'], params: shipmentIdParams, body: dispatchShipmentBody, headers,
    summary: 'Hand a shipment to a carrier, with its tracking number (admin)',
    responses: { 202: accepted, ...shipment, 409: { description: `the shipment cannot be dispatched in its state, or was dispatched with another tracking number, ${inProgress}` } },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/admin/shipments/{id}/deliver', tags: ['admin'], params: shipmentIdParams, headers,
    summary: 'Record the delivery of a dispatched shipment (admin); the return and acceptance windows open',
    responses: { 202: accepted, ...shipment, 409: { description: `the shipment is not dispatched, ${inProgress}` } },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/admin/shipments/{id}/returned', tags: ['admin'], params: shipmentIdParams, body: shipmentReturnedBody, headers,
    summary: 'Record what came back of a return, per SKU: back to stock (restocked) or written off (damaged); a line left out came back with nothing (admin)',
    responses: { 202: accepted, 400: { description: 'invalid input, or more than was asked back' }, ...shipment, 409: { description: `the shipment has no return to receive, ${inProgress}` } },
  });
}
