import { AppError, NotFoundError, ValidationError, aggregateStream, timeOrderedId } from '@ecommerce/platform';
import type { PaymentProvider, Principal, ProviderEvent, SandboxPaymentProvider, WebhookHeaders } from '@ecommerce/platform';
import { DomainError, assertOrderPayable, hostedCheckoutReference, orderDecider, orderStreamId, paymentDecider, paymentStreamId, refundableOf } from '@ecommerce/domain';
import type { Money } from '@ecommerce/schemas';
import type { PaymentCommand, PaymentEvent, PaymentState } from '@ecommerce/domain';
import type { CommandAnswer } from '../command-answer';
import { handleCommand } from '../handle-command';
import type { CommandContext, DeciderLike } from '../handle-command';
import { answerOf } from '../command-answer';
import { ownOrderOnly, requireAdmin } from './authorization';

export interface PaymentAnswer extends CommandAnswer {
  orderId: string;
  /** A hosted checkout's page, where the customer pays; null when the provider had not answered within the wait (the order's payment shows it later). */
  redirectUrl?: string | null;
}

export interface PaymentCommandsOptions {
  /** How long the pay route waits for a hosted checkout's URL. Default 10 s. */
  checkoutWaitMs?: number;
}

/** How the shop takes payments with this provider: its own card form, or the provider's hosted page. */
export const checkoutFlowOf = (provider: PaymentProvider): 'card_form' | 'hosted' => (provider.openCheckout ? 'hosted' : 'card_form');

export interface RefundAnswer extends CommandAnswer {
  refundId: string;
}

export interface WebhookAnswer {
  eventId: string;
  applied: boolean;
}

/** An admin's refund: without an amount, all that is left to refund, as the payment stands when the refund is decided. */
interface RefundRemaining {
  type: 'RefundRemaining';
  data: { paymentId: string; refundId: string; amount: Money | null; reason: string; requestedAt: string };
}

const refundRemainingDecider: DeciderLike<RefundRemaining, PaymentEvent, PaymentState> = {
  initialState: paymentDecider.initialState,
  evolve: paymentDecider.evolve,
  decide: ({ data }, state) => {
    if (state.status === 'absent') throw DomainError.notFound('payment not found', 'paymentId');
    let amount = data.amount;
    if (amount === null) {
      if (state.status === 'captured' && refundableOf(state) === 0) throw DomainError.conflict('a captured payment refunded in full has nothing left to refund');
      // A payment not captured has nothing refundable: asking for its amount lets the decider refuse it, naming its state.
      amount = { amount: state.status === 'captured' ? refundableOf(state) : state.amount.amount, currency: state.amount.currency };
    }
    return paymentDecider.decide({ type: 'RefundPayment', data: { ...data, amount } }, state);
  },
};

const isSandbox = (provider: PaymentProvider): provider is SandboxPaymentProvider => provider.name === 'sandbox' && 'completeAction' in provider;

/** A provider's report as the payment decider's command; `unhandled` reports nothing. */
function commandOf(event: ProviderEvent): PaymentCommand | null {
  switch (event.type) {
    case 'payment_succeeded':
      return { type: 'RecordPaymentOutcome', data: { paymentId: event.paymentId, at: event.occurredAt, outcome: 'captured', providerPaymentId: event.providerReference } };
    case 'payment_failed':
      return {
        type: 'RecordPaymentOutcome',
        data: { paymentId: event.paymentId, at: event.occurredAt, outcome: 'declined', code: event.failureCode ?? 'payment_failed', message: event.failureMessage ?? null },
      };
    case 'refund_succeeded':
      return { type: 'RecordRefundOutcome', data: { paymentId: event.paymentId, refundId: event.refundId, at: event.occurredAt, outcome: 'succeeded', providerRefundId: event.providerRefundReference } };
    case 'refund_failed':
      return { type: 'RecordRefundOutcome', data: { paymentId: event.paymentId, refundId: event.refundId, at: event.occurredAt, outcome: 'failed', code: event.failureCode ?? 'refund_failed' } };
    case 'unhandled':
      return null;
  }
}

/**
 * Paying an order, the provider's reports (webhooks and the sandbox's customer-action page) and
 * admin refunds. The provider itself is called by the payment actor, never here: a request only
 * records what was asked, and the reports only what the provider says happened.
 */
