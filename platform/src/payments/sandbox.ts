/**
 * The sandbox payment provider, the embedded default: Stripe's test cards behave as on Stripe
 * (sandbox-cards.ts), deterministically and without the network.
 *
 * What a restart means. Outcomes are a function of the inputs: the same payment id, amount,
 * currency and card give the same outcome and the same provider reference, before and after a
 * restart, in any process sharing the `secret`. A reference carries its payment's facts (amount,
 * currency, captured or not), signed, so refunds and 3-D Secure completions need no lookup.
 * Two things are kept in memory for the life of the process only, and say so:
 *   - the first outcome per payment id and per refund id, to refuse a key reused with other
 *     parameters (PaymentIdempotencyError, as Stripe's idempotency error);
 *   - the sum refunded per payment, so that refunds together never exceed the capture.
 * After a restart each refund is still bounded by the captured amount, but the sum of earlier
 * refunds is forgotten: the payment actor's stream is what guards the sum across restarts.
 */
import { ValidationError } from '../errors';
import type { CreatePaymentInput, PaymentEvent, PaymentOutcome, PaymentProvider, ProviderEvent, RefundInput, RefundOutcome, WebhookHeaders } from './port';
import { PaymentIdempotencyError, PaymentProviderUnavailableError, assertMoney } from './port';
import { cardBehaviour } from './sandbox-cards';
import { parseSandboxEvent } from './sandbox-events';
import type { SandboxPaymentFacts, SignedWebhook } from './sandbox-signing';
import { decodeReference, digestId, encodeReference, signWebhookBody, verifyWebhookBody } from './sandbox-signing';

export interface SandboxPaymentProviderOptions {
  /** Signs references and webhook deliveries; processes that share payments share it. Default `sandbox`. */
  secret?: string;
  /** The page of ours where the customer completes 3-D Secure. Default `/api/payments/sandbox/actions/<reference>`. */
  actionUrl?: (providerReference: string) => string;
  clock?: () => Date;
  /** Age of the oldest webhook timestamp accepted, in seconds. Default 300, as Stripe. */
  webhookToleranceSeconds?: number;
}

export interface SandboxPaymentProvider extends PaymentProvider {
  readonly name: 'sandbox';
  /**
   * The customer finished (`succeeded`) or failed the 3-D Secure step of a requires_action
   * payment: the event a real provider would send by webhook. Deterministic: the same
   * reference and result give the same event id.
   */
  completeAction(providerReference: string, result: 'succeeded' | 'failed'): PaymentEvent;
  /** A signed webhook delivery of an event, as parseWebhook accepts it. */
  signWebhook(event: ProviderEvent, timestampSeconds?: number): SignedWebhook;
}

interface Recorded<T> {
  fingerprint: string;
  outcome: T;
}

