import {
  createLogEmailSender, createLogSmsSender, createSandboxPaymentProvider, createSmtpSender, createSmtpTransport, createStripeClient, createStripePaymentProvider,
} from '@ecommerce/platform';
import type { Logger, NotificationSender, PaymentProvider, Settings } from '@ecommerce/platform';

/**
 * The composition root's decision for the payment provider port: Stripe when
 * PAYMENT_PROVIDER=stripe (its key and webhook secret are checked at start by the settings),
 * the built-in sandbox otherwise. The command API (webhooks, the sandbox's customer-action page)
 * and the processors (the payment actor) each build their own from the same settings.
 */
export function createPaymentProvider(settings: Settings): PaymentProvider {
  if (settings.PAYMENT_PROVIDER === 'stripe') {
    const stripe = createStripeClient({ apiKey: settings.STRIPE_API_KEY as string, apiBase: settings.STRIPE_API_BASE });
    return createStripePaymentProvider(stripe, { webhookSecret: settings.STRIPE_WEBHOOK_SECRET as string });
  }
  // The customer-action page is a link the customer follows, so it is absolute, on the shop's public address.
  return createSandboxPaymentProvider({ actionUrl: (reference) => `${publicUrlOf(settings)}/api/payments/sandbox/actions/${encodeURIComponent(reference)}` });
}

/** The shop's address as customers reach it, without a trailing slash. */
export const publicUrlOf = (settings: Settings): string => (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, '');

export interface NotificationSenders {
  email: NotificationSender;
  sms: NotificationSender;
  close(): Promise<void>;
}

/**
 * Email goes over SMTP when SMTP_URL is set, else to the log (the customer also has every message
 * in the in-app inbox); SMS goes to the log until a gateway adapter exists.
 */
export function createNotificationSenders(settings: Settings, logger: Logger): NotificationSenders {
  const sms = createLogSmsSender(logger);
  if (!settings.SMTP_URL) return { email: createLogEmailSender(logger), sms, close: async () => undefined };
  const transport = createSmtpTransport(settings.SMTP_URL);
  return { email: createSmtpSender(transport, { from: settings.SMTP_FROM }), sms, close: async () => transport.close() };
}
