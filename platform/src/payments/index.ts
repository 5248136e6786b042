/** The payment provider port (port.ts) and its adapters: the embedded sandbox and Stripe. */
export type {
  CardPaymentMethod,
  CheckoutSession,
  CreatePaymentInput,
  OpenCheckoutInput,
  PaymentEvent,
  PaymentOutcome,
  PaymentProvider,
  ProviderEvent,
  RefundEvent,
  RefundInput,
  RefundOutcome,
  UnhandledEvent,
  WebhookHeaders,
} from './port';
export { PaymentIdempotencyError, PaymentProviderUnavailableError, WebhookSignatureError } from './port';
export { createSandboxPaymentProvider } from './sandbox';
export type { SandboxPaymentProvider, SandboxPaymentProviderOptions } from './sandbox';
export { sandboxTestCards } from './sandbox-cards';
export type { SignedWebhook } from './sandbox-signing';
export { createStripePaymentProvider } from './stripe';
export { checkoutIdempotencyKey } from './stripe-checkout';
export type { StripePaymentProviderOptions } from './stripe';
export { createStripeClient } from './stripe-client';
export type { StripeClientOptions } from './stripe-client';
