/**
 * Builds the Stripe client for the composition root from explicit values (never the
 * environment): the API key and, for stripe-mock, the base URL of another API server.
 */
import Stripe from 'stripe';

export interface StripeClientOptions {
  apiKey: string;
  /** `http://127.0.0.1:12111` for stripe-mock; default Stripe's own API. */
  apiBase?: string;
  /** Per request, in milliseconds. Default 20 s. */
  timeoutMs?: number;
  /** The SDK's own retries of network errors (same idempotency key). Default 1. */
  maxNetworkRetries?: number;
}

export function createStripeClient(options: StripeClientOptions): Stripe {
  const base = options.apiBase ? new URL(options.apiBase) : undefined;
  return new Stripe(options.apiKey, {
    timeout: options.timeoutMs ?? 20_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 1,
    telemetry: false,
    appInfo: { name: 'ecommerce-platform' },
    ...(base
      ? { host: base.hostname, port: base.port || (base.protocol === 'http:' ? 80 : 443), protocol: base.protocol === 'http:' ? ('http' as const) : ('https' as const) }
      : {}),
  });
}