export function createSandboxPaymentProvider(options: SandboxPaymentProviderOptions = {}): SandboxPaymentProvider {
  const secret = options.secret ?? 'sandbox';
  const actionUrl = options.actionUrl ?? ((reference: string) => `/api/payments/sandbox/actions/${encodeURIComponent(reference)}`);
  const clock = options.clock ?? (() => new Date());
  const toleranceSeconds = options.webhookToleranceSeconds ?? 300;
  const nowSeconds = () => Math.floor(clock().getTime() / 1000);
  const payments = new Map<string, Recorded<PaymentOutcome>>();
  const refunds = new Map<string, Recorded<RefundOutcome>>();
  const refundedByReference = new Map<string, number>();

  const firstOutcome = <T>(records: Map<string, Recorded<T>>, key: string, fingerprint: string): T | undefined => {
    const recorded = records.get(key);
    if (recorded && recorded.fingerprint !== fingerprint) throw new PaymentIdempotencyError(key, `first ${recorded.fingerprint}, now ${fingerprint}`);
    return recorded?.outcome;
  };

  const paymentOutcome = (input: CreatePaymentInput): PaymentOutcome => {
    const behaviour = cardBehaviour(input.paymentMethod.token);
    const reference = (kind: SandboxPaymentFacts['kind']) =>
      encodeReference(secret, { paymentId: input.paymentId, amount: input.amount, currency: input.currency, kind });
    switch (behaviour.kind) {
      case 'succeeds':
        return { status: 'succeeded', providerReference: reference('s'), amount: input.amount, currency: input.currency };
      case 'declines':
        return { status: 'declined', providerReference: reference('d'), code: behaviour.code, message: behaviour.message };
      case 'requires_action': {
        const providerReference = reference('a');
        return { status: 'requires_action', providerReference, actionUrl: actionUrl(providerReference) };
      }
      case 'processing_error':
        throw new PaymentProviderUnavailableError('sandbox', 'processing error (test card 4000000000000119)');
      default: {
        const _exhaustive: never = behaviour;
        return _exhaustive;
      }
    }
  };

  const refundOutcome = (input: RefundInput, facts: SandboxPaymentFacts | undefined): RefundOutcome => {
    const failed = (code: string, message: string): RefundOutcome => ({ status: 'failed', providerRefundReference: null, code, message });
    if (!facts) return failed('resource_missing', `no sandbox payment ${input.providerReference}`);
    if (facts.kind === 'd') return failed('payment_not_captured', 'the payment was declined; nothing to refund');
    const refunded = refundedByReference.get(input.providerReference) ?? 0;
    if (refunded + input.amount > facts.amount) {
      return failed('amount_too_large', `refund of ${input.amount} exceeds the ${facts.amount - refunded} ${facts.currency} left of the capture`);
    }
    refundedByReference.set(input.providerReference, refunded + input.amount);
    return { status: 'succeeded', providerRefundReference: digestId('re_sbx_', input.refundId), amount: input.amount, currency: input.currency };
  };

  return {
    name: 'sandbox',

    async createPayment(input) {
      assertMoney(input.amount, input.currency);
      if (!input.paymentId) throw new ValidationError('a payment needs an id', [{ field: 'paymentId', message: 'must not be empty' }]);
      const fingerprint = JSON.stringify([input.orderId, input.amount, input.currency, input.paymentMethod.token]);
      const first = firstOutcome(payments, input.paymentId, fingerprint);
      if (first) return first;
      const outcome = paymentOutcome(input);
      payments.set(input.paymentId, { fingerprint, outcome });
      return outcome;
    },

    async refund(input) {
      assertMoney(input.amount, input.currency);
      const facts = decodeReference(secret, input.providerReference);
      if (facts && (facts.paymentId !== input.paymentId || facts.currency !== input.currency)) {
        throw new ValidationError('the refund does not match its payment', [{ field: facts.paymentId !== input.paymentId ? 'paymentId' : 'currency', message: 'differs from the payment' }]);
      }
      const fingerprint = JSON.stringify([input.providerReference, input.amount]);
      const first = firstOutcome(refunds, input.refundId, fingerprint);
      if (first) return first;
      const outcome = refundOutcome(input, facts);
      refunds.set(input.refundId, { fingerprint, outcome });
      return outcome;
    },

    parseWebhook(rawBody: Buffer, headers: WebhookHeaders) {
      verifyWebhookBody(secret, rawBody, headers, nowSeconds(), toleranceSeconds);
      return parseSandboxEvent(rawBody);
    },

    completeAction(providerReference, result) {
      const facts = decodeReference(secret, providerReference);
      if (facts?.kind !== 'a') {
        throw new ValidationError('not a sandbox payment waiting for a customer action', [{ field: 'providerReference', message: 'unknown or not requires_action' }]);
      }
      const base = {
        id: digestId('evt_sbx_', providerReference, result),
        occurredAt: clock().toISOString(),
        paymentId: facts.paymentId,
        providerReference,
        amount: facts.amount,
        currency: facts.currency,
      };
      return result === 'succeeded'
        ? { ...base, type: 'payment_succeeded' }
        : { ...base, type: 'payment_failed', failureCode: 'payment_intent_authentication_failure', failureMessage: 'The customer failed 3-D Secure authentication.' };
    },

    signWebhook(event, timestampSeconds = nowSeconds()) {
      return signWebhookBody(secret, Buffer.from(JSON.stringify(event)), timestampSeconds);
    },
  };
}