export function createPaymentCommands(context: CommandContext, provider: PaymentProvider, options: PaymentCommandsOptions = {}) {
  const now = () => context.clock().toISOString();
  const checkoutWaitMs = options.checkoutWaitMs ?? 10_000;

  /**
   * Why the pay route waits instead of calling Stripe itself: provider calls happen in the payment
   * actor only (one place that retries, dead-letters and keeps idempotency keys), so the route
   * appends PaymentRequested and reads the payment's stream until the actor records the session's
   * URL (PaymentActionRequired) or a decline. Past the bound it answers null: the order's payment
   * view carries the URL when it arrives, and the shop's order page links to it.
   */
  async function awaitCheckoutUrl(paymentId: string, afterRevision: number): Promise<string | null> {
    const deadline = Date.now() + checkoutWaitMs;
    for (let interval = 50; ; interval = Math.min(interval * 2, 400)) {
      const events = await context.eventStore.readStream(paymentStreamId(paymentId), { fromRevision: afterRevision + 1 });
      for (const event of events) {
        if (event.type === 'PaymentActionRequired') return String((event.data as { redirectUrl: string }).redirectUrl);
        if (event.type === 'PaymentDeclined' || event.type === 'PaymentCaptured') return null;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return null;
      await new Promise((resolve) => setTimeout(resolve, Math.min(interval, remaining)));
    }
  }

  /** Records a verified report on its payment's stream; the payment's state makes redeliveries and stale reports change nothing. */
  async function record(event: ProviderEvent): Promise<WebhookAnswer> {
    const command = commandOf(event);
    if (command === null) return { eventId: event.id, applied: false };
    try {
      const outcome = await handleCommand(context, { streamId: paymentStreamId(command.data.paymentId), decider: paymentDecider, commands: [command], actor: `provider:${provider.name}` });
      return { eventId: event.id, applied: outcome.events.length > 0 };
    } catch (error) {
      // A payment or refund that is not ours (another environment on the same account): acknowledged, so the provider stops sending it.
      if (error instanceof DomainError && error.code === 'not_found') return { eventId: event.id, applied: false };
      throw error;
    }
  }

  /** The report the sandbox would send; a 404 when the sandbox is not the provider or the reference waits for no action. */
  function sandboxAction(reference: string, outcome: 'succeeded' | 'failed'): ProviderEvent {
    if (!isSandbox(provider)) throw new NotFoundError('the sandbox payment provider is not in use');
    try {
      return provider.completeAction(reference, outcome);
    } catch {
      throw new NotFoundError('no sandbox payment waits for an action under this reference');
    }
  }

  return {
    checkoutFlow: (): { provider: string; checkout: 'card_form' | 'hosted' } => ({ provider: provider.name, checkout: checkoutFlowOf(provider) }),

    /**
     * A new payment of the caller's own confirmed order, before its deadline, for its total. One
     * attempt per payment id: a retry after a decline is another payment. Nothing is asked of the
     * provider here; the payment actor does that on PaymentRequested. Without a payment method the
     * customer pays on the provider's hosted checkout, whose URL the answer carries.
     */
    async pay(principal: Principal, orderId: string, paymentMethod: string | undefined): Promise<PaymentAnswer> {
      if (paymentMethod === undefined && checkoutFlowOf(provider) !== 'hosted') {
        throw new ValidationError(`the ${provider.name} payment provider takes a card`, [{ field: 'paymentMethod', message: 'is required: this shop has no hosted checkout' }]);
      }
      const { state } = await aggregateStream(context.eventStore, orderStreamId(orderId), orderDecider);
      ownOrderOnly(principal, orderId)(state);
      const order = assertOrderPayable(state, now());
      if (order.shippingAddress === null) throw new AppError('conflict', `a ${order.status} order without a shipping address cannot be paid`);
      if (order.total.amount === 0) throw new AppError('conflict', `a ${order.status} order with a total of 0 cannot be paid`);
      const paymentId = timeOrderedId();
      const outcome = await handleCommand(context, {
        streamId: paymentStreamId(paymentId),
        decider: paymentDecider,
        commands: [{
          type: 'RequestPayment',
          data: { paymentId, orderId, customerId: principal.sub, amount: { ...order.total }, provider: provider.name, methodReference: paymentMethod ?? hostedCheckoutReference, requestedAt: now() },
        }],
        actor: principal.sub,
      });
      const answer = { ...(await answerOf(context, paymentId, paymentStreamId(paymentId), outcome)), orderId };
      return paymentMethod === undefined ? { ...answer, redirectUrl: await awaitCheckoutUrl(paymentId, outcome.revision) } : answer;
    },

    /** A webhook delivery: its signature is checked on the raw body (400, nothing recorded, when it does not verify). */
    async receiveWebhook(rawBody: Buffer, headers: WebhookHeaders): Promise<WebhookAnswer> {
      return record(provider.parseWebhook(rawBody, headers));
    },

    /** The sandbox only: is `reference` a payment waiting for the customer's action? (404 otherwise.) */
    assertSandboxAction: (reference: string): void => void sandboxAction(reference, 'succeeded'),

    /** The customer completed or failed the sandbox's 3-D Secure step: recorded exactly as the webhook a real provider would send. */
    completeSandboxAction: (reference: string, outcome: 'succeeded' | 'failed'): Promise<WebhookAnswer> => record(sandboxAction(reference, outcome)),

    /**
     * Admin refund, full (no amount) or partial, of a captured payment. Concurrent refunds
     * serialise on the payment stream's revision: each is decided against the refunds recorded
     * before it, so together they never exceed the capture.
     */
    async refund(principal: Principal, paymentId: string, amount: Money | undefined, reason: string): Promise<RefundAnswer> {
      requireAdmin(principal);
      const refundId = timeOrderedId();
      const outcome = await handleCommand(context, {
        streamId: paymentStreamId(paymentId),
        decider: refundRemainingDecider,
        commands: [{ type: 'RefundRemaining', data: { paymentId, refundId, amount: amount ?? null, reason, requestedAt: now() } }],
        actor: principal.sub,
      });
      return { ...(await answerOf(context, paymentId, paymentStreamId(paymentId), outcome)), refundId };
    },
  };
}

export type PaymentCommands = ReturnType<typeof createPaymentCommands>;
