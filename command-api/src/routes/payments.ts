import { Router } from 'express';
import { ValidationError, describeRoute, parseInput, rawBodyOf, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry, WebhookHeaders } from '@ecommerce/platform';
import {
  idempotencyHeaders, orderIdParams, payOrderBody, paymentAcceptedSchema, paymentCheckoutSchema, refundPaymentParams, refundAcceptedSchema, refundPaymentBody, sandboxActionBody,
  sandboxActionParams, sandboxActionQuery, stripeWebhookBody, stripeWebhookHeaders, webhookAnswerSchema,
} from '@ecommerce/schemas';
import type { PaymentCommands } from '../lifecycle/payments';
import { sandboxActionPage } from '../lifecycle/sandbox-page';
import { inProgress, respond } from './respond';

/** Paying an order, the provider's reports, and admin refunds (DESIGN §6–§7). */
export function paymentRoutes({ payments }: { payments: PaymentCommands }): Router {
  const router = Router();

  router.post('/api/orders/:id/pay', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(orderIdParams, req.params, 'params');
    const { paymentMethod } = parseInput(payOrderBody, req.body, 'body');
    const result = await payments.pay(principal, id, paymentMethod);
    const redirect = result.redirectUrl === undefined ? {} : { redirectUrl: result.redirectUrl };
    respond(res, 202, result, { paymentId: result.id, orderId: result.orderId, ...redirect }, `/api/payments/${result.id}`);
  });

  // Public, and served here (the gateway sends this one read to the command API): only the command side knows its provider.
  router.get('/api/checkout/payment', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=60').json(payments.checkoutFlow());
  });

  // Public: the signature over the raw body is the caller's credential.
  router.post('/api/payments/webhooks/stripe', async (req, res) => {
    const answer = await payments.receiveWebhook(rawBodyOf(req), req.headers as WebhookHeaders);
    res.json({ received: true, ...answer });
  });

  // Public: the customer arrives from the provider's redirect with no token; the signed reference is the capability.
  router.get('/api/payments/sandbox/actions/:reference', (req, res) => {
    const { reference } = parseInput(sandboxActionParams, req.params, 'params');
    payments.assertSandboxAction(reference);
    res.type('html').set('Cache-Control', 'no-store').send(sandboxActionPage(reference));
  });

  router.post('/api/payments/sandbox/actions/:reference', async (req, res) => {
    const { reference } = parseInput(sandboxActionParams, req.params, 'params');
    const query = parseInput(sandboxActionQuery, req.query, 'query');
    // The page's HTML forms cannot send JSON: they give the outcome in the query.
    const body = req.body === undefined ? undefined : parseInput(sandboxActionBody, req.body, 'body');
    const outcome = body?.outcome ?? query.outcome;
    if (outcome === undefined) throw new ValidationError('outcome is required', [{ field: 'outcome', message: 'must be succeeded or failed, in the body or the query' }]);
    if (body && query.outcome !== undefined && query.outcome !== body.outcome) throw new ValidationError('the body and the query disagree', [{ field: 'outcome', message: 'differs between body and query' }]);
    res.json({ received: true, ...(await payments.completeSandboxAction(reference, outcome)) });
  });

  router.post('/api/admin/payments/:id/refund', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(refundPaymentParams, req.params, 'params');
    const body = parseInput(refundPaymentBody, req.body, 'body');
    const result = await payments.refund(principal, id, body.amount, body.reason);
    respond(res, 202, result, { refundId: result.refundId, paymentId: id }, `/api/payments/${id}`);
  });

  return router;
}

export function describePaymentRoutes(registry: OpenAPIRegistry): void {
  const headers = idempotencyHeaders;
  describeRoute(registry, {
    method: 'post', path: '/api/orders/{id}/pay', tags: ['orders'], params: orderIdParams, body: payOrderBody, headers,
    summary: "Pay one of the caller's own confirmed orders, before its payment deadline, for its total; the provider is asked asynchronously (`Location` is the payment). Without `paymentMethod` (hosted checkout, see `GET /api/checkout/payment`) the answer waits for the provider's page and carries it as `redirectUrl`",
    responses: {
      202: { description: 'payment requested', schema: paymentAcceptedSchema },
      404: { description: 'no such order of the caller' },
      400: { description: 'invalid input; `errors` names each field (`paymentMethod` when it is left out and the provider has no hosted checkout)' },
      409: { description: `the order cannot be paid in its state (not confirmed, past its deadline, no shipping address, nothing to pay), ${inProgress}` },
    },
  });
  describeRoute(registry, {
    method: 'get', path: '/api/checkout/payment', tags: ['payments'], public: true,
    summary: "How the shop takes payments: its card form (`card_form`: pay with a payment-method token) or the provider's hosted page (`hosted`: pay without one, then follow `redirectUrl`)",
    responses: { 200: { description: 'the provider and its checkout flow', schema: paymentCheckoutSchema } },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/payments/webhooks/stripe', tags: ['payments'], public: true, body: stripeWebhookBody, headers: stripeWebhookHeaders,
    summary: "The payment provider's webhook: the signature (`Stripe-Signature`; `Sandbox-Signature` when the sandbox is the provider) is verified on the raw body; each event is recorded once (redeliveries and stale reports change nothing)",
    responses: {
      200: { description: 'received (`applied` says whether anything was recorded)', schema: webhookAnswerSchema },
      400: { description: 'the signature does not verify, or the body is not a Stripe event; nothing is recorded' },
      409: { description: 'a request with this Idempotency-Key is in progress' },
    },
  });
  describeRoute(registry, {
    method: 'get', path: '/api/payments/sandbox/actions/{reference}', tags: ['payments'], public: true, params: sandboxActionParams,
    summary: "The sandbox provider's 3-D Secure page: complete or fail a payment that requires the customer's action (HTML)",
    responses: { 200: { description: 'an HTML page with two buttons' }, 404: { description: 'the sandbox is not the provider, or no payment waits for an action under this reference' } },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/payments/sandbox/actions/{reference}', tags: ['payments'], public: true, params: sandboxActionParams, query: sandboxActionQuery, body: sandboxActionBody, bodyOptional: true,
    summary: "Complete (`succeeded`) or fail the sandbox's customer action; recorded as the provider's webhook would be. The outcome is in the body, or in the query for HTML forms",
    responses: {
      200: { description: 'recorded (`applied` is false when the payment had already moved on)', schema: webhookAnswerSchema },
      404: { description: 'the sandbox is not the provider, or no payment waits for an action under this reference' },
    },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/admin/payments/{id}/refund', tags: ['admin'], params: refundPaymentParams, body: refundPaymentBody, headers,
    summary: 'Refund a captured payment (admin): `amount`, or without it all that is left; refunds never exceed the capture, also when requested concurrently',
    responses: {
      202: { description: 'refund requested; the provider is asked asynchronously', schema: refundAcceptedSchema },
      403: { description: 'admins only' },
      404: { description: 'unknown payment' },
      409: { description: `the payment cannot be refunded in its state, the amount exceeds what is left, another currency, ${inProgress}` },
    },
  });
}
