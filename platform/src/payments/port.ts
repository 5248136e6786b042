/**
 * The payment provider port: what the payment actor and the payment routes ask of a payment
 * provider (DESIGN §6). Two adapters: the embedded sandbox (`sandbox.ts`, deterministic test
 * cards) and Stripe (`stripe.ts`, PaymentIntents). Money is integer minor units plus an
 * ISO 4217 code (DESIGN §4.6).
 *
 * Declines are outcomes, not errors. Errors are ours (errors.ts): a provider outage or timeout
 * is a retriable AppError ('unavailable'); a refused webhook signature is a
 * WebhookSignatureError (a ValidationError: 400, nothing happens).
 */
import { AppError, ValidationError } from '../errors';

/** How the customer pays: a card token (a Stripe PaymentMethod id such as `pm_card_visa`), or a test card number in the sandbox. */
export interface CardPaymentMethod {
  type: 'card';
  token: string;
}

export interface CreatePaymentInput {
  /** Our payment id: the idempotency key; a repeat returns the first outcome. */
  paymentId: string;
  orderId: string;
  /** Integer minor units, > 0. */
  amount: number;
  /** ISO 4217, upper case (`EUR`). */
  currency: string;
  /** Our customer (user) id; adapters keep it as metadata. */
  customerReference: string;
  paymentMethod: CardPaymentMethod;
  /** Where the provider sends the customer back after a redirect (3-D Secure). */
  returnUrl: string;
}

/** A payment the customer makes on the provider's own page (Stripe Checkout): the shop never sees the card. */
export interface OpenCheckoutInput {
  /** Our payment id: the idempotency key is derived from it; a repeat returns the first session. */
  paymentId: string;
  orderId: string;
  /** Integer minor units, > 0. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  customerReference: string;
  /** The shop's page the provider sends the customer back to after paying, and after giving up. */
  successUrl: string;
  cancelUrl: string;
}

/** Where the customer pays: `url`, valid until the provider expires the session (its webhook then says so). */
export interface CheckoutSession {
  /** The provider's id of the session (`cs_…`), not yet of a payment. */
  providerReference: string;
  url: string;
}

export type PaymentOutcome =
  /** Captured. */
  | { status: 'succeeded'; providerReference: string; amount: number; currency: string }
  /** Refused by the issuer or the provider: `code` as Stripe names it (`card_declined`, `insufficient_funds`, …). */
  | { status: 'declined'; providerReference: string | null; code: string; message: string }
  /** The customer must act (3-D Secure) at `actionUrl`; the result arrives later as a provider event. */
  | { status: 'requires_action'; providerReference: string; actionUrl: string | null }
  /** Accepted, not settled yet; the result arrives later as a provider event. */
  | { status: 'processing'; providerReference: string };

export interface RefundInput {
  /** Our refund id: the idempotency key; a repeat returns the first outcome. */
  refundId: string;
  paymentId: string;
  /** The captured payment's `providerReference`. */
  providerReference: string;
  /** Integer minor units, > 0; the refunds of a payment never exceed what was captured. */
  amount: number;
  currency: string;
}

export type RefundOutcome =
  | { status: 'succeeded'; providerRefundReference: string; amount: number; currency: string }
  /** Not final yet; a refund_succeeded or refund_failed event follows. */
  | { status: 'pending'; providerRefundReference: string }
  /** Refused (`amount_too_large`, `payment_not_captured`, …); nothing was refunded. */
  | { status: 'failed'; providerRefundReference: string | null; code: string; message: string };

interface ProviderEventBase {
  /** The provider's event id: deliveries of one event share it (handle each id once). */
  id: string;
  /** When the provider created the event (ISO 8601). */
  occurredAt: string;
}

export interface PaymentEvent extends ProviderEventBase {
  type: 'payment_succeeded' | 'payment_failed';
  /** Ours, from the provider object's metadata. */
  paymentId: string;
  providerReference: string;
  amount: number;
  currency: string;
  /** For payment_failed. */
  failureCode?: string;
  failureMessage?: string;
}

export interface RefundEvent extends ProviderEventBase {
  type: 'refund_succeeded' | 'refund_failed';
  paymentId: string;
  refundId: string;
  providerReference: string;
  providerRefundReference: string;
  amount: number;
  currency: string;
  failureCode?: string;
}

/** A verified event this port does not act on (another event type, or a payment that is not ours): acknowledge it and move on. */
export interface UnhandledEvent extends ProviderEventBase {
  type: 'unhandled';
  providerType: string;
}

export type ProviderEvent = PaymentEvent | RefundEvent | UnhandledEvent;

/** Node's IncomingHttpHeaders or any lower-case header record. */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface PaymentProvider {
  readonly name: 'sandbox' | 'stripe';
  createPayment(input: CreatePaymentInput): Promise<PaymentOutcome>;
  /**
   * Present when the provider hosts its own payment page: the shop then sends customers there
   * instead of showing a card form. The outcome arrives as a webhook (payment_succeeded with the
   * captured payment's reference, or payment_failed when the session expires).
   */
  openCheckout?(input: OpenCheckoutInput): Promise<CheckoutSession>;
  refund(input: RefundInput): Promise<RefundOutcome>;
  /**
   * Verifies the signature of a webhook delivery on its raw body and normalizes it.
   * Throws WebhookSignatureError when the signature is missing, wrong or outside the tolerance.
   */
  parseWebhook(rawBody: Buffer, headers: WebhookHeaders): ProviderEvent;
}

/** A webhook whose signature does not verify: answer 400 and act on nothing. */
export class WebhookSignatureError extends ValidationError {
  constructor(message: string, header: string) {
    super(`webhook signature refused: ${message}`, [{ field: `headers.${header}`, message }]);
  }
}

/** The provider could not be reached or failed on its side: try again later with the same idempotency key. */
export class PaymentProviderUnavailableError extends AppError {
  constructor(provider: string, message: string, cause?: unknown) {
    super('unavailable', `payment provider ${provider} unavailable: ${message}`, { retriable: true, details: { provider }, cause });
  }
}

/** The first value of a header, by its lower-case name. */
export const headerValue = (headers: WebhookHeaders, name: string): string | undefined => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** Amounts are positive integers of minor units and currencies three upper-case letters; anything else is a programming error. */
export const assertMoney = (amount: number, currency: string): void => {
  const issues = [];
  if (!Number.isSafeInteger(amount) || amount <= 0) issues.push({ field: 'amount', message: 'must be a positive integer of minor units' });
  if (!/^[A-Z]{3}$/.test(currency)) issues.push({ field: 'currency', message: 'must be an ISO 4217 code such as EUR' });
  if (issues.length > 0) throw new ValidationError('invalid payment amount', issues);
};

/** An idempotency key reused with other parameters (another amount, another payment): a bug on our side, never retried. */
export class PaymentIdempotencyError extends AppError {
  constructor(key: string, message: string, cause?: unknown) {
    super('conflict', `idempotency key ${key} reused with different parameters: ${message}`, { details: { idempotencyKey: key }, cause });
  }
}
